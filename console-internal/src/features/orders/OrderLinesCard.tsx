import { useState } from 'react';
import { Button, Card, Popover, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { sameAmount } from '@medchannel/web-shared/kernel';
import type { OrderDetailFragment } from '../../gql/graphql';
import { AdjustPriceModal } from './AdjustPriceModal';

type Line = OrderDetailFragment['lines'][number];

/** The lines: placed against current price (with the adjustments behind it), shipped and still open. */
export function OrderLinesCard({ order, canAdjust }: { order: OrderDetailFragment; canAdjust: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adjusting, setAdjusting] = useState<Line | null>(null);
  const currency = order.total.currency;

  const adjustments = (line: Line) => (
    <Space direction="vertical" size={4} style={{ maxWidth: 360 }}>
      {line.adjustments.map((a) => (
        <div key={a.id}>
          <Typography.Text>
            {format.money(a.fromUnitPrice)} → {format.money(a.toUnitPrice)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[a.actor?.displayName, format.dateTime(a.createdAt)].filter(Boolean).join(' · ')}
          </Typography.Text>
          <div>{a.reason}</div>
        </div>
      ))}
    </Space>
  );

  return (
    <Card
      title={t('order.lines')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text strong data-testid="order-lines-total">
          {t('order.totalValue', { amount: format.money(order.total.amount, currency) })}
        </Typography.Text>
      }
    >
      <Table<Line>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={order.lines}
        scroll={{ x: 880 }}
        data-testid="order-lines"
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 44 },
          {
            title: t('order.product'),
            key: 'product',
            render: (_, l) => (
              <>
                <div>{l.product?.name ?? '—'}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.product?.code}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('order.quantity'),
            dataIndex: 'quantity',
            width: 80,
            align: 'right',
            render: (q: number) => format.number(q),
          },
          {
            title: t('order.placedUnitPrice'),
            key: 'placed',
            width: 130,
            align: 'right',
            render: (_, l) => format.money(l.placedUnitPrice),
          },
          {
            title: t('order.unitPrice'),
            key: 'price',
            width: 150,
            align: 'right',
            render: (_, l) => {
              const changed = !sameAmount(l.unitPrice.amount, l.placedUnitPrice.amount);
              const price = format.money(l.unitPrice);
              return (
                <Space size={4}>
                  {l.adjustments.length ? (
                    <Popover title={t('order.adjustments')} content={adjustments(l)}>
                      <Typography.Text
                        type={changed ? 'warning' : undefined}
                        underline
                        data-testid={`line-price-${l.lineNo}`}
                      >
                        {price}
                      </Typography.Text>
                    </Popover>
                  ) : (
                    <span data-testid={`line-price-${l.lineNo}`}>{price}</span>
                  )}
                  {canAdjust && (
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('order.adjust')}
                      title={t('order.adjust')}
                      onClick={() => setAdjusting(l)}
                      data-testid={`adjust-open-${l.lineNo}`}
                    />
                  )}
                </Space>
              );
            },
          },
          {
            title: t('order.amount'),
            key: 'amount',
            width: 140,
            align: 'right',
            render: (_, l) => format.money(l.amount),
          },
          {
            title: t('order.shipped'),
            dataIndex: 'shippedQuantity',
            width: 80,
            align: 'right',
            render: (q: number) => format.number(q),
          },
          {
            title: t('order.open'),
            dataIndex: 'openQuantity',
            width: 80,
            align: 'right',
            render: (q: number) => (
              <Typography.Text type={q > 0 ? undefined : 'secondary'}>{format.number(q)}</Typography.Text>
            ),
          },
        ]}
      />
      {adjusting && <AdjustPriceModal order={order} line={adjusting} onClose={() => setAdjusting(null)} />}
    </Card>
  );
}
