import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PaymentMethod } from '@medchannel/shared-schema';
import { positiveAmountRules } from '../amountRules';
import { DistributorField } from '../DistributorField';
import { chinaToday, FormDrawer } from '@medchannel/web-shared/kernel';
import { PaymentAllocation } from './PaymentAllocation';
import { AMOUNT, useRecordPayment, type RecordPaymentValues } from './useRecordPayment';

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
  const payment = useRecordPayment(open, knownIds, onClose);
  const { form } = payment;

  return (
    <FormDrawer
      {...payment.shell}
      title={t('payment.recordTitle')}
      submitText={t('payment.recordSubmit')}
      testId="payment"
      size={760}
    >
      <Form<RecordPaymentValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          distributorId: initial,
          receivedOn: dayjs(chinaToday()),
          method: PaymentMethod.BANK_TRANSFER,
          mode: 'auto',
          allocations: {},
        }}
        onValuesChange={payment.clearFailure}
      >
        <DistributorField testId="payment-distributor" />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="amount" label={t('payment.amount')} rules={positiveAmountRules(t, AMOUNT)}>
              <InputNumber<string>
                stringMode
                min="0"
                precision={2}
                prefix="¥"
                style={{ width: '100%' }}
                data-testid="payment-amount"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="receivedOn"
              label={t('payment.receivedOn')}
              rules={[{ required: true, message: t('payment.receivedOnRequired') }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
                data-testid="payment-received-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="method" label={t('payment.method')}>
              <Select
                options={Object.values(PaymentMethod).map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
                data-testid="payment-method"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="externalRef"
          label={t('payment.externalRef')}
          extra={t('payment.externalRefHelp')}
          rules={[{ required: true, whitespace: true, message: t('payment.externalRefRequired') }]}
        >
          <Input maxLength={100} data-testid="payment-ref" />
        </Form.Item>
        <Form.Item name="note" label={t('payment.note')}>
          <Input maxLength={200} data-testid="payment-note" />
        </Form.Item>
        <PaymentAllocation payment={payment} />
      </Form>
    </FormDrawer>
  );
}
