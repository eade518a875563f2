import { useState } from 'react';
import { Descriptions, Form, Input, InputNumber, Modal, type ButtonProps } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { AdjustOrderLinePriceDocument, type OrderDetailFragment } from '../../gql/graphql';
import { type CodedFailure, showFieldError, times, useCodedError, FailureAlert } from '@medchannel/web-shared/kernel';
import { ORDER_ERRORS } from './orderErrors';

type Line = OrderDetailFragment['lines'][number];

interface Values {
  unitPrice: string;
  reason: string;
}

/** A new unit price on a line before anything ships, with the reason; the line keeps its history. */
export function AdjustPriceModal({
  order,
  line,
  onClose,
}: {
  order: Pick<OrderDetailFragment, 'id' | 'version'>;
  line: Line;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const [adjust, { loading }] = useMutation(AdjustOrderLinePriceDocument, { refetchQueries: ['CreditStatus'] });
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError(ORDER_ERRORS);
  const unitPrice = Form.useWatch('unitPrice', form);
  const currency = line.unitPrice.currency;
  const preview =
    unitPrice && /^\d+(\.\d{1,2})?$/.test(unitPrice) ? format.money(times(unitPrice, line.quantity), currency) : '—';

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || loading) return;
    setFailure(null);
    try {
      await adjust({
        variables: {
          input: {
            orderId: order.id,
            lineId: line.id,
            expectedVersion: order.version,
            unitPrice: values.unitPrice,
            reason: values.reason.trim(),
          },
        },
      });
      onClose();
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, ['unitPrice', 'reason'])) setFailure(f);
    }
  };

  return (
    <Modal
      open
      title={t('order.adjustTitle', { line: line.lineNo })}
      okText={t('order.adjustSubmit')}
      cancelText={t('action.cancel')}
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'adjust-submit' } as ButtonProps}
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('order.product')}>
          {line.product ? `${line.product.name} · ${line.product.code}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('order.quantity')}>{format.number(line.quantity)}</Descriptions.Item>
        <Descriptions.Item label={t('order.placedUnitPrice')}>
          {format.money(line.placedUnitPrice.amount, currency)}
        </Descriptions.Item>
        <Descriptions.Item label={t('order.unitPrice')}>
          {format.money(line.unitPrice.amount, currency)}
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical">
        <Form.Item
          name="unitPrice"
          label={t('order.newUnitPrice', { currency })}
          extra={t('order.newAmount', { amount: preview })}
          rules={[
            { required: true, message: t('order.unitPriceRequired') },
            { pattern: /^\d{1,13}(\.\d{1,2})?$/, message: t('order.unitPriceInvalid') },
          ]}
        >
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} data-testid="adjust-price" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('order.adjustReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('order.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('order.adjustReasonPlaceholder')}
            data-testid="adjust-reason"
          />
        </Form.Item>
      </Form>
      <FailureAlert failure={failure} testId="adjust-error" />
    </Modal>
  );
}
