import { Card, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { PartnerOrderFragment } from '../../gql/graphql';

/** What was ordered, line by line: quantity × price, and how much of it has shipped or is still open. */
export function OrderLinesCard({ order }: { order: PartnerOrderFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('order.lines')} data-testid="order-lines">
      <div className="pp-list">
        {order.lines.map((line) => (
          <div key={line.id} className="pp-item" data-testid={`order-line-${line.product?.code ?? line.lineNo}`}>
            <div className="pp-row-head">
              <Typography.Text strong style={{ minWidth: 0 }}>
                {line.product?.name ?? '—'}
              </Typography.Text>
              <span className="pp-amount">{format.money(line.amount.amount, line.amount.currency)}</span>
            </div>
            <div className="pp-item-line">
              <span className="pp-item-label">{line.product?.code}</span>
              {t('order.lineQuantity', {
                quantity: format.number(line.quantity),
                price: format.money(line.unitPrice.amount, line.unitPrice.currency),
              })}
            </div>
            <div className="pp-item-line" data-testid="line-progress">
              {t('order.lineProgress', {
                shipped: format.number(line.shippedQuantity),
                open: format.number(line.openQuantity),
              })}
            </div>
            <Progress
              percent={line.quantity > 0 ? Math.floor((line.shippedQuantity * 100) / line.quantity) : 0}
              size="small"
              showInfo={false}
              aria-label={t('order.shippedShare')}
            />
          </div>
        ))}
      </div>
    </Card>
  );
}
