import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MAX_CO_VISIT_SLOTS } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { newRequestKey } from '@medchannel/web-shared/orders';
import { OverlapDeclined, useOverlapConfirm } from '@medchannel/web-shared/visits';
import { ProposeCoVisitDocument, VisitHospitalPlaceDocument } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { HospitalPicker } from '../pickers/HospitalPicker';
import { PeopleSelect } from '../pickers/PeopleSelect';
import { ProductSelect } from '../pickers/ProductSelect';
import { useVisitPeople } from '../pickers/people';
import { useVisitFailure, type VisitFailure } from '../useVisitFailure';
import { plansVisits } from '../roles';
import { SlotField, emptySlot, slotInput, slotRule, type SlotValue } from './slots';

interface Values {
  hospitalId?: string;
  departmentId?: string;
  contactIds: string[];
  distributorId?: string;
  partnerIds: string[];
  colleagueIds: string[];
  goal: string;
  products: Array<{ value: string; label: string }>;
  slots: SlotValue[];
}

/** Form fields a refusal may name (`slots.1` shows beside slot 2); anything else above the form. */
const FIELDS = new Set(['hospitalId', 'departmentId', 'contactIds', 'distributorId', 'goal', 'slots']);

/**
 * 发起协同拜访: where (hospital, department, contacts), with whom (the distributor's people and
 * brand colleagues), why (goal, products) and when (up to five times for the other side to pick).
 * One request key per open form, kept through retries: a double click or a lost answer plans once.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newRequestKey);
  const [failure, setFailure] = useState<VisitFailure | null>(null);
  const hospitalId = Form.useWatch('hospitalId', form);
  const distributorId = Form.useWatch('distributorId', form);
  const place = useQuery(VisitHospitalPlaceDocument, { variables: { id: hospitalId ?? '' }, skip: !hospitalId });
  const people = useVisitPeople(distributorId);
  const explain = useVisitFailure();
  const [propose, { loading }] = useMutation(ProposeCoVisitDocument, { refetchQueries: ['MyCoVisits'] });
  const overlap = useOverlapConfirm();
  const hospital = place.data?.hospital;

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    try {
      const { data } = await overlap.guard((confirmOverlap) => propose({
        variables: {
          input: {
            confirmOverlap,
            idempotencyKey: key,
            hospitalId: values.hospitalId!,
            departmentId: values.departmentId,
            contactIds: values.contactIds ?? [],
            distributorId: values.distributorId,
            participantIds: [...(values.partnerIds ?? []), ...(values.colleagueIds ?? [])],
            goal: values.goal.trim(),
            productIds: (values.products ?? []).map((p) => p.value),
            slots: values.slots.map((s) => slotInput(s)!),
          },
        },
      }));
      void navigate(`/visits/co/${data!.proposeCoVisit.id}`);
    } catch (error) {
      // warned of a time clash, the user went back to change the times
      if (error instanceof OverlapDeclined) return;
      const f = explain(error);
      const [name, index] = (f.field ?? '').split('.');
      if (name === 'slots' && index) form.setFields([{ name: ['slots', Number(index)], errors: [f.message] }]);
      else if (FIELDS.has(name)) form.setFields([{ name: name as keyof Values, errors: [f.message] }]);
      else if (name === 'participantIds') form.setFields([{ name: 'partnerIds', errors: [f.message] }]);
      else setFailure(f);
    }
  };

  if (!plansVisits(user.role)) return <Alert type="info" showIcon title={t('visit.cannotPlan')} />;

  return (
    <Card title={t('visit.planTitle')} data-testid="plan-form">
      {overlap.dialog}
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} data-testid="plan-error" data-reason={failure.reason ?? ''} />}
      {people.denied && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('visit.peopleDenied')} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ contactIds: [], partnerIds: [], colleagueIds: [], products: [], slots: [emptySlot()] }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="hospitalId" label={t('visit.hospital')} rules={[{ required: true, message: t('visit.hospitalRequired') }]}>
              <HospitalPicker
                placeholder={t('visit.hospitalSearch')}
                testId="plan-hospital"
                onChange={(id) => form.setFieldsValue({ hospitalId: id, departmentId: undefined, contactIds: [] })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label={t('visit.department')}>
              <Select allowClear showSearch optionFilterProp="label" disabled={!hospital} options={hospital?.departments.map((d) => ({ value: d.id, label: d.name }))} data-testid="plan-department" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="contactIds" label={t('visit.contacts')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            disabled={!hospital}
            options={hospital?.contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
            data-testid="plan-contacts"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="distributorId" label={t('visit.distributor')} rules={[{ required: true, message: t('visit.distributorRequired') }]}>
              <DistributorPicker
                placeholder={t('visit.distributorSearch')}
                testId="plan-distributor"
                style={{ width: '100%' }}
                onChange={(id) => form.setFieldsValue({ distributorId: id, partnerIds: [] })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="partnerIds"
              label={t('visit.partners')}
              extra={t('visit.partnersHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('visit.partnersRequired') }]}
            >
              <PeopleSelect people={people.partners} loading={people.loading} disabled={!distributorId} placeholder={t('visit.partnersPlaceholder')} testId="plan-partners" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="colleagueIds" label={t('visit.colleagues')} extra={t('visit.colleaguesHint')}>
          <PeopleSelect people={people.colleagues} loading={people.loading} placeholder={t('visit.colleaguesPlaceholder')} testId="plan-colleagues" />
        </Form.Item>
        <Form.Item name="goal" label={t('visit.goal')} rules={[{ required: true, whitespace: true, message: t('visit.goalRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('visit.goalPlaceholder')} data-testid="plan-goal" />
        </Form.Item>
        <Form.Item name="products" label={t('visit.products')}>
          <ProductSelect placeholder={t('visit.productsPlaceholder')} testId="plan-products" />
        </Form.Item>
        <Typography.Text strong>{t('visit.slots')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('visit.slotsHint')}</Typography.Paragraph>
        <Form.List name="slots">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" data-testid={`slot-${i}`}>
                  <Form.Item name={field.name} rules={[slotRule(t('visit.slot.incomplete'))]}>
                    <SlotField />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} data-testid="slot-remove" />}
                </Space>
              ))}
              {fields.length < MAX_CO_VISIT_SLOTS && (
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptySlot())} data-testid="slot-add">
                    {t('visit.slot.add')}
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
        <Space>
          <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="plan-submit">
            {t('visit.planSubmit')}
          </Button>
          <Button onClick={() => void navigate('/visits/week')}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
