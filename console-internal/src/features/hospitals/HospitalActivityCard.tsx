import { Card, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { OrderStatusTag } from '@medchannel/web-shared/orders';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import {
  HospitalOrdersDocument,
  HospitalVisitNotesDocument,
  type HospitalOrdersQuery,
  type HospitalVisitNotesQuery,
} from '../../gql/graphql';

const SHOWN = 10;
type Note = HospitalVisitNotesQuery['visitNotes']['nodes'][number];
type Order = HospitalOrdersQuery['orders']['nodes'][number];

/** What happened at the hospital: the latest visit notes the viewer may read and its latest orders, each linking on. */
export function HospitalActivityCard({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tabs = [
    can(user.role, 'console.visits') && {
      key: 'notes',
      label: t('hospital.visitNotes'),
      children: <VisitNotes hospitalId={hospitalId} />,
    },
    can(user.role, 'console.orders') && {
      key: 'orders',
      label: t('hospital.orders'),
      children: <Orders hospitalId={hospitalId} />,
    },
  ].filter((tab) => !!tab);
  if (tabs.length === 0) return null;
  return (
    <Card title={t('hospital.activity')} style={{ marginBottom: 16 }}>
      <Tabs items={tabs} />
    </Card>
  );
}

interface Latest<T> {
  query: { loading: boolean; error?: unknown; refetch: () => unknown };
  page?: { totalCount: number; nodes: T[] };
  empty: string;
  testId: string;
  columns: TableColumnsType<T>;
}

/** The latest rows of a list, how many there are in all, and the list's own states. */
function LatestTable<T extends { id: string }>({ query, page, empty, testId, columns }: Latest<T>) {
  const { t } = useTranslation();
  if (query.error && !page) return <ErrorState error={query.error as Error} onRetry={() => void query.refetch()} />;
  const total = page?.totalCount ?? 0;
  const shown = page?.nodes.length ?? 0;
  return (
    <>
      <Table<T>
        rowKey="id"
        size="small"
        loading={query.loading && !page}
        pagination={false}
        dataSource={page?.nodes ?? []}
        tableLayout="auto"
        locale={{ emptyText: <EmptyState title={empty} /> }}
        data-testid={testId}
        columns={columns}
      />
      {total > shown && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('hospital.showing', { total, shown })}
        </Typography.Text>
      )}
    </>
  );
}

function VisitNotes({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(HospitalVisitNotesDocument, { variables: { hospitalId, first: SHOWN } });
  return (
    <LatestTable<Note>
      query={query}
      page={query.data?.visitNotes}
      empty={t('hospital.noVisitNotes')}
      testId="hospital-visit-notes"
      columns={[
        {
          title: t('hospital.visitedOn'),
          key: 'on',
          render: (_, n) => <Link to={`/visits/notes/${n.id}`}>{format.date(n.visitedOn)}</Link>,
        },
        { title: t('hospital.author'), key: 'author', render: (_, n) => n.author?.displayName ?? '—' },
        { title: t('compliance.distributor'), key: 'distributor', render: (_, n) => n.distributor?.name ?? '—' },
        {
          title: t('hospital.outcome'),
          key: 'outcome',
          render: (_, n) => <Typography.Text ellipsis={{ tooltip: n.outcome }}>{n.outcome}</Typography.Text>,
        },
      ]}
    />
  );
}

function Orders({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(HospitalOrdersDocument, { variables: { hospitalId, first: SHOWN } });
  return (
    <LatestTable<Order>
      query={query}
      page={query.data?.orders}
      empty={t('hospital.noOrders')}
      testId="hospital-orders"
      columns={[
        {
          title: t('hospital.orderNumber'),
          key: 'number',
          render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link>,
        },
        { title: t('compliance.distributor'), key: 'distributor', render: (_, o) => o.distributor?.name ?? '—' },
        { title: t('hospital.submittedAt'), key: 'at', render: (_, o) => format.dateTime(o.submittedAt) },
        { title: t('hospital.total'), key: 'total', align: 'right', render: (_, o) => format.money(o.total) },
        { title: t('hospital.status'), key: 'status', render: (_, o) => <OrderStatusTag status={o.status} /> },
      ]}
    />
  );
}
