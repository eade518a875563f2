import { useState } from 'react';
import { Alert, Form, InputNumber, Modal, type ButtonProps } from 'antd';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, formError } from '@medchannel/web-shared';
import { SetCreditLimitDocument } from '../../gql/graphql';

interface Props {
  open: boolean;
  distributorId: string;
  /** The distributor's version the page saw: someone else's change in between is STALE_VERSION */
  version: number;
  current: string;
  onClose: () => void;
}

/** The most the distributor may owe at once; orders beyond what it leaves are refused when placed. */
export function CreditLimitModal({ open, distributorId, version, current, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: string }>();
  const client = useApolloClient();
  const [setLimit, { loading }] = useMutation(SetCreditLimitDocument, { refetchQueries: ['CreditStatus'], awaitRefetchQueries: true });
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || loading) return;
    setFailure(null);
    try {
      await setLimit({ variables: { distributorId, expectedVersion: version, amount: values.amount } });
      onClose();
    } catch (error) {
      const f = formError(t, error);
      if (f.field === 'amount') form.setFields([{ name: 'amount', errors: [f.message] }]);
      else setFailure(f);
      // The distributor changed meanwhile: reload it, so a second try goes at its new version.
      if (codedError(error).reason === ErrorReason.STALE_VERSION) void client.refetchQueries({ include: ['Distributor', 'CreditStatus'] });
    }
  };

  return (
    <Modal
      open={open}
      title={t('credit.editTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'credit-limit-submit' } as ButtonProps}
    >
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
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} data-testid="credit-limit-amount" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} description={failure.detail} data-testid="credit-limit-error" />}
    </Modal>
  );
}
