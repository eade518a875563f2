import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExitOrderDecision, can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { OrderStatusTag } from '@medchannel/web-shared/orders';
import { DecideExitOrderDocument, type ExitPlanDetailFragment } from '../../gql/graphql';

type Order = ExitPlanDetailFragment['orders'][number];

/** The exiting distributor's open orders: each finished or cancelled by decision, with why. */
export function ExitOrdersCard({ plan }: { plan: ExitPlanDetailFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const manager = can(user.role, 'exit.manage');
  const [deciding, setDeciding] = useState<{ order: Order; decision: ExitOrderDecision } | null>(null);
  const button = (order: Order, decision: ExitOrderDecision) => (
    <Button
      size="small"
      danger={decision === ExitOrderDecision.CANCEL}
      onClick={() => setDeciding({ order, decision })}
    >
      {decision === ExitOrderDecision.CANCEL ? t('exit.cancel') : t('exit.finish')}
    </Button>
  );
  return (
    <Card title={t('exit.orders')}>
      <Table<Order>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plan.orders}
        locale={{ emptyText: t('exit.noOrders') }}
        data-testid="exit-orders"
        columns={[
          { title: t('exit.order'), key: 'number', render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
          { title: t('exit.orderStatus'), key: 'status', render: (_, o) => <OrderStatusTag status={o.status} /> },
          { title: t('exit.total'), key: 'total', align: 'right', render: (_, o) => format.money(o.total) },
          {
            title: t('exit.decision'),
            key: 'decision',
            render: (_, o) =>
              o.decision ? (
                `${t(`exit.decisionWord.${o.decision}`)} · ${o.decisionReason ?? ''}`
              ) : manager ? (
                <Space>
                  {button(o, ExitOrderDecision.FINISH)}
                  {button(o, ExitOrderDecision.CANCEL)}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {deciding && <DecideModal planId={plan.id} {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function DecideModal({
  planId,
  order,
  decision,
  onClose,
}: {
  planId: string;
  order: Order;
  decision: ExitOrderDecision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [decide, { loading }] = useMutation(DecideExitOrderDocument);
  const { shell, clearFailure } = useFormSubmit<{ reason: string }>({
    form,
    open: true,
    onClose,
    loading,
    errors: { prefix: 'exit.error', reload: ['ExitPlan'] },
    fields: (field) => (field === 'reason' ? field : undefined),
    send: async (v) => {
      await decide({ variables: { input: { planId, orderId: order.id, decision, reason: v.reason.trim() } } });
      onClose();
    },
  });
  return (
    <FormModal
      {...shell}
      title={t('exit.decideTitle', { decision: t(`exit.decisionWord.${decision}`), number: order.number })}
      submitText={t('exit.decideSubmit')}
      testId="exit-decide-form"
    >
      <Form form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item
          name="reason"
          label={t('exit.decideReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('exit.decideReasonRequired') }]}
        >
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
