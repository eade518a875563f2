import { useState } from 'react';
import { Alert, Button, DatePicker, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { SetProductFloorPriceDocument } from '../../gql/graphql';
import { AMOUNT } from './amount';
import { day } from './RegistrationFields';

interface Values {
  price: string;
  effectiveFrom: Dayjs;
}

/** 底价: the floor price a bid quote is checked against, from a date (the earlier floor ends the day before). */
export function FloorPriceButton({ product }: { product: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [setFloor, { loading }] = useMutation(SetProductFloorPriceDocument);
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose: () => setOpen(false),
    loading,
    fields: ['price', 'effectiveFrom'],
    done: t('product.floor.floorSet'),
    send: async (v) => {
      await setFloor({
        variables: { input: { productId: product!.id, price: v.price, effectiveFrom: day(v.effectiveFrom) } },
      });
    },
  });
  if (!product || !can(user.role, 'product.setPrice')) return null;

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('product.floor.setFloor')}</Button>
      <FormModal
        {...shell}
        title={t('product.floor.setFloorTitle', { name: product.name })}
        submitText={t('action.save')}
        testId="floor-form"
      >
        <Alert type="info" showIcon title={t('product.floor.setFloorHint')} style={{ marginBottom: 16 }} />
        <Form<Values> {...formProps}>
          <Form.Item
            name="price"
            label={t('product.floor.floorPrice')}
            rules={[
              { required: true, message: t('product.floor.required') },
              { pattern: AMOUNT, message: t('product.floor.amountInvalid') },
            ]}
          >
            <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('product.floor.effectiveFrom')}
            rules={[{ required: true, message: t('product.floor.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
