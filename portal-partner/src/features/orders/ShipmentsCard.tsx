import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { ReceiveShipmentDocument, type PartnerOrderFragment } from '../../gql/graphql';

type Shipment = PartnerOrderFragment['shipments'][number];

/**
 * What has left the brand's warehouse: each shipment with its items' batch, serial, UDI-PI and
 * expiry — what a rep checks against the boxes at the hospital and a stocktake finds again.
 */
export function ShipmentsCard({ order }: { order: PartnerOrderFragment }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('order.shipments')} data-testid="order-shipments">
      {order.shipments.length === 0 ? (
        <EmptyState title={t('order.noShipments')} />
      ) : (
        <div className="pp-list">
          {order.shipments.map((s) => (
            <ShipmentItem key={s.id} shipment={s} />
          ))}
        </div>
      )}
    </Card>
  );
}

function ShipmentItem({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reversal = s.reversesId != null;
  return (
    <div className="pp-item" data-testid={`shipment-${s.number}`}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span className="pp-number">{s.number}</span>
        <span>
          {reversal && <Tag color="orange">{t('order.reversal')}</Tag>}
          {s.reversed && <Tag>{t('order.reversed')}</Tag>}
          <Typography.Text type="secondary">{format.date(s.shippedOn)}</Typography.Text>
        </span>
      </Flex>
      {(s.carrier || s.trackingNo) && (
        <div className="pp-item-line">
          <span className="pp-item-label">{t('order.carrier')}</span>
          {[s.carrier, s.trackingNo].filter(Boolean).join(' · ')}
        </div>
      )}
      {s.reason && (
        <div className="pp-item-line">
          <span className="pp-item-label">{t('order.reason')}</span>
          {s.reason}
        </div>
      )}
      {!reversal && !s.reversed && <ReceiveButton shipmentId={s.id} />}
      {s.items.map((item) => (
        <div
          key={item.id}
          className="pp-item-line"
          data-testid="shipment-item"
          style={{ paddingLeft: 10, borderLeft: '2px solid #e8f0fb' }}
        >
          <div>
            <Typography.Text strong>{item.product?.name ?? '—'}</Typography.Text>
            <span className="pp-muted"> × {format.number(item.quantity)}</span>
          </div>
          {item.serialNo && (
            <div>
              <span className="pp-item-label">{t('order.serialNo')}</span>
              <span className="po-serial" data-testid="serial-no">
                {item.serialNo}
              </span>
            </div>
          )}
          {item.batchNo && (
            <div>
              <span className="pp-item-label">{t('order.batchNo')}</span>
              <span data-testid="batch-no">{item.batchNo}</span>
            </div>
          )}
          {item.udiPi && (
            <div>
              <span className="pp-item-label">{t('order.udiPi')}</span>
              <span data-testid="udi-pi" style={{ overflowWrap: 'anywhere' }}>
                {item.udiPi}
              </span>
            </div>
          )}
          {item.expiryDate && (
            <div>
              <span className="pp-item-label">{t('order.expiryDate')}</span>
              {format.date(item.expiryDate)}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** 收货入库: the shipment's items go into the distributor's stock, once (again: nothing more). */
function ReceiveButton({ shipmentId }: { shipmentId: string }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [receive, { loading }] = useMutation(ReceiveShipmentDocument);
  const onClick = async () => {
    try {
      const r = await receive({ variables: { shipmentId } });
      const units = (r.data?.receiveShipment ?? []).reduce((n, m) => n + m.quantity, 0);
      setSaid({ ok: true, text: t('order.received', { count: units }) });
    } catch (e) {
      setSaid({ ok: false, text: errorMessage(t, e) });
    }
  };
  return (
    <Flex gap={8} align="center" wrap style={{ margin: '4px 0' }}>
      <Button size="small" loading={loading} onClick={() => void onClick()} data-testid="shipment-receive">
        {t('order.receive')}
      </Button>
      {said && <Typography.Text type={said.ok ? 'success' : 'danger'}>{said.text}</Typography.Text>}
    </Flex>
  );
}
