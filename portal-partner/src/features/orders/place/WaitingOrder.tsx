import '../strings';
import { Alert, Card, Flex, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderKind } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { CartBar } from './CartBar';
import { itemCount, useCart, type Cart } from './cart';
import '../orders.css';

/** "Waiting for a signal": the order submitted without one, kept on this device until it is sent. */
export function WaitingOrderNote({ cart, link = false }: { cart: Cart; link?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const note = (
    <Alert
      type="info"
      showIcon
      icon={<CloudUploadOutlined />}
      data-testid="waiting-order"
      style={{ marginBottom: 12 }}
      message={t('waiting.title')}
      description={t('waiting.description', { time: format.dateTime(cart.waitingSince), count: itemCount(cart) })}
    />
  );
  return link ? <Link to="/orders/review">{note}</Link> : note;
}

/** The review page while the order waits: what was submitted, read from the device (no server review without a signal). */
export function WaitingReview() {
  const { t } = useTranslation();
  const { cart } = useCart();
  const destination = cart.kind === OrderKind.STOCK ? t('orderKind.STOCK') : cart.hospital?.name;
  return (
    <>
      <PageHeader title={t('review.title')} subtitle={destination} />
      <WaitingOrderNote cart={cart} />
      <Card size="small" title={t('review.lines')}>
        <div className="pp-list">
          {cart.lines.map((line) => (
            <Flex key={line.productId} className="pp-item" justify="space-between" gap={8}>
              <Typography.Text style={{ minWidth: 0 }}>{line.name}</Typography.Text>
              <span>×{line.quantity}</span>
            </Flex>
          ))}
        </div>
      </Card>
      <CartBar cart={cart} action={<Typography.Text type="secondary">{t('waiting.short')}</Typography.Text>} />
    </>
  );
}
