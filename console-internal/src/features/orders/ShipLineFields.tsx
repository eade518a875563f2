import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Segmented, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderDetailFragment } from '../../gql/graphql';
import { parseSerials, type LotValues, type ShipMode } from './shipmentPlan';

type Line = OrderDetailFragment['lines'][number];

/** One open line in the shipment form: its batches (quantity, batch, UDI-PI, expiry) or its serial numbers. */
export function ShipLineFields({ line }: { line: Line }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const base = ['lines', line.id];
  const mode = Form.useWatch<ShipMode | undefined>([...base, 'mode'], form) ?? 'batch';
  const lots = Form.useWatch<LotValues[] | undefined>([...base, 'lots'], form);
  const serials = Form.useWatch<string | undefined>([...base, 'serials'], form);
  const shipping =
    mode === 'serial' ? parseSerials(serials).length : (lots ?? []).reduce((n, lot) => n + (lot?.quantity ?? 0), 0);

  const switchMode = (next: ShipMode) => {
    form.setFieldValue([...base, 'mode'], next);
    if (next === 'batch' && !form.getFieldValue([...base, 'lots'])?.length) form.setFieldValue([...base, 'lots'], [{}]);
  };

  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 12 }}
      data-testid={`ship-line-${line.lineNo}`}
      title={
        <Space size={8} wrap>
          <span>{line.lineNo}.</span>
          <span>{line.product?.name ?? '—'}</span>
          <Typography.Text type="secondary">{line.product?.code}</Typography.Text>
        </Space>
      }
      extra={
        <Space size={12} wrap>
          <Typography.Text type={shipping > line.openQuantity ? 'danger' : 'secondary'} data-testid="ship-count">
            {t('shipment.lineCount', { shipping, open: line.openQuantity })}
          </Typography.Text>
          <Segmented<ShipMode>
            size="small"
            value={mode}
            onChange={switchMode}
            data-testid="ship-mode"
            options={[
              { value: 'batch', label: t('shipment.byBatch') },
              { value: 'serial', label: t('shipment.bySerial') },
            ]}
          />
        </Space>
      }
    >
      <Form.Item name={[...base, 'mode']} hidden>
        <Input />
      </Form.Item>
      {mode === 'serial' ? (
        <>
          <Flex gap={12} wrap>
            <Form.Item name={[...base, 'batchNo']} label={t('shipment.batchNo')} style={{ flex: '1 1 160px' }}>
              <Input maxLength={64} data-testid="ship-serial-batch" />
            </Form.Item>
            <Form.Item name={[...base, 'expiryDate']} label={t('shipment.expiryDate')} style={{ flex: '1 1 160px' }}>
              <DatePicker style={{ width: '100%' }} data-testid="ship-serial-expiry" />
            </Form.Item>
          </Flex>
          <Form.Item
            name={[...base, 'serials']}
            label={t('shipment.serials')}
            extra={t('shipment.serialsHelp')}
            style={{ marginBottom: 4 }}
          >
            <Input.TextArea
              rows={3}
              placeholder={t('shipment.serialsPlaceholder')}
              data-testid="ship-serials"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        </>
      ) : (
        <Form.List name={[...base, 'lots']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap data-testid={`ship-lot-${i}`}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={i === 0 ? t('shipment.quantity') : undefined}
                    style={{ width: 110 }}
                  >
                    <InputNumber
                      min={1}
                      max={line.openQuantity}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid="ship-qty"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'batchNo']}
                    label={i === 0 ? t('shipment.batchNo') : undefined}
                    style={{ width: 140 }}
                  >
                    <Input maxLength={64} data-testid="ship-batch" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'udiPi']}
                    label={i === 0 ? t('shipment.udiPi') : undefined}
                    style={{ flex: '1 1 200px' }}
                  >
                    <Input maxLength={120} placeholder="(10)…(17)…" data-testid="ship-udi" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'expiryDate']}
                    label={i === 0 ? t('shipment.expiryDate') : undefined}
                    style={{ width: 150 }}
                  >
                    <DatePicker style={{ width: '100%' }} data-testid="ship-expiry" />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('shipment.removeLot')}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: i === 0 ? 30 : 0 }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                data-testid="ship-add-lot"
              >
                {t('shipment.addLot')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </Card>
  );
}
