import { Alert, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { FormModal, addDays } from '@medchannel/web-shared/kernel';
import { RenewProductRegistrationDocument } from '../../gql/graphql';
import { type ProductRow } from './useProductList';
import { ValidityFields, day } from './RegistrationFields';
import { useProductRowForm } from './useProductRowForm';

interface Values {
  registrationNo: string;
  validFrom: Dayjs;
  validTo: Dayjs;
}

const ERRORS = { reload: ['Product'], stale: [ErrorReason.STALE_VERSION] };

/**
 * 延续注册证: the renewed certificate becomes the product's current one from its first day; the old
 * one stays in the history. Offered from the day after the current one ends.
 */
export function RenewRegistrationModal({ product, onClose }: { product: ProductRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [renew, { loading }] = useMutation(RenewProductRegistrationDocument, {
    refetchQueries: ['Products', 'ProductPrices'],
  });
  const { shell, formProps } = useProductRowForm<Values>({
    product,
    onClose,
    loading,
    errors: ERRORS,
    fields: ['registrationNo', 'validFrom', 'validTo'],
    done: t('product.renewed'),
    send: async (v, { id, version }) => {
      await renew({
        variables: {
          id,
          input: {
            registrationNo: v.registrationNo.trim(),
            validFrom: day(v.validFrom),
            validTo: day(v.validTo),
            expectedVersion: version,
          },
        },
      });
    },
  });

  return (
    <FormModal
      {...shell}
      title={t('product.renewTitle', { name: product?.name ?? '' })}
      submitText={t('product.renew')}
      testId="renew-form"
    >
      <Alert type="info" showIcon title={t('product.renewHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        {...formProps}
        initialValues={product ? { validFrom: dayjs(addDays(product.registrationValidTo, 1)) } : {}}
      >
        <Form.Item
          name="registrationNo"
          label={t('product.newRegistrationNo')}
          rules={[{ required: true, whitespace: true, message: t('product.registrationNoRequired') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <ValidityFields from="validFrom" to="validTo" />
      </Form>
    </FormModal>
  );
}
