import { Alert, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@medchannel/web-shared/kernel';
import { SetTierPriceDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';
import { AMOUNT } from './amount';
import { day } from './RegistrationFields';
import { useProductRowForm } from './useProductRowForm';

interface Values {
  tier: number;
  price: string;
  effectiveFrom: Dayjs;
}

/** The tiers a price list has (SetTierPriceInput: 1–9). */
const TIERS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const ERRORS = { reload: ['Product'] };

/** 调价: a tier's price from a date; the tier's earlier price ends the day before, and stays in the history. */
export function SetPriceModal({ product, onClose }: { product: ProductRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [setPrice, { loading }] = useMutation(SetTierPriceDocument, { refetchQueries: ['Products', 'ProductPrices'] });
  const { shell, formProps } = useProductRowForm<Values>({
    product,
    onClose,
    loading,
    errors: ERRORS,
    fields: ['tier', 'price', 'effectiveFrom'],
    done: t('product.priceChanged'),
    send: async (v, { id: productId }) => {
      const input = { productId, tier: v.tier, price: v.price, effectiveFrom: day(v.effectiveFrom) };
      await setPrice({ variables: { input } });
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('product.changePriceTitle', { name: product?.name ?? '' })}
      submitText={t('action.save')}
      testId="price-form"
    >
      <Alert type="info" showIcon title={t('product.changePriceHint')} style={{ marginBottom: 16 }} />
      <Form<Values> {...formProps} initialValues={{ tier: 1 }}>
        <Space.Compact block>
          <Form.Item
            name="tier"
            label={t('product.tier')}
            style={{ width: '30%' }}
            rules={[{ required: true, message: t('product.tierRequired') }]}
          >
            <Select options={TIERS.map((tier) => ({ value: tier, label: t('product.tierValue', { tier }) }))} />
          </Form.Item>
          <Form.Item
            name="price"
            label={t('product.price')}
            style={{ width: '35%' }}
            rules={[
              { required: true, message: t('product.priceRequired') },
              { pattern: AMOUNT, message: t('product.amountInvalid') },
            ]}
          >
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('product.effectiveFrom')}
            style={{ width: '35%' }}
            rules={[{ required: true, message: t('product.effectiveFromRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
      </Form>
    </FormModal>
  );
}
