import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Drawer, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormat } from '@medchannel/web-shared';
import { sum } from '@medchannel/web-shared/finance';
import { ErrorState } from '@medchannel/web-shared/states';
import { IssueInvoiceDocument, UninvoicedShipmentsDocument, type UninvoicedShipmentsQuery } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { businessToday } from '../dates';
import { minus, netOf } from '../money';
import { useFinanceFailure, type FinanceFailure } from '../useFinanceFailure';

type Shipment = UninvoicedShipmentsQuery['uninvoicedShipments'][number];

interface Values {
  distributorId?: string;
  taxRate: string;
  number?: string;
  issuedOn: Dayjs;
  externalRef?: string;
}

/** VAT rates a medical-device invoice carries; 13% for goods. */
const RATES = [
  { value: '0.13', label: '13%' },
  { value: '0.09', label: '9%' },
  { value: '0.06', label: '6%' },
  { value: '0.03', label: '3%' },
  { value: '0.01', label: '1%' },
  { value: '0', label: '0%' },
];
const FIELDS = ['taxRate', 'number', 'issuedOn', 'externalRef'];

interface Props {
  open: boolean;
  /** The distributor the list is filtered to, to start from */
  distributorId?: string;
  onClose: () => void;
}

/** Invoices shipments not yet invoiced: pick the distributor, tick its shipments, set the rate; the tax follows. */
export function IssueInvoiceDrawer({ open, distributorId: initial, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const distributorId = Form.useWatch('distributorId', form);
  const rate = Form.useWatch('taxRate', form) ?? RATES[0].value;
  const [picked, setPicked] = useState<string[]>([]);
  const [failure, setFailure] = useState<FinanceFailure | null>(null);
  const [shipmentError, setShipmentError] = useState<string | null>(null);
  const shipments = useQuery(UninvoicedShipmentsDocument, { variables: { distributorId: distributorId ?? '' }, skip: !distributorId, fetchPolicy: 'network-only' });
  const [issue, { loading }] = useMutation(IssueInvoiceDocument, { refetchQueries: ['Invoices', 'UninvoicedShipments', 'PayableInvoices'] });
  const explain = useFinanceFailure();
  const rows = distributorId ? (shipments.data?.uninvoicedShipments ?? []) : [];
  const gross = sum(rows.filter((s) => picked.includes(s.id)).map((s) => s.amount.amount));
  const net = netOf(gross, rate);

  useEffect(() => setPicked([]), [distributorId]);
  useEffect(() => {
    if (open) {
      setFailure(null);
      setShipmentError(null);
    }
  }, [open]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || loading || !values.distributorId) return;
    setFailure(null);
    setShipmentError(null);
    const shipmentIds = rows.filter((s) => picked.includes(s.id)).map((s) => s.id);
    if (!shipmentIds.length) return setShipmentError(t('invoice.pickShipments'));
    try {
      const { data } = await issue({
        variables: {
          input: {
            distributorId: values.distributorId,
            shipmentIds,
            taxRate: values.taxRate,
            number: values.number?.trim() || undefined,
            issuedOn: values.issuedOn.format('YYYY-MM-DD'),
            externalRef: values.externalRef?.trim() || undefined,
          },
        },
      });
      void message.success(t('invoice.issued', { number: data?.issueInvoice.number ?? '' }));
      onClose();
    } catch (error) {
      const f = explain(error);
      if (f.field === 'shipmentIds') {
        const named = f.index !== undefined ? rows.find((s) => s.id === shipmentIds[f.index!])?.number : undefined;
        setShipmentError(named ? `${named}：${f.message}` : f.message);
        void shipments.refetch();
      } else if (f.field && FIELDS.includes(f.field)) form.setFields([{ name: f.field as keyof Values, errors: [f.message] }]);
      else setFailure(f);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('invoice.issueTitle')}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="invoice-submit">
            {t('invoice.issueSubmit')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} description={failure.detail} data-testid="invoice-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ distributorId: initial, taxRate: RATES[0].value, issuedOn: dayjs(businessToday()) }}
        onValuesChange={() => failure && setFailure(null)}
      >
        <Form.Item name="distributorId" label={t('finance.distributor')} rules={[{ required: true, message: t('finance.distributorRequired') }]}>
          <DistributorPicker placeholder={t('finance.pickDistributor')} testId="invoice-distributor" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('invoice.shipments')} required validateStatus={shipmentError ? 'error' : undefined} help={shipmentError ?? t('invoice.shipmentsHelp')}>
          {shipments.error ? (
            <ErrorState error={shipments.error} onRetry={() => void shipments.refetch()} />
          ) : (
            <Table<Shipment>
              rowKey="id"
              size="small"
              loading={shipments.loading}
              dataSource={rows}
              pagination={false}
              scroll={{ y: 280 }}
              data-testid="invoice-shipments"
              rowSelection={{
                selectedRowKeys: picked,
                onChange: (keys) => {
                  setPicked(keys as string[]);
                  setShipmentError(null);
                },
              }}
              locale={{ emptyText: distributorId ? t('invoice.noShipments') : t('invoice.pickDistributorFirst') }}
              columns={[
                { title: t('invoice.shipmentNo'), dataIndex: 'number' },
                { title: t('invoice.shippedOn'), key: 'shippedOn', width: 120, render: (_, s) => format.date(s.shippedOn) },
                { title: t('invoice.carrier'), key: 'carrier', render: (_, s) => [s.carrier, s.trackingNo].filter(Boolean).join(' · ') || '—' },
                { title: t('invoice.gross'), key: 'amount', width: 150, align: 'right', render: (_, s) => format.money(s.amount.amount, s.amount.currency) },
              ]}
            />
          )}
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="taxRate" label={t('invoice.taxRate')}>
              <Select options={RATES} data-testid="invoice-tax-rate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="issuedOn" label={t('invoice.issuedOn')} rules={[{ required: true, message: t('invoice.issuedOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > businessToday()} data-testid="invoice-issued-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="number" label={t('invoice.number')} extra={t('invoice.numberHelp')} rules={[{ max: 40 }]}>
              <Input maxLength={40} data-testid="invoice-number" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="externalRef" label={t('invoice.externalRef')} extra={t('invoice.externalRefHelp')}>
          <Input maxLength={100} data-testid="invoice-ref" />
        </Form.Item>
      </Form>
      <Descriptions size="small" column={3} bordered data-testid="invoice-preview">
        <Descriptions.Item label={t('invoice.gross')}>{format.money(gross)}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.net')}>{format.money(net)}</Descriptions.Item>
        <Descriptions.Item label={t('invoice.tax')}>{format.money(minus(gross, net))}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('invoice.previewHelp')}
      </Typography.Text>
    </Drawer>
  );
}
