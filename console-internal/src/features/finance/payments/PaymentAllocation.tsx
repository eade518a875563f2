import { Alert, Form, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@medchannel/web-shared/states';
import { AllocationTable } from './AllocationTable';
import type { useRecordPayment } from './useRecordPayment';

/** How the payment settles invoices: oldest due first, or by hand against the distributor's open invoices. */
export function PaymentAllocation({ payment }: { payment: ReturnType<typeof useRecordPayment> }) {
  const { t } = useTranslation();
  const { form, mode, distributorId, invoices, payables, validAmount, allocations, allocationError } = payment;
  return (
    <>
      <Form.Item
        name="mode"
        label={t('payment.allocation')}
        extra={mode === 'manual' ? t('payment.manualHelp') : t('payment.autoHelp')}
      >
        <Segmented
          options={[
            { value: 'auto', label: t('payment.auto') },
            { value: 'manual', label: t('payment.manual') },
          ]}
          data-testid="payment-allocation-mode"
        />
      </Form.Item>
      {mode === 'manual' &&
        (!distributorId ? (
          <Typography.Text type="secondary">{t('invoice.pickDistributorFirst')}</Typography.Text>
        ) : invoices.error ? (
          <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
        ) : (
          <AllocationTable
            payables={payables}
            amount={validAmount}
            allocations={allocations}
            onFill={(filled) => form.setFieldValue('allocations', filled)}
          />
        ))}
      {allocationError && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={allocationError} data-testid="allocation-error" />
      )}
    </>
  );
}
