import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Space } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProductKind } from '@medchannel/shared-schema';
import { RecordShipmentDocument, type OrderDetailFragment } from '../../gql/graphql';
import { newRequestKey } from '@medchannel/web-shared/orders';
import { ShipLineFields } from './ShipLineFields';
import { pathOfServerField, planShipment, type ShipmentPlan, type ShipmentValues } from './shipmentPlan';
import { useOrderFailure, type OrderFailure } from './useOrderFailure';

interface Props {
  order: OrderDetailFragment;
  open: boolean;
  onClose: () => void;
}

/**
 * Records one shipment: what leaves of each open line, with batch, UDI-PI and expiry, or one serial
 * number per unit. The request key is made once per filled-in form and kept through retries until
 * the shipment is recorded, so a double click or a retried request ships once.
 */
export function ShipmentDrawer({ order, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShipmentValues>();
  const [record, { loading }] = useMutation(RecordShipmentDocument, { refetchQueries: ['CreditStatus'] });
  const [failure, setFailure] = useState<OrderFailure | null>(null);
  const requestKey = useRef<string | null>(null);
  const productName = (id: string) => order.lines.find((l) => l.product?.id === id)?.product?.name ?? id;
  const explain = useOrderFailure(productName);
  const openLines = order.lines.filter((l) => l.openQuantity > 0);

  useEffect(() => {
    if (open) {
      requestKey.current = null;
      setFailure(null);
    }
  }, [open]);

  const initialValues: Partial<ShipmentValues> = {
    shippedOn: dayjs(),
    lines: Object.fromEntries(
      openLines.map((l) => [l.id, l.product?.kind === ProductKind.EQUIPMENT ? { mode: 'serial' as const } : { mode: 'batch' as const, lots: [{}] }]),
    ),
  };

  const showPlanErrors = (plan: ShipmentPlan) =>
    form.setFields(plan.errors.map((e) => ({ name: e.name as never, errors: [t(`shipment.${e.key}`, e.params ?? {})] })));

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    const plan = planShipment(openLines, values);
    if (plan.errors.length) return showPlanErrors(plan);
    if (!plan.items.length) return setFailure({ message: t('shipment.nothingToShip') });
    requestKey.current ??= newRequestKey();
    try {
      await record({
        variables: {
          input: {
            orderId: order.id,
            idempotencyKey: requestKey.current,
            shippedOn: values.shippedOn.format('YYYY-MM-DD'),
            carrier: values.carrier?.trim() || undefined,
            trackingNo: values.trackingNo?.trim() || undefined,
            items: plan.items,
          },
        },
      });
      requestKey.current = null;
      void message.success(t('shipment.recorded'));
      onClose();
    } catch (error) {
      const f = explain(error);
      // A key already spent on another shipment is done with: the next attempt is a new request.
      if (f.reason === 'IDEMPOTENCY_KEY_REUSED') requestKey.current = null;
      const path = f.field === 'shippedOn' ? ['shippedOn'] : pathOfServerField(plan, f.field);
      if (path) form.setFields([{ name: path as never, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('shipment.title', { number: order.number })}
      size={820}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="ship-submit">
            {t('shipment.submit')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} description={failure.detail} data-testid="ship-error" />
      )}
      <Form<ShipmentValues> form={form} layout="vertical" preserve={false} initialValues={initialValues} onValuesChange={() => failure && setFailure(null)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="shippedOn" label={t('shipment.shippedOn')} rules={[{ required: true, message: t('shipment.shippedOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="ship-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="carrier" label={t('shipment.carrier')}>
              <Input maxLength={100} placeholder={t('shipment.carrierPlaceholder')} data-testid="ship-carrier" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="trackingNo" label={t('shipment.trackingNo')}>
              <Input maxLength={100} data-testid="ship-tracking" />
            </Form.Item>
          </Col>
        </Row>
        {openLines.map((line) => (
          <ShipLineFields key={line.id} line={line} />
        ))}
      </Form>
    </Drawer>
  );
}
