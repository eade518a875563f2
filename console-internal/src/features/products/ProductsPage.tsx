import { useState } from 'react';
import { App, Card, Descriptions, Drawer, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DeviceClass } from '@medchannel/shared-schema';
import { errorMessage, useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import {
  ProductLinesDocument,
  ProductPricesDocument,
  ProductsDocument,
  SetProductCertificationDocument,
  type ProductPricesQuery,
  type ProductsQuery,
} from '../../gql/graphql';
import { editsCourses } from '../training/roles';

type Row = ProductsQuery['products']['nodes'][number];
type PriceRow = ProductPricesQuery['product']['priceList'][number];
const PAGE_SIZE = 20;
/** A registration this close to its end date gets flagged: renewal takes longer than that. */
const SOON_DAYS = 60;

/** Calendar days from today (local) to a LocalDate (YYYY-MM-DD); negative once it has passed. */
function daysUntil(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((Date.UTC(y, m - 1, d) - today) / 86_400_000);
}

function RegistrationValidity({ to }: { to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = daysUntil(to);
  return (
    <Space size={4} wrap>
      <span>{format.date(to)}</span>
      {days < 0 ? (
        <Tag color="red" data-testid="registration-expired">
          {t('product.expired')}
        </Tag>
      ) : days <= SOON_DAYS ? (
        <Tag color="orange" data-testid="registration-soon">
          {t('product.expiresIn', { count: days })}
        </Tag>
      ) : null}
    </Space>
  );
}

/**
 * Whether ordering the product needs a valid certificate for its line: trainers and the admin
 * switch it (`product-certification`), everyone else reads it.
 */
function CertificationSwitch({ product }: { product: Pick<Row, 'id' | 'requiresCertification'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [set, { loading }] = useMutation(SetProductCertificationDocument);
  if (!editsCourses(user.role)) {
    return product.requiresCertification ? <Tag color="blue" data-testid="product-certification-required">{t('product.certificationRequired')}</Tag> : <span>—</span>;
  }
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Switch
        size="small"
        checked={product.requiresCertification}
        loading={loading}
        checkedChildren={t('product.certificationOn')}
        unCheckedChildren={t('product.certificationOff')}
        onChange={(required) =>
          void set({ variables: { productId: product.id, required } }).then(
            () => void message.success(t(required ? 'product.certificationSet' : 'product.certificationCleared')),
            (error: unknown) => void message.error(errorMessage(t, error)),
          )
        }
        data-testid="product-certification"
      />
    </span>
  );
}

/** The brand's catalogue: server-paged by keyset cursor, filters in the URL, tier prices in a drawer. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const productLineId = params.get('line') ?? undefined;
  const deviceClass = (params.get('class') as DeviceClass | null) ?? undefined;
  const filterKey = [search, productLineId ?? '', deviceClass ?? ''].join('|');
  const pages = useKeysetPages(filterKey);
  // The id, not the row: the drawer shows the row as the list holds it now (a switch flipped in it shows at once).
  const [openId, setOpenId] = useState<string | null>(null);

  const lines = useQuery(ProductLinesDocument);
  const { data, previousData, loading, error, refetch } = useQuery(ProductsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { search: search || undefined, productLineId, deviceClass } },
  });
  const page = (data ?? previousData)?.products;
  const open = page?.nodes.find((p) => p.id === openId) ?? null;

  return (
    <>
      <PageHeader title={t('nav.products')} subtitle={t('product.subtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchFilter value={search} onSearch={(value) => setFilter('q', value)} placeholder={t('product.searchPlaceholder')} testId="product-search" />
          <Select
            allowClear
            value={productLineId}
            onChange={(value) => setFilter('line', value)}
            placeholder={t('product.allLines')}
            style={{ width: 200 }}
            loading={lines.loading}
            options={(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
            data-testid="product-line"
          />
          <Select
            allowClear
            value={deviceClass}
            onChange={(value) => setFilter('class', value)}
            placeholder={t('product.allClasses')}
            style={{ width: 160 }}
            options={Object.values(DeviceClass).map((c) => ({ value: c, label: t('product.classValue', { value: c }) }))}
            data-testid="product-class"
          />
        </Flex>
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="product-total"
          scroll={{ x: 1310 }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          empty={<EmptyState title={search || productLineId || deviceClass ? t('product.noMatch') : t('product.none')} />}
          columns={[
            {
              title: t('product.name'),
              key: 'name',
              render: (_, p) => (
                <Flex vertical>
                  <Typography.Link onClick={() => setOpenId(p.id)}>{p.name}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.code}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('product.line'), key: 'line', width: 140, render: (_, p) => p.productLine.name },
            { title: t('product.kind'), key: 'kind', width: 100, render: (_, p) => t(`product.kindValue.${p.kind}`) },
            { title: t('product.deviceClass'), key: 'class', width: 90, render: (_, p) => <Tag>{t('product.classValue', { value: p.deviceClass })}</Tag> },
            { title: t('product.registrationNo'), key: 'reg', width: 220, render: (_, p) => p.registrationNo },
            { title: t('product.validTo'), key: 'valid', width: 200, render: (_, p) => <RegistrationValidity to={p.registrationValidTo} /> },
            { title: t('product.udiDi'), key: 'udi', width: 160, render: (_, p) => p.udiDi || '—' },
            { title: t('product.listPrice'), key: 'price', width: 130, align: 'right', render: (_, p) => format.money(p.listPrice.amount, p.listPrice.currency) },
            { title: t('product.certification'), key: 'certification', width: 110, render: (_, p) => <CertificationSwitch product={p} /> },
          ]}
        />
      </Card>
      <ProductDrawer product={open} onClose={() => setOpenId(null)} />
    </>
  );
}

function ProductDrawer({ product, onClose }: { product: Row | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(ProductPricesDocument, {
    variables: { id: product?.id ?? '' },
    skip: !product,
  });
  const prices = data?.product.id === product?.id ? data?.product.priceList : undefined;

  return (
    <Drawer open={!!product} onClose={onClose} title={product?.name} size={560} destroyOnHidden data-testid="product-drawer">
      {product && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('product.code')}>{product.code}</Descriptions.Item>
            <Descriptions.Item label={t('product.line')}>{product.productLine.name}</Descriptions.Item>
            <Descriptions.Item label={t('product.kind')}>{t(`product.kindValue.${product.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('product.deviceClass')}>{t('product.classValue', { value: product.deviceClass })}</Descriptions.Item>
            <Descriptions.Item label={t('product.registrationNo')}>{product.registrationNo}</Descriptions.Item>
            <Descriptions.Item label={t('product.validity')}>
              <Space size={4} wrap>
                <span>{format.date(product.registrationValidFrom)} –</span>
                <RegistrationValidity to={product.registrationValidTo} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('product.udiDi')}>{product.udiDi || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('product.listPrice')}>{format.money(product.listPrice.amount, product.listPrice.currency)}</Descriptions.Item>
            <Descriptions.Item label={t('product.certification')}>
              <CertificationSwitch product={product} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('product.priceList')}
          </Typography.Title>
          {error && !prices ? (
            <ErrorState error={error} onRetry={() => void refetch()} />
          ) : loading && !prices ? (
            <LoadingState />
          ) : (
            <Table<PriceRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...(prices ?? [])].sort((a, b) => a.tier - b.tier || b.effectiveFrom.localeCompare(a.effectiveFrom))}
              locale={{ emptyText: <EmptyState title={t('product.noPrices')} /> }}
              data-testid="product-prices"
              columns={[
                { title: t('product.tier'), key: 'tier', width: 90, render: (_, r) => t('product.tierValue', { tier: r.tier }) },
                { title: t('product.price'), key: 'price', align: 'right', render: (_, r) => format.money(r.price.amount, r.price.currency) },
                { title: t('product.effectiveFrom'), key: 'from', render: (_, r) => format.date(r.effectiveFrom) },
                { title: t('product.effectiveTo'), key: 'to', render: (_, r) => (r.effectiveTo ? format.date(r.effectiveTo) : t('product.openEnded')) },
              ]}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
