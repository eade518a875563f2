import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrderStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { ReverseShipmentDocument, type OrderDetailFragment } from '../../gql/graphql';
import { ReasonModal } from './ReasonModal';

type Shipment = OrderDetailFragment['shipments'][number];
type Item = Shipment['items'][number];

const REVERSIBLE: string[] = [OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED];

/** Every shipment as recorded, reversals included (a mistake is taken back, never edited), with what went in it. */
export function ShipmentsCard({ order, canAct }: { order: OrderDetailFragment; canAct: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reversing, setReversing] = useState<Shipment | null>(null);
  const [reverse] = useMutation(ReverseShipmentDocument, { refetchQueries: ['CreditStatus'] });
  const numberOf = (id: string | null | undefined) => order.shipments.find((s) => s.id === id)?.number ?? '—';

  return (
    <Card title={t('shipment.cardTitle')} style={{ marginBottom: 16 }} data-testid="shipments">
      {order.shipments.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={`${t('shipment.none')} · ${t('shipment.noneDescription')}`}
          data-testid="empty"
        />
      ) : (
        order.shipments.map((s) => (
          <Card
            key={s.id}
            size="small"
            type="inner"
            style={{ marginBottom: 12 }}
            data-testid={`shipment-${s.number}`}
            title={
              <Space size={8} wrap>
                <span>{s.number}</span>
                {s.reversesId && <Tag color="red">{t('shipment.reversal', { number: numberOf(s.reversesId) })}</Tag>}
                {s.reversed && <Tag>{t('shipment.reversed')}</Tag>}
              </Space>
            }
            extra={
              canAct &&
              !s.reversesId &&
              !s.reversed &&
              REVERSIBLE.includes(order.status) && (
                <Button
                  size="small"
                  danger
                  icon={<RollbackOutlined />}
                  onClick={() => setReversing(s)}
                  data-testid="reverse-open"
                >
                  {t('shipment.reverse')}
                </Button>
              )
            }
          >
            <Flex justify="space-between" wrap gap={8}>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ flex: 1 }}>
                <Descriptions.Item label={t('shipment.shippedOn')}>{format.date(s.shippedOn)}</Descriptions.Item>
                <Descriptions.Item label={t('shipment.carrier')}>
                  {[s.carrier, s.trackingNo].filter(Boolean).join(' · ') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('shipment.amount')}>{format.money(s.amount)}</Descriptions.Item>
                {s.reason && <Descriptions.Item label={t('shipment.reason')}>{s.reason}</Descriptions.Item>}
              </Descriptions>
            </Flex>
            <Table<Item>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.items}
              scroll={{ x: 760 }}
              data-testid="shipment-items"
              columns={[
                {
                  title: t('order.product'),
                  key: 'product',
                  render: (_, i) => [i.product?.name, i.product?.code].filter(Boolean).join(' · ') || '—',
                },
                {
                  title: t('shipment.quantity'),
                  dataIndex: 'quantity',
                  width: 70,
                  align: 'right',
                  render: (q: number) => format.number(q),
                },
                {
                  title: t('shipment.batchNo'),
                  dataIndex: 'batchNo',
                  width: 110,
                  render: (v?: string | null) => v ?? '—',
                },
                {
                  title: t('shipment.serialNo'),
                  dataIndex: 'serialNo',
                  width: 150,
                  render: (v?: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
                },
                { title: t('shipment.udiPi'), dataIndex: 'udiPi', render: (v?: string | null) => v ?? '—' },
                {
                  title: t('shipment.expiryDate'),
                  dataIndex: 'expiryDate',
                  width: 110,
                  render: (v?: string | null) => (v ? format.date(v) : '—'),
                },
              ]}
            />
          </Card>
        ))
      )}
      <ReasonModal
        open={!!reversing}
        title={t('shipment.reverseTitle', { number: reversing?.number ?? '' })}
        okText={t('shipment.reverse')}
        label={t('shipment.reverseReason')}
        placeholder={t('shipment.reverseReasonPlaceholder')}
        help={<Typography.Text type="secondary">{t('shipment.reverseHelp')}</Typography.Text>}
        danger
        testId="reverse"
        run={(reason) => reverse({ variables: { shipmentId: reversing?.id ?? '', reason } })}
        onClose={() => setReversing(null)}
      />
    </Card>
  );
}
