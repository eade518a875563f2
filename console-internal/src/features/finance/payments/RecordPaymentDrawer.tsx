import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Segmented, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { PaymentMethod } from '@medchannel/shared-schema';
import { toCents } from '@medchannel/web-shared/finance';
import { ErrorState } from '@medchannel/web-shared/states';
import { PayableInvoicesDocument, RecordPaymentDocument } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { businessToday } from '../dates';
import { useFinanceFailure, type FinanceFailure } from '../useFinanceFailure';
import { AllocationTable, payablesOf } from './AllocationTable';

interface Values {
  distributorId?: string;
  amount?: string;
  receivedOn: Dayjs;
  method: PaymentMethod;
  externalRef: string;
  note?: string;
  mode: 'auto' | 'manual';
  allocations?: Record<string, string | undefined>;
}

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
const FIELDS = ['amount', 'receivedOn', 'method', 'externalRef', 'note'];

interface Props {
  open: boolean;
  distributorId?: string;
  /** Payments the list shows: the same reference again answers one of these */
  knownIds: readonly string[];
  onClose: () => void;
}

/**
 * Records money received with the bank's reference, which makes it safe to send twice: the same
 * reference answers the payment already recorded. Settles open invoices oldest due first, or by hand.
 */
export function RecordPaymentDrawer({ open, distributorId: initial, knownIds, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const distributorId = Form.useWatch('distributorId', form);
  const mode = Form.useWatch('mode', form);
  const amount = Form.useWatch('amount', form);
  const allocations = Form.useWatch('allocations', form);
  const [failure, setFailure] = useState<FinanceFailure | null>(null);
  const [allocationError, setAllocationError] = useState<string | null>(null);
  const invoices = useQuery(PayableInvoicesDocument, { variables: { distributorId: distributorId ?? '' }, skip: !distributorId || mode !== 'manual', fetchPolicy: 'network-only' });
  const [record, { loading }] = useMutation(RecordPaymentDocument, { refetchQueries: ['Payments', 'Invoices', 'PayableInvoices'] });
  const explain = useFinanceFailure();
  const payables = payablesOf(invoices.data?.invoices.nodes ?? []);
  const validAmount = amount && AMOUNT.test(amount) ? amount : undefined;

  useEffect(() => form.setFieldValue('allocations', {}), [distributorId, form]);
  useEffect(() => {
    if (open) {
      setFailure(null);
      setAllocationError(null);
    }
  }, [open]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || loading || !values.distributorId || !values.amount) return;
    setFailure(null);
    setAllocationError(null);
    const sent =
      values.mode === 'manual'
        ? payables.map((p) => ({ invoiceId: p.invoice.id, amount: values.allocations?.[p.invoice.id] })).filter((a): a is { invoiceId: string; amount: string } => !!a.amount && toCents(a.amount) > 0n)
        : undefined;
    const allocated = (sent ?? []).reduce((total, a) => total + toCents(a.amount), 0n);
    if (allocated > toCents(values.amount)) return setAllocationError(t('financeError.field.allocations'));
    try {
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
      if (payment && knownIds.includes(payment.id)) void message.info(t('payment.replayed', { ref: payment.externalRef }));
      else void message.success(t('payment.recorded', { ref: payment?.externalRef ?? '' }));
      onClose();
    } catch (error) {
      const f = explain(error);
      const invoiceId = f.index !== undefined ? sent?.[f.index]?.invoiceId : undefined;
      if (f.field?.startsWith('allocations.') && invoiceId) form.setFields([{ name: ['allocations', invoiceId], errors: [f.message] }]);
      else if (f.field === 'allocations' || f.field?.startsWith('allocations.')) setAllocationError(f.message);
      else if (f.field && FIELDS.includes(f.field)) form.setFields([{ name: f.field as keyof Values, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('payment.recordTitle')}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="payment-submit">
            {t('payment.recordSubmit')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} description={failure.detail} data-testid="payment-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ distributorId: initial, receivedOn: dayjs(businessToday()), method: PaymentMethod.BANK_TRANSFER, mode: 'auto', allocations: {} }}
        onValuesChange={() => failure && setFailure(null)}
      >
        <Form.Item name="distributorId" label={t('finance.distributor')} rules={[{ required: true, message: t('finance.distributorRequired') }]}>
          <DistributorPicker placeholder={t('finance.pickDistributor')} testId="payment-distributor" style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="amount"
              label={t('payment.amount')}
              rules={[
                { required: true, message: t('payment.amountRequired') },
                { pattern: AMOUNT, message: t('payment.amountInvalid') },
                { validator: (_, v?: string) => (v && AMOUNT.test(v) && toCents(v) <= 0n ? Promise.reject(new Error(t('financeError.field.amount'))) : Promise.resolve()) },
              ]}
            >
              <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} data-testid="payment-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedOn" label={t('payment.receivedOn')} rules={[{ required: true, message: t('payment.receivedOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > businessToday()} data-testid="payment-received-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="method" label={t('payment.method')}>
              <Select options={Object.values(PaymentMethod).map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))} data-testid="payment-method" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="externalRef" label={t('payment.externalRef')} extra={t('payment.externalRefHelp')} rules={[{ required: true, whitespace: true, message: t('payment.externalRefRequired') }]}>
          <Input maxLength={100} data-testid="payment-ref" />
        </Form.Item>
        <Form.Item name="note" label={t('payment.note')}>
          <Input maxLength={200} data-testid="payment-note" />
        </Form.Item>
        <Form.Item name="mode" label={t('payment.allocation')} extra={mode === 'manual' ? t('payment.manualHelp') : t('payment.autoHelp')}>
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
            <AllocationTable payables={payables} amount={validAmount} allocations={allocations} onFill={(filled) => form.setFieldValue('allocations', filled)} />
          ))}
        {allocationError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={allocationError} data-testid="allocation-error" />}
      </Form>
    </Drawer>
  );
}
