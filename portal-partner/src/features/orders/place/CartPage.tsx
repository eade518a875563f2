import '../strings';
import { Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OrderKind } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { times } from '@medchannel/web-shared/kernel';
import { CartBar } from './CartBar';
import { HospitalPicker } from '../../../components/hospitals/HospitalPicker';
import { QuantityStepper } from './QuantityStepper';
import { isComplete, useCart } from './cart';
import '../orders.css';

/** 购物车: quantities, where the order goes (a hospital, or stock for the own warehouse), a note; then the review. */
export default function CartPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { cart, setQuantity, setDestination, setNote } = useCart();

  if (cart.lines.length === 0) {
    return (
      <>
        <PageHeader title={t('cart.title')} />
        <Card size="small">
          <EmptyState
            title={t('cart.emptyTitle')}
            description={t('cart.emptyDescription')}
            action={
              <Button type="primary" onClick={() => navigate('/orders/new')} data-testid="cart-browse">
                {t('cart.browse')}
              </Button>
            }
          />
        </Card>
      </>
    );
  }

  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('cart.title')} />
      <Card size="small" title={t('cart.destination')}>
        <Flex vertical gap={10}>
          <Segmented<OrderKind>
            block
            value={cart.kind}
            onChange={(kind) => setDestination(kind, cart.hospital)}
            options={[
              { value: OrderKind.HOSPITAL, label: t('orderKind.HOSPITAL') },
              { value: OrderKind.STOCK, label: t('orderKind.STOCK') },
            ]}
            data-testid="cart-kind"
          />
          {cart.kind === OrderKind.HOSPITAL ? (
            <HospitalPicker
              value={cart.hospital?.id}
              known={cart.hospital}
              allowClear
              testId="hospital-select"
              onChange={(id, h) =>
                setDestination(
                  OrderKind.HOSPITAL,
                  h ? { id: h.id, name: h.name } : id && cart.hospital?.id === id ? cart.hospital : null,
                )
              }
            />
          ) : (
            <Typography.Text type="secondary">{t('cart.stockHint')}</Typography.Text>
          )}
        </Flex>
      </Card>

      <Card
        size="small"
        title={t('cart.lines')}
        extra={
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => navigate('/orders/new')}
            data-testid="cart-add-more"
          >
            {t('cart.addMore')}
          </Button>
        }
      >
        <div className="pp-list" data-testid="cart-lines">
          {cart.lines.map((line) => (
            <div key={line.productId} className="pp-item" data-testid={`cart-line-${line.code}`}>
              <div className="pp-row-head">
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {line.name}
                </Typography.Text>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('cart.remove')}
                  onClick={() => setQuantity(line, 0)}
                  data-testid={`cart-remove-${line.code}`}
                />
              </div>
              <div className="pp-item-line">
                <span className="pp-item-label">{line.code}</span>
                {format.money(line.unitPrice, line.currency)}
              </div>
              <div className="pp-row-head" style={{ marginTop: 8 }}>
                <QuantityStepper code={line.code} value={line.quantity} onChange={(q) => setQuantity(line, q)} />
                <span className="pp-amount">{format.money(times(line.unitPrice, line.quantity), line.currency)}</span>
              </div>
            </div>
          ))}
        </div>
      </Card>

      <Card size="small" title={t('cart.note')}>
        <Input.TextArea
          value={cart.note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('cart.notePlaceholder')}
          aria-label={t('cart.note')}
          data-testid="cart-note"
        />
      </Card>

      <CartBar
        cart={cart}
        note={t('cart.estimateNote')}
        action={
          <Button
            type="primary"
            size="large"
            disabled={!isComplete(cart)}
            onClick={() => navigate('/orders/review')}
            data-testid="cart-review"
          >
            {cart.kind === OrderKind.HOSPITAL && !cart.hospital ? t('cart.pickHospital') : t('cart.review')}
          </Button>
        }
      />
    </Flex>
  );
}
