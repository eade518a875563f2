import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { FormModal, useFormSubmit } from '../kernel';
import { toCents } from '../kernel/money';
import { AddTenderQuoteDocument, type TenderDetailFragment } from '../gql/opportunities/graphql';
import { AMOUNT } from './amount';
import { addOpportunityStrings } from './strings';

addOpportunityStrings();

interface Values {
  productId: string;
  price: string;
  reason?: string;
}

/** A product's bid price, the floor shown beside it; below the floor it asks why and waits for approval. */
export function QuoteModal({ tender, onClose }: { tender: TenderDetailFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const productId = Form.useWatch('productId', form);
  const price = Form.useWatch('price', form);
  const [add, { loading }] = useMutation(AddTenderQuoteDocument, { refetchQueries: ['Tenders'] });
  const { shell, clearFailure } = useFormSubmit<Values>({
    form,
    open: tender !== null,
    onClose,
    loading,
    errors: { prefix: 'tender.error', reload: ['Tenders'] },
    fields: ['productId', 'price', 'reason'],
    send: async (v, requestKey) => {
      await add({
        variables: {
          input: {
            tenderId: tender!.id,
            productId: v.productId,
            price: v.price,
            reason: v.reason?.trim() || null,
            idempotencyKey: requestKey,
          },
        },
      });
      onClose();
    },
  });
  const floor = tender?.products.find((p) => p.productId === productId)?.floorPrice ?? null;
  const below = Boolean(floor && price && AMOUNT.test(price) && toCents(price) < toCents(floor.amount));

  return (
    <FormModal {...shell} title={t('tender.addQuote')} submitText={t('action.save')} testId="quote-form">
      <Form<Values> form={form} layout="vertical" preserve={false} onValuesChange={clearFailure}>
        <Form.Item
          name="productId"
          label={t('tender.product')}
          rules={[{ required: true, message: t('tender.required') }]}
        >
          <Select
            options={(tender?.products ?? []).map((p) => ({
              value: p.productId,
              label: `${p.product?.name ?? '—'} · ${t('tender.floorPrice')} ${
                p.floorPrice ? format.money(p.floorPrice) : t('tender.noFloor')
              }`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="price"
          label={t('tender.price')}
          rules={[
            { required: true, message: t('tender.required') },
            { pattern: AMOUNT, message: t('tender.amountInvalid') },
          ]}
        >
          <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        {below && floor && (
          <>
            <Alert type="warning" showIcon title={t('tender.belowFloor', { floor: format.money(floor) })} />
            <Form.Item
              name="reason"
              label={t('tender.reasonBelowFloor')}
              style={{ marginTop: 12 }}
              rules={[{ required: true, whitespace: true, max: 500, message: t('tender.reasonRequired') }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
