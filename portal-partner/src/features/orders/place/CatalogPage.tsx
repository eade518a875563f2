import '../strings';
import { Button, Card, Select, Typography } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OrderKind } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../../components/LoadMore';
import { CatalogDocument, CatalogProductLinesDocument, type CatalogQuery } from '../../../gql/graphql';
import { SyncedNote } from '../../../components/offline/SyncedNote';
import { CartBar } from './CartBar';
import { CertificationNote } from './CertificationNote';
import { QuantityStepper } from './QuantityStepper';
import { quantityOf, useCart } from './cart';
import '../orders.css';

type Item = CatalogQuery['catalog']['nodes'][number];

/**
 * 选择商品: what the distributor may sell now, at its tier's price. With a hospital already chosen
 * in the cart, only what may be sold to that hospital.
 */
export default function CatalogPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cart } = useCart();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const productLineId = params.get('line') ?? '';
  const hospital = cart.kind === OrderKind.HOSPITAL ? cart.hospital : null;
  const query = useQuery(CatalogDocument, {
    variables: { search: search || null, productLineId: productLineId || null, hospitalId: hospital?.id ?? null },
  });
  const lines = useQuery(CatalogProductLinesDocument);
  const pager = useLoadMore(query, 'catalog');

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={hospital ? t('catalog.forHospital', { hospital: hospital.name }) : t('catalog.subtitle')}
      />
      <SyncedNote operation="Catalog" query={query} />
      <div className="po-filters">
        <SearchFilter
          value={search}
          onSearch={(v) => setFilter('q', v)}
          placeholder={t('catalog.searchPlaceholder')}
          testId="catalog-search"
          maxWidth={9999}
        />
        <Select
          value={productLineId}
          onChange={(v) => setFilter('line', v || undefined)}
          loading={lines.loading}
          options={[
            { value: '', label: t('catalog.allLines') },
            ...(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name })),
          ]}
          aria-label={t('catalog.productLine')}
          data-testid="catalog-line-filter"
        />
      </div>
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="catalog-list"
          footerTestId="catalog"
          row={(item) => <CatalogRow key={item.product.id} item={item} />}
          empty={
            search || productLineId ? (
              <EmptyState title={t('catalog.noMatch')} />
            ) : (
              <EmptyState title={t('catalog.emptyTitle')} description={t('catalog.emptyDescription')} />
            )
          }
        />
      </Card>
      {cart.lines.length > 0 && (
        <CartBar
          cart={cart}
          action={
            <Button
              type="primary"
              size="large"
              icon={<ShoppingCartOutlined />}
              onClick={() => navigate('/orders/cart')}
              data-testid="cart-checkout"
            >
              {t('cart.checkout')}
            </Button>
          }
        />
      )}
    </>
  );
}

function CatalogRow({ item }: { item: Item }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { cart, setQuantity } = useCart();
  const { product, unitPrice } = item;
  const quantity = quantityOf(cart, product.id);
  const line = {
    productId: product.id,
    code: product.code,
    name: product.name,
    unitPrice: unitPrice.amount,
    currency: unitPrice.currency,
  };
  return (
    <div className="pp-item" data-testid={`catalog-item-${product.code}`}>
      <Typography.Text strong>{product.name}</Typography.Text>
      <div className="pp-item-line">
        <span className="pp-item-label">{product.code}</span>
        {product.productLine.name}
      </div>
      {item.certification && <CertificationNote code={product.code} need={item.certification} />}
      <div className="pp-row-head" style={{ marginTop: 8 }}>
        <span>
          <span className="pp-amount" data-testid="catalog-price">
            {format.money(unitPrice.amount, unitPrice.currency)}
          </span>
          <span className="pp-muted"> {t('catalog.tierPrice')}</span>
        </span>
        {quantity > 0 ? (
          <QuantityStepper code={product.code} value={quantity} onChange={(q) => setQuantity(line, q)} />
        ) : (
          <Button type="primary" ghost onClick={() => setQuantity(line, 1)} data-testid={`catalog-add-${product.code}`}>
            {t('catalog.add')}
          </Button>
        )}
      </div>
    </div>
  );
}
