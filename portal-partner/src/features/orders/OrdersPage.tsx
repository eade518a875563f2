import './strings';
import { Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { OrderStatusTag } from '@medchannel/web-shared/orders';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyOrdersDocument, type MyOrdersQuery } from '../../gql/graphql';
import { itemCount, useCart } from './place/cart';
import { WaitingOrderNote } from './place/WaitingOrder';
import { SyncedNote } from '../../components/offline/SyncedNote';
import { CompanyTag } from '../../components/CompanyTag';
import { OrderFilters } from './OrderFilters';
import { useSecondTier } from '../../components/useSecondTier';
import './orders.css';

type Row = MyOrdersQuery['orders']['nodes'][number];

/**
 * 我的订单: the orders the viewer may see (a rep: the ones they placed; an owner above a second tier: theirs too, each
 * saying whose), newest first, filtered on the server.
 */
export default function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const company = params.get('company') ?? '';
  const filter = {
    search: search || null,
    statuses: status ? [status as OrderStatus] : null,
    distributorId: company || null,
  };
  const query = useQuery(MyOrdersDocument, { variables: { filter } });
  const pager = useLoadMore(query, 'orders');
  const filtered = Boolean(search || status || company);
  // an owner above a second tier reads its orders too: the list is not only "mine"
  const withSecondTier = useSecondTier().length > 0;

  return (
    <>
      <PageHeader
        title={t(withSecondTier ? 'orders.titleWithSecondTier' : 'orders.title')}
        subtitle={withSecondTier ? t('orders.withSecondTierHint') : undefined}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/orders/new')}
            data-testid="orders-new"
          >
            {t('orders.new')}
          </Button>
        }
      />
      <SyncedNote operation="MyOrders" query={query} />
      <CartReminder />
      <OrderFilters search={search} status={status} company={company} setFilter={setFilter} />
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="order-list"
          footerTestId="orders"
          row={(order) => <OrderRow key={order.id} order={order} />}
          empty={
            filtered ? (
              <EmptyState title={t('orders.noMatch')} />
            ) : (
              <EmptyState
                title={t('orders.emptyTitle')}
                description={t('orders.emptyDescription')}
                action={
                  <Button type="primary" onClick={() => navigate('/orders/new')}>
                    {t('orders.new')}
                  </Button>
                }
              />
            )
          }
        />
      </Card>
    </>
  );
}

function OrderRow({ order }: { order: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [first] = order.lines;
  const products = first
    ? t(order.lines.length === 1 ? 'orders.product' : 'orders.products', {
        name: first.product?.name ?? '—',
        quantity: first.quantity,
        count: order.lines.length,
      })
    : '';
  return (
    <Link to={`/orders/${order.id}`} className="pp-item pp-row" data-testid="order-row" data-number={order.number}>
      <div className="pp-row-head">
        <span className="pp-number">{order.number}</span>
        <OrderStatusTag status={order.status} />
      </div>
      <CompanyTag distributor={order.distributor} />
      <div className="pp-item-line">{order.kind === OrderKind.STOCK ? t('orderKind.STOCK') : order.hospital?.name}</div>
      <div className="pp-row-head" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13, minWidth: 0 }}>
          {products}
        </Typography.Text>
        <span className="pp-amount">{format.money(order.total.amount, order.total.currency)}</span>
      </div>
      <div className="pp-muted" style={{ marginTop: 2 }}>
        {format.dateTime(order.submittedAt)}
      </div>
    </Link>
  );
}

/** A cart left half-way (the app closed, the network gone) is one tap away. */
function CartReminder() {
  const { t } = useTranslation();
  const { cart } = useCart();
  if (cart.lines.length === 0) return null;
  if (cart.waitingSince) return <WaitingOrderNote cart={cart} link />;
  return (
    <Link to="/orders/cart" data-testid="cart-reminder" style={{ display: 'block', marginBottom: 12 }}>
      <Card size="small" hoverable>
        <Flex align="center" gap={8}>
          <ShoppingCartOutlined style={{ color: '#1565c0', fontSize: 18 }} />
          <Typography.Text>{t('orders.cartReminder', { count: itemCount(cart) })}</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
