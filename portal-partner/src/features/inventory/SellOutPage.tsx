import './strings';
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { FailureAlert, chinaToday, useFormSubmit } from '@medchannel/web-shared/kernel';
import { HospitalDepartmentFields } from '../../components/hospitals/HospitalDepartmentFields';
import { STOCK_ERRORS } from './inventoryErrors';
import { type SellOutValues, useSellOut } from './useSellOut';

/**
 * 扫码出库, at the hospital: a barcode scanner (or a scanning app) types the GS1 UDI into the scan
 * field; the API reads it (GTIN, expiry, batch, serial) and names the product; the rep picks the
 * hospital and department and confirms. A lot picked from the stock list arrives filled in.
 */
export default function SellOutPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<SellOutValues>();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const s = useSellOut(form);
  const { clearFailure, shell } = useFormSubmit({
    form,
    open: true,
    onClose: () => undefined,
    loading: s.recording,
    errors: STOCK_ERRORS,
    fields: ['hospitalId', 'departmentId', 'quantity', 'occurredOn'],
    send: async (v, requestKey) => {
      setDone(null);
      const res = await s.sell(v, requestKey);
      const m = res.data?.recordStockMovement;
      if (!m) return;
      setDone(
        t('stock.done', {
          product: m.productName,
          batch: m.batchNo ?? m.serialNo ?? '',
          quantity: -m.quantity,
          hospital: m.hospitalName,
          department: m.departmentName,
        }),
      );
      setCode('');
      s.clear();
      form.resetFields(['quantity']);
    },
  });

  return (
    <>
      <PageHeader title={t('stock.scanTitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <label htmlFor="udi-scan" style={{ display: 'block', marginBottom: 6 }}>
          {t('stock.scanLabel')}
        </label>
        <Input.Search
          id="udi-scan"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(v) => void s.scan(v)}
          placeholder={t('stock.scanPlaceholder')}
          enterButton={t('stock.scanRead')}
          loading={s.scanning}
          size="large"
          autoFocus
          autoComplete="off"
          data-testid="udi-scan"
        />
        <div className="pp-muted" style={{ marginTop: 6, fontSize: 12 }}>
          {t('stock.scanHint')}
        </div>
        {s.scanError && <Alert type="error" showIcon title={s.scanError} style={{ marginTop: 8 }} />}
        {s.scanned && !s.scanned.product && (
          <Alert
            type="warning"
            showIcon
            title={t('stock.noProduct', { gtin: s.scanned.gtin })}
            style={{ marginTop: 8 }}
          />
        )}
      </Card>
      {s.lot && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="sell-out-lot">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('stock.product')}>{s.lot.productName}</Descriptions.Item>
            {s.lot.batchNo && <Descriptions.Item label={t('stock.batch')}>{s.lot.batchNo}</Descriptions.Item>}
            {s.lot.serialNo && <Descriptions.Item label={t('stock.serial')}>{s.lot.serialNo}</Descriptions.Item>}
            {s.lot.expiryDate && (
              <Descriptions.Item label={t('stock.expiry')}>{format.date(s.lot.expiryDate)}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('stock.onHand')}>
              <span data-testid="sell-out-on-hand">{format.number(s.lot.onHand)}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card size="small">
        <FailureAlert failure={shell.failure} testId="sell-out-error" style={{ marginBottom: 12 }} />
        {done && (
          <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="sell-out-done" />
        )}
        <Form<SellOutValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={shell.submit}
          onValuesChange={clearFailure}
          disabled={!s.lot || s.recording}
          initialValues={{ quantity: 1, occurredOn: chinaToday() }}
        >
          <HospitalDepartmentFields
            form={form}
            labels={{ hospital: t('stock.hospital'), department: t('stock.department') }}
            testId="sell-out"
          />
          <Form.Item name="quantity" label={t('stock.quantity')} rules={[{ required: true }]}>
            <InputNumber
              min={1}
              max={s.lot?.serialNo ? 1 : 100000}
              precision={0}
              size="large"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('stock.occurredOn')} rules={[{ required: true }]}>
            <Input type="date" max={chinaToday()} size="large" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={s.recording}
            data-testid="sell-out-confirm"
          >
            {t('stock.confirm')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
