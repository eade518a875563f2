import { Checkbox, DatePicker, Form, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PARTNER_ROLES } from '@medchannel/shared-schema';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { ProductLineSelect } from '../ProductLineSelect';
import type { AssignValues, useAssignCourse } from './useAssignCourse';
import { FailureAlert } from '@medchannel/web-shared/kernel';

const TIERS = [1, 2, 3, 4, 5];
const ROLES = PARTNER_ROLES;

/** Who the course goes to: named distributors, tiers or product lines, which roles, and by when. */
export function AssignForm({ assign }: { assign: ReturnType<typeof useAssignCourse> }) {
  const { t } = useTranslation();
  const { form, failure, picking, pick, unpick, distributors } = assign;
  return (
    <>
      <FailureAlert failure={failure} testId="assign-error" style={{ marginBottom: 16 }} detail={false} />
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{ tiers: [], productLineIds: [], roles: [], dueOn: dayjs().add(14, 'day') }}
      >
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
              <Tag key={d.id} closable onClose={() => unpick(d.id)}>
                {d.label}
              </Tag>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="tiers" label={t('assign.tiers')}>
          <Select
            mode="multiple"
            allowClear
            options={TIERS.map((tier) => ({ value: tier, label: t('product.tierValue', { tier }) }))}
            data-testid="assign-tiers"
          />
        </Form.Item>
        <Form.Item name="productLineIds" label={t('assign.productLines')} extra={t('assign.productLinesHint')}>
          <ProductLineSelect<string[]> mode="multiple" data-testid="assign-lines" />
        </Form.Item>
        <Form.Item name="roles" label={t('assign.roles')} extra={t('assign.rolesHint')}>
          <Checkbox.Group
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            data-testid="assign-roles"
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('assign.dueOn')}
          rules={[{ required: true, message: t('assign.dueOnRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            data-testid="assign-due"
          />
        </Form.Item>
      </Form>
    </>
  );
}
