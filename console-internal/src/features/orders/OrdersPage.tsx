import './strings';
import { Card, Flex, Select, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { OrdersDocument, type OrdersQuery } from '../../gql/graphql';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { RegionSelect } from '../../components/RegionSelect';
import { DistributorPicker } from '../../components/DistributorPicker';
import { OrderStatusTag } from '@medchannel/web-shared/orders';

type Row = OrdersQuery['orders']['nodes'][number];

const PAGE_SIZE = 20;
const AGES = [1, 3, 7, 14, 30];
/** Waiting on the desk: a submitted order this old is worth a look. */
const SLOW_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;
const STATUSES = Object.values(OrderStatus);

/** The order desk's queue: newest first, server-paged by keyset cursor, every filter in the URL. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is OrderStatus => STATUSES.includes(s as OrderStatus));
  const regionId = params.get('region') ?? undefined;
  const distributorId = params.get('distributor') ?? undefined;
  const minAgeDays = AGES.includes(Number(params.get('age'))) ? Number(params.get('age')) : undefined;
  const filterKey = [search, statuses.join(','), regionId ?? '', distributorId ?? '', minAgeDays ?? ''].join('|');
  const filtered = filterKey !== '||||';
  const pages = useKeysetPages(filterKey);

  const { data, previousData, loading, error, refetch } = useQuery(OrdersDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search || undefined, statuses: statuses.length ? statuses : undefined, regionId, distributorId, minAgeDays },
    },
  });
  const page = (data ?? previousData)?.orders;

  const now = Date.now();
  const ageOf = (row: Row) => Math.max(0, Math.floor((now - Date.parse(row.submittedAt)) / DAY_MS));

  return (
    <>
      <PageHeader title={t('nav.orders')} subtitle={t('features.orders.subtitle')} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchFilter value={search} onSearch={(value) => setFilter('q', value)} placeholder={t('order.searchPlaceholder')} testId="order-search" maxWidth={280} />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={statuses}
            onChange={(value: string[]) => setFilter('status', value.join(',') || undefined)}
            placeholder={t('order.allStatuses')}
            style={{ width: 240 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
            data-testid="order-status-filter"
          />
          <RegionSelect
            value={regionId}
            onChange={(value) => setFilter('region', value)}
            placeholder={t('order.allRegions')}
            style={{ width: 160 }}
            data-testid="order-region"
          />
          <DistributorPicker value={distributorId} onChange={(id) => setFilter('distributor', id)} placeholder={t('order.allDistributors')} testId="order-distributor" />
          <Select
            allowClear
            value={minAgeDays}
            onChange={(value?: number) => setFilter('age', value ? String(value) : undefined)}
            placeholder={t('order.anyAge')}
            style={{ width: 150 }}
            options={AGES.map((days) => ({ value: days, label: t('order.olderThan', { count: days }) }))}
            data-testid="order-age"
          />
        </Flex>
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="order-total"
          scroll={{ x: 1040 }}
          data-testid="order-queue"
          empty={<EmptyState title={filtered ? t('order.noMatch') : t('features.orders.emptyTitle')} description={filtered ? undefined : t('features.orders.emptyDescription')} />}
          columns={[
            { title: t('order.number'), key: 'number', width: 190, render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
            { title: t('order.submittedAt'), key: 'submittedAt', width: 170, render: (_, o) => format.dateTime(o.submittedAt) },
            {
              title: t('order.age'),
              key: 'age',
              width: 90,
              render: (_, o) => {
                const days = ageOf(o);
                const waiting = o.status === OrderStatus.SUBMITTED && days >= SLOW_DAYS;
                return <Typography.Text type={waiting ? 'warning' : undefined}>{t('order.days', { count: days })}</Typography.Text>;
              },
            },
            { title: t('order.distributor'), key: 'distributor', render: (_, o) => o.distributor?.name ?? '—' },
            { title: t('order.hospital'), key: 'hospital', render: (_, o) => o.hospital?.name ?? <Typography.Text type="secondary">{t('orderKind.STOCK')}</Typography.Text> },
            { title: t('order.total'), key: 'total', width: 140, align: 'right', render: (_, o) => format.money(o.total.amount, o.total.currency) },
            { title: t('order.status'), key: 'status', width: 110, render: (_, o) => <OrderStatusTag status={o.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
