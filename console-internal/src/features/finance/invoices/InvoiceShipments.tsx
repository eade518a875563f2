import { Form, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { ErrorState } from '@medchannel/web-shared/states';
import type { Shipment, useIssueInvoice } from './useIssueInvoice';

/** The distributor's shipments not yet invoiced, to tick; a refusal naming one shows under the table. */
export function InvoiceShipments({ invoice }: { invoice: ReturnType<typeof useIssueInvoice> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { shipments, shipmentError, rows, picked, distributorId } = invoice;
  return (
    <Form.Item
      label={t('invoice.shipments')}
      required
      validateStatus={shipmentError ? 'error' : undefined}
      help={shipmentError ?? t('invoice.shipmentsHelp')}
    >
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
            onChange: (keys) => invoice.pickShipments(keys as string[]),
          }}
          locale={{ emptyText: distributorId ? t('invoice.noShipments') : t('invoice.pickDistributorFirst') }}
          columns={[
            { title: t('invoice.shipmentNo'), dataIndex: 'number' },
            { title: t('invoice.shippedOn'), key: 'shippedOn', width: 120, render: (_, s) => format.date(s.shippedOn) },
            {
              title: t('invoice.carrier'),
              key: 'carrier',
              render: (_, s) => [s.carrier, s.trackingNo].filter(Boolean).join(' · ') || '—',
            },
            {
              title: t('invoice.gross'),
              key: 'amount',
              width: 150,
              align: 'right',
              render: (_, s) => format.money(s.amount),
            },
          ]}
        />
      )}
    </Form.Item>
  );
}
