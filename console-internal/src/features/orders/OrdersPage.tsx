import './strings';
import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrderSort, OrderStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { OrdersDocument, type OrdersQuery } from '../../gql/graphql';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { ExportButton } from '../../components/ExportButton';
import { OrderFilterBar, useOrderFilters } from './OrderFilters';
import { useServerSort } from '../../components/useServerSort';
import { OrderStatusTag } from '@medchannel/web-shared/orders';

type Row = OrdersQuery['orders']['nodes'][number];

const PAGE_SIZE = 20;
/** The sortable columns: by when submitted (newest first by default) and by total, each on the server. */
const SORTS = {
  submittedAt: { descend: OrderSort.NEWEST, ascend: OrderSort.OLDEST },
  total: { descend: OrderSort.TOTAL_HIGHEST, ascend: OrderSort.TOTAL_LOWEST },
};
/** Waiting on the desk: a submitted order this old is worth a look. */
const SLOW_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The order desk's queue: newest first or as sorted, server-paged by keyset cursor, every filter and the sort in the URL. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useOrderFilters();
  const { filter, filtered } = filters;
  const sorting = useServerSort(SORTS, { column: 'submittedAt', order: 'descend' });
  const pages = useKeysetPages(`${filters.key}|${sorting.sort ?? ''}`);

  const { data, previousData, loading, error, refetch } = useQuery(OrdersDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { ...filter, sort: sorting.sort },
    },
  });
  const page = (data ?? previousData)?.orders;

  const now = Date.now();
  const ageOf = (row: Row) => Math.max(0, Math.floor((now - Date.parse(row.submittedAt)) / DAY_MS));

  return (
    <>
      <PageHeader
        title={t('nav.orders')}
        subtitle={t('features.orders.subtitle')}
        extra={<ExportButton kind="orders" />}
      />
      <Card>
        <OrderFilterBar filters={filters} />
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="order-total"
          scroll={{ x: 1040 }}
          data-testid="order-queue"
          onChange={sorting.onChange}
          empty={
            <EmptyState
              title={filtered ? t('order.noMatch') : t('features.orders.emptyTitle')}
              description={filtered ? undefined : t('features.orders.emptyDescription')}
            />
          }
          columns={[
            {
              title: t('order.number'),
              key: 'number',
              width: 190,
              render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link>,
            },
            {
              title: t('order.submittedAt'),
              key: 'submittedAt',
              width: 170,
              ...sorting.column('submittedAt'),
              render: (_, o) => format.dateTime(o.submittedAt),
            },
            {
              title: t('order.age'),
              key: 'age',
              width: 90,
              render: (_, o) => {
                const days = ageOf(o);
                const waiting = o.status === OrderStatus.SUBMITTED && days >= SLOW_DAYS;
                return (
                  <Typography.Text type={waiting ? 'warning' : undefined}>
                    {t('order.days', { count: days })}
                  </Typography.Text>
                );
              },
            },
            { title: t('order.distributor'), key: 'distributor', render: (_, o) => o.distributor?.name ?? '—' },
            {
              title: t('order.hospital'),
              key: 'hospital',
              render: (_, o) =>
                o.hospital?.name ?? <Typography.Text type="secondary">{t('orderKind.STOCK')}</Typography.Text>,
            },
            {
              title: t('order.total'),
              key: 'total',
              width: 140,
              align: 'right',
              ...sorting.column('total'),
              render: (_, o) => format.money(o.total),
            },
            {
              title: t('order.status'),
              key: 'status',
              width: 110,
              render: (_, o) => <OrderStatusTag status={o.status} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
