import { Alert, Form, InputNumber, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAX_LINE_QUANTITY } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import type { TenderDetailFragment } from '@medchannel/web-shared/opportunities';
import { PlaceMyTenderOrderDocument } from '../../../gql/graphql';
import { NOTICE_TARGETS } from '../../../components/paths';

type Values = Record<string, number | null>;

/** A won tender becomes the distributor's order: a quantity per usable quote, each at its bid price. */
export function PlaceOrderModal({ tender, onClose }: { tender: TenderDetailFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const quotes = (tender?.quotes ?? []).filter((q) => q.status === 'USABLE');
  const [place, { loading }] = useMutation(PlaceMyTenderOrderDocument);
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: tender !== null,
    onClose,
    loading,
    errors: { prefix: 'tender.error', reload: ['MyTenders'] },
    fields: [],
    send: async (v, requestKey) => {
      const lines = quotes
        .map((q) => ({ productId: q.product!.id, quantity: Number(v[q.id] ?? 0) }))
        .filter((l) => l.quantity > 0);
      const res = await place({ variables: { input: { tenderId: tender!.id, lines, idempotencyKey: requestKey } } });
      onClose();
      const order = res.data?.placeOrderFromTender;
      if (order) void navigate(NOTICE_TARGETS.order(order.id));
    },
  });

  return (
    <FormModal {...shell} title={t('tender.placeOrder')} submitText={t('tender.placeOrder')} testId="tender-order-form">
      <Alert type="info" showIcon title={t('tender.placeOrderHint')} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        {quotes.map((q) => (
          <Form.Item
            key={q.id}
            name={q.id}
            initialValue={1}
            label={`${t('tender.quantity')} · ${q.product?.name ?? '—'} · ${format.money(q.price)}`}
            rules={[{ required: true, message: t('tender.required') }]}
          >
            <InputNumber min={1} max={MAX_LINE_QUANTITY} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
      <Typography.Text type="secondary">{tender?.number}</Typography.Text>
    </FormModal>
  );
}
