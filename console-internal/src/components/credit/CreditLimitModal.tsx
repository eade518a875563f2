import { Form, InputNumber } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { SetCreditLimitDocument } from '../../gql/graphql';

interface Props {
  open: boolean;
  distributorId: string;
  /** The distributor's version the page saw: someone else's change in between is STALE_VERSION */
  version: number;
  current: string;
  onClose: () => void;
}

/** The distributor changed meanwhile: reload it, so a second try goes at its new version. */
const CREDIT_ERRORS = { reload: ['Distributor', 'CreditStatus'], stale: [ErrorReason.STALE_VERSION] };

/** The most the distributor may owe at once; orders beyond what it leaves are refused when placed. */
export function CreditLimitModal({ open, distributorId, version, current, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: string }>();
  const [setLimit, { loading }] = useMutation(SetCreditLimitDocument, {
    refetchQueries: ['CreditStatus'],
    awaitRefetchQueries: true,
  });
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: CREDIT_ERRORS,
    fields: ['amount'],
    send: async (values) => {
      await setLimit({ variables: { distributorId, expectedVersion: version, amount: values.amount } });
      onClose();
    },
  });

  return (
    <FormModal {...shell} title={t('credit.editTitle')} submitText={t('action.save')} testId="credit-limit">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ amount: current }}>
        <Form.Item
          name="amount"
          label={t('credit.limitLabel')}
          extra={t('credit.limitHelp')}
          rules={[
            { required: true, message: t('credit.limitRequired') },
            { pattern: /^\d{1,16}(\.\d{1,2})?$/, message: t('credit.limitInvalid') },
          ]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            precision={2}
            style={{ width: '100%' }}
            data-testid="credit-limit-amount"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
