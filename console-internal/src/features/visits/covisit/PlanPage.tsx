import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { ProductSelect } from '../pickers/ProductSelect';
import { emptySlot } from './slots';
import { PlanPlaceFields } from './PlanPlaceFields';
import { PlanSlots } from './PlanSlots';
import { usePlanCoVisit, type PlanValues } from './usePlanCoVisit';
import { FailureAlert } from '@medchannel/web-shared/kernel';

/**
 * 发起协同拜访: where (hospital, department, contacts), with whom (the distributor's people and
 * brand colleagues), why (goal, products) and when (up to five times for the other side to pick).
 * The state and the submit are in usePlanCoVisit; a hospital's page opens it with the hospital and
 * the distributor serving it chosen (?hospital=<id>&distributor=<id>).
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plan = usePlanCoVisit();
  const { form, failure, people, overlap } = plan;

  if (!can(user.role, 'coVisit.plan')) return <Alert type="info" showIcon title={t('visit.cannotPlan')} />;

  return (
    <Card title={t('visit.planTitle')} data-testid="plan-form">
      {overlap.dialog}
      <FailureAlert failure={failure} testId="plan-error" style={{ marginBottom: 16 }} detail={false} withReason />
      {people.denied && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('visit.peopleDenied')} />}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={{
          ...plan.preset,
          contactIds: [],
          partnerIds: [],
          colleagueIds: [],
          products: [],
          slots: [emptySlot()],
        }}
      >
        <PlanPlaceFields plan={plan} />
        <Form.Item
          name="goal"
          label={t('visit.goal')}
          rules={[{ required: true, whitespace: true, message: t('visit.goalRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('visit.goalPlaceholder')}
            data-testid="plan-goal"
          />
        </Form.Item>
        <Form.Item name="products" label={t('visit.products')}>
          <ProductSelect placeholder={t('visit.productsPlaceholder')} testId="plan-products" />
        </Form.Item>
        <Typography.Text strong>{t('visit.slots')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('visit.slotsHint')}</Typography.Paragraph>
        <PlanSlots />
        <Space>
          <Button type="primary" loading={plan.loading} onClick={() => void plan.submit()} data-testid="plan-submit">
            {t('visit.planSubmit')}
          </Button>
          <Button onClick={() => void plan.navigate('/visits/week')}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
