import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProductKind } from '@medchannel/shared-schema';
import { RecordShipmentDocument, type OrderDetailFragment } from '../../gql/graphql';
import { ShipLineFields } from './ShipLineFields';
import { pathOfServerField, planShipment, type ShipmentPlan, type ShipmentValues } from './shipmentPlan';
import { FormDrawer, showFieldError, useFormSubmit } from '@medchannel/web-shared/kernel';
import { ORDER_ERRORS, complianceDetail } from './orderErrors';

interface Props {
  order: OrderDetailFragment;
  open: boolean;
  onClose: () => void;
}

/**
 * Records one shipment: what leaves of each open line, with batch, UDI-PI and expiry, or one serial
 * number per unit. The request key is made once per opening and kept through retries until
 * the shipment is recorded, so a double click or a retried request ships once.
 */
export function ShipmentDrawer({ order, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShipmentValues>();
  const [record, { loading }] = useMutation(RecordShipmentDocument, { refetchQueries: ['CreditStatus'] });
  const productName = (id: string) => order.lines.find((l) => l.product?.id === id)?.product?.name ?? id;
  const openLines = order.lines.filter((l) => l.openQuantity > 0);

  const initialValues: Partial<ShipmentValues> = {
    shippedOn: dayjs(),
    lines: Object.fromEntries(
      openLines.map((l) => [
        l.id,
        l.product?.kind === ProductKind.EQUIPMENT
          ? { mode: 'serial' as const }
          : { mode: 'batch' as const, lots: [{}] },
      ]),
    ),
  };

  const showPlanErrors = (plan: ShipmentPlan) =>
    form.setFields(
      plan.errors.map((e) => ({ name: e.name as never, errors: [t(`shipment.${e.key}`, e.params ?? {})] })),
    );

  const { shell, formProps } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: { ...ORDER_ERRORS, detail: complianceDetail(productName) },
    fields: ['shippedOn'],
    send: async (values, requestKey) => {
      const plan = planShipment(openLines, values);
      if (plan.errors.length) return showPlanErrors(plan);
      if (!plan.items.length) return { message: t('shipment.nothingToShip') };
      await record({
        variables: {
          input: {
            orderId: order.id,
            idempotencyKey: requestKey,
            shippedOn: values.shippedOn.format('YYYY-MM-DD'),
            carrier: values.carrier?.trim() || undefined,
            trackingNo: values.trackingNo?.trim() || undefined,
            items: plan.items,
          },
        },
      });
      void message.success(t('shipment.recorded'));
      onClose();
    },
    // A line's error lands on the lot or serial field it came from.
    onFailure: (f, values) =>
      showFieldError(form, f, (field) => pathOfServerField(planShipment(openLines, values), field)),
  });

  return (
    <FormDrawer
      {...shell}
      title={t('shipment.title', { number: order.number })}
      submitText={t('shipment.submit')}
      testId="ship"
      size={820}
    >
      <Form<ShipmentValues> {...formProps} initialValues={initialValues}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="shippedOn"
              label={t('shipment.shippedOn')}
              rules={[{ required: true, message: t('shipment.shippedOnRequired') }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="ship-date"
              />
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
    </FormDrawer>
  );
}
