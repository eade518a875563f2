import { useState } from 'react';
import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { SetPaymentTermsDocument } from '../../gql/graphql';

const MAX_DAYS = 365;
/** The distributor changed meanwhile: reload it, so a second try goes at its new version. */
const TERMS_ERRORS = { reload: ['Distributor', 'CreditStatus'], stale: [ErrorReason.STALE_VERSION] };

interface Props {
  distributorId: string;
  days: number;
  /** The distributor's version, for those who may set the terms */
  edit?: { version: number };
}

/** 账期: the days new invoices and receivables fall due after; editable by those who set the credit limit. */
export function PaymentTerms({ distributorId, days, edit }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('paymentTerms.label')}</Typography.Text>
      <Typography.Text strong data-testid="payment-terms-days" data-days={days}>
        {t('paymentTerms.days', { count: days })}
      </Typography.Text>
      {edit && (
        <>
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="payment-terms-edit"
          >
            {t('paymentTerms.edit')}
          </Button>
          <PaymentTermsModal
            open={editing}
            distributorId={distributorId}
            version={edit.version}
            current={days}
            onClose={() => setEditing(false)}
          />
        </>
      )}
    </Space>
  );
}

function PaymentTermsModal({
  open,
  distributorId,
  version,
  current,
  onClose,
}: {
  open: boolean;
  distributorId: string;
  version: number;
  current: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ days: number }>();
  const [setTerms, { loading }] = useMutation(SetPaymentTermsDocument);
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: TERMS_ERRORS,
    fields: ['days'],
    send: async (values) => {
      await setTerms({ variables: { distributorId, expectedVersion: version, days: values.days } });
      onClose();
    },
  });
  return (
    <FormModal {...shell} title={t('paymentTerms.editTitle')} submitText={t('action.save')} testId="payment-terms">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ days: current }}>
        <Form.Item
          name="days"
          label={t('paymentTerms.daysLabel')}
          extra={t('paymentTerms.help')}
          rules={[
            { required: true, message: t('paymentTerms.required') },
            { type: 'integer', min: 0, max: MAX_DAYS, message: t('paymentTerms.range', { max: MAX_DAYS }) },
          ]}
        >
          <InputNumber<number>
            min={0}
            max={MAX_DAYS}
            precision={0}
            style={{ width: '100%' }}
            data-testid="payment-terms-input"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
