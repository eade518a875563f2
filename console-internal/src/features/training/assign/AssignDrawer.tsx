import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Result, Select, Space, Tag } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { Role } from '@medchannel/shared-schema';
import { newRequestKey } from '@medchannel/web-shared/orders';
import { AssignCourseDocument, type CourseAssignmentRowFragment, type CourseDetailFragment } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { useTrainingFailure, type TrainingFailure } from '../useTrainingFailure';
import { ProductLineSelect } from '../ProductLineSelect';

interface Props {
  course: CourseDetailFragment;
  open: boolean;
  onClose: () => void;
  /** After an assignment is made: the page shows the assignments */
  onAssigned: () => void;
}

interface Values {
  tiers: number[];
  productLineIds: string[];
  roles: Role[];
  dueOn: Dayjs;
}

const TIERS = [1, 2, 3, 4, 5];
const ROLES = [Role.OWNER, Role.REP];
/** Form fields a refusal may name; anything else is shown above the form. */
const FIELDS = new Set(['tiers', 'productLineIds', 'roles', 'dueOn']);

/**
 * Assigns the published course: to named distributors, tiers, or everyone authorized for product
 * lines (a campaign), their owners and/or reps, due on a date. The request key is made when the
 * drawer opens and kept through retries, so a double click or a lost answer assigns once; the
 * answer says how many people it reached.
 */
export default function AssignDrawer({ course, open, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newRequestKey);
  const [distributors, setDistributors] = useState<Array<{ id: string; label: string }>>([]);
  const [picking, setPicking] = useState<string | undefined>();
  const [failure, setFailure] = useState<TrainingFailure | null>(null);
  const [done, setDone] = useState<CourseAssignmentRowFragment | null>(null);
  const explain = useTrainingFailure(['Course']);
  const [assign, { loading }] = useMutation(AssignCourseDocument, { refetchQueries: ['CourseAssignments', 'CourseEnrollments', 'TrainingCompletion'] });

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    if (!distributors.length && !values.tiers?.length && !values.productLineIds?.length) {
      setFailure({ stale: false, message: t('trainingError.field.distributorIds') });
      return;
    }
    try {
      const { data } = await assign({
        variables: {
          input: {
            courseId: course.id,
            idempotencyKey: key,
            distributorIds: distributors.map((d) => d.id),
            tiers: values.tiers ?? [],
            productLineIds: values.productLineIds ?? [],
            roles: values.roles ?? [],
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          },
        },
      });
      setDone(data!.assignCourse);
      onAssigned();
    } catch (error) {
      const f = explain(error);
      if (f.field && FIELDS.has(f.field)) form.setFields([{ name: f.field as keyof Values, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  const pick = (id: string | undefined, label?: string) => {
    if (id && !distributors.some((d) => d.id === id)) setDistributors([...distributors, { id, label: label ?? id }]);
    setPicking(undefined);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('assign.title', { title: course.title })}
      size={560}
      destroyOnHidden
      data-testid="assign-drawer"
      extra={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="assign-done">
            {t('assign.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="assign-submit">
              {t('assign.submit')}
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title={<span data-testid="assign-reached">{t('assign.reached', { count: done.enrolled })}</span>}
          subTitle={t('assign.reachedNote', { due: done.dueOn })}
        />
      ) : (
        <>
          {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} data-testid="assign-error" />}
          <Form<Values> form={form} layout="vertical" initialValues={{ tiers: [], productLineIds: [], roles: [], dueOn: dayjs().add(14, 'day') }}>
            <Form.Item label={t('assign.distributors')} extra={t('assign.criteriaHint')}>
              <DistributorPicker
                value={picking}
                onChange={pick}
                placeholder={t('assign.addDistributor')}
                testId="assign-distributor"
                style={{ width: '100%' }}
              />
              <Space size={[4, 4]} wrap style={{ marginTop: 8 }} data-testid="assign-distributors">
                {distributors.map((d) => (
                  <Tag key={d.id} closable onClose={() => setDistributors(distributors.filter((x) => x.id !== d.id))}>
                    {d.label}
                  </Tag>
                ))}
              </Space>
            </Form.Item>
            <Form.Item name="tiers" label={t('assign.tiers')}>
              <Select mode="multiple" allowClear options={TIERS.map((tier) => ({ value: tier, label: t('product.tierValue', { tier }) }))} data-testid="assign-tiers" />
            </Form.Item>
            <Form.Item name="productLineIds" label={t('assign.productLines')} extra={t('assign.productLinesHint')}>
              <ProductLineSelect<string[]> mode="multiple" data-testid="assign-lines" />
            </Form.Item>
            <Form.Item name="roles" label={t('assign.roles')} extra={t('assign.rolesHint')}>
              <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="assign-roles" />
            </Form.Item>
            <Form.Item name="dueOn" label={t('assign.dueOn')} rules={[{ required: true, message: t('assign.dueOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="assign-due" />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
