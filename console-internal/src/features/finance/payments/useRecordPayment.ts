import { App, Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { PaymentMethod } from '@medchannel/shared-schema';
import { PayableInvoicesDocument, RecordPaymentDocument } from '../../../gql/graphql';
import { toCents, useFormSubmit } from '@medchannel/web-shared/kernel';
import { payablesOf } from './AllocationTable';
import { useDistributorOptions } from '../useDistributorOptions';

export interface RecordPaymentValues {
  distributorId?: string;
  amount?: string;
  receivedOn: Dayjs;
  method: PaymentMethod;
  externalRef: string;
  note?: string;
  mode: 'auto' | 'manual';
  allocations?: Record<string, string | undefined>;
}

export const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
const FIELDS = ['amount', 'receivedOn', 'method', 'externalRef', 'note'];
const FINANCE_ERRORS = { prefix: 'financeError' };

/**
 * The payment form's state: the distributor's open invoices when settling by hand, and the submit.
 * The same bank reference again answers the payment already recorded (one of knownIds).
 */
export function useRecordPayment(open: boolean, knownIds: readonly string[], onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordPaymentValues>();
  const mode = Form.useWatch('mode', form);
  const amount = Form.useWatch('amount', form);
  const allocations = Form.useWatch('allocations', form);
  const {
    distributorId,
    options: invoices,
    notice: allocationError,
    setNotice: setAllocationError,
  } = useDistributorOptions(form, PayableInvoicesDocument, {
    open,
    needed: mode === 'manual',
    onPick: () => form.setFieldValue('allocations', {}),
  });
  const [record, { loading }] = useMutation(RecordPaymentDocument, {
    refetchQueries: ['Payments', 'Invoices', 'PayableInvoices'],
  });
  const payables = payablesOf(invoices.data?.invoices.nodes ?? []);
  const validAmount = amount && AMOUNT.test(amount) ? amount : undefined;

  /** The manual allocations worth sending, in the order the server's field positions count them */
  const allocationsOf = (values: RecordPaymentValues) =>
    values.mode === 'manual'
      ? payables
          .map((p) => ({ invoiceId: p.invoice.id, amount: values.allocations?.[p.invoice.id] }))
          .filter((a): a is { invoiceId: string; amount: string } => !!a.amount && toCents(a.amount) > 0n)
      : undefined;

  const { clearFailure, shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: FINANCE_ERRORS,
    fields: FIELDS,
    send: async (values) => {
      setAllocationError(null);
      if (!values.distributorId || !values.amount) return;
      const sent = allocationsOf(values);
      const allocated = (sent ?? []).reduce((total, a) => total + toCents(a.amount), 0n);
      if (allocated > toCents(values.amount)) return setAllocationError(t('financeError.field.allocations'));
      const { data } = await record({
        variables: {
          input: {
            distributorId: values.distributorId,
            amount: values.amount,
            receivedOn: values.receivedOn.format('YYYY-MM-DD'),
            method: values.method,
            externalRef: values.externalRef.trim(),
            note: values.note?.trim() || undefined,
            allocations: sent,
          },
        },
      });
      const payment = data?.recordPayment;
      if (payment && knownIds.includes(payment.id))
        void message.info(t('payment.replayed', { ref: payment.externalRef }));
      else void message.success(t('payment.recorded', { ref: payment?.externalRef ?? '' }));
      onClose();
    },
    onFailure: (f, values) => {
      const invoiceId = f.index !== undefined ? allocationsOf(values)?.[f.index]?.invoiceId : undefined;
      if (f.fieldName?.startsWith('allocations.') && invoiceId)
        form.setFields([{ name: ['allocations', invoiceId], errors: [f.message] }]);
      else if (f.fieldName === 'allocations' || f.fieldName?.startsWith('allocations.')) setAllocationError(f.message);
      else return false;
      return true;
    },
  });

  return {
    form,
    distributorId,
    mode,
    allocations,
    invoices,
    payables,
    validAmount,
    clearFailure,
    allocationError,
    shell,
  };
}
