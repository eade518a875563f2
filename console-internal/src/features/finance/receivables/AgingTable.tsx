import { Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { isPositive } from '@medchannel/web-shared/kernel';
import { canUse } from '../../../app/nav';
import type { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { BUCKETS, type AgingFigures } from './buckets';
import { rowData } from '../../../components/rowData';
import type { useServerSort } from '../../../components/useServerSort';

export interface DistributorRow extends AgingFigures {
  id: string;
  distributor: { id: string; name: string; code: string; region: { id: string; name: string } | null };
}

interface Props {
  /** one page of rows, the count and the totals of every distributor in the list */
  page:
    | {
        nodes: DistributorRow[];
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor?: string | null };
        totals: AgingFigures;
      }
    | undefined;
  loading: boolean;
  error: unknown;
  refetch: () => unknown;
  pages: ReturnType<typeof useKeysetPages>;
  /** the page's server sort (largest total, or most overdue, first) */
  sorting: ReturnType<typeof useServerSort>;
  empty: ReactNode;
}

/** Aging per distributor, a page at a time, largest total or most overdue first as the API sorts it, with the totals of all of them under it. */
export function AgingTable({ page, loading, error, refetch, pages, sorting, empty }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const money = (m: { amount: string; currency: string }) => format.money(m);
  const totals = page?.totals;

  return (
    <PagedTable<DistributorRow>
      list={{ page, loading, error, refetch }}
      pages={pages}
      empty={empty}
      totalTestId="aging-total-count"
      scroll={{ x: 1000 }}
      data-testid="aging-distributors"
      onChange={sorting.onChange}
      onRow={(r) => rowData({ 'data-code': r.distributor.code })}
      columns={[
        {
          title: t('finance.distributor'),
          key: 'distributor',
          fixed: 'left',
          width: 250,
          render: (_, r) => (
            <>
              <div>
                {canUse(user.role, 'distributors') ? (
                  <Link to={`/distributors/${r.distributor.id}`}>{r.distributor.name}</Link>
                ) : (
                  r.distributor.name
                )}
              </div>
              <Space size={12} style={{ fontSize: 12 }}>
                <Link to={`/finance/overdue?distributor=${r.distributor.id}`}>{t('aging.toOverdue')}</Link>
                <Link to={`/finance/statements?distributor=${r.distributor.id}`}>{t('aging.toStatements')}</Link>
              </Space>
            </>
          ),
        },
        { title: t('finance.region'), key: 'region', width: 90, render: (_, r) => r.distributor.region?.name ?? '—' },
        ...BUCKETS.map((b) => ({
          title: t(`aging.${b.key}`),
          key: b.key,
          align: 'right' as const,
          render: (_: unknown, r: DistributorRow) => money(r[b.key]),
        })),
        {
          title: t('aging.total'),
          key: 'total',
          align: 'right',
          ...sorting.column('total'),
          render: (_, r) => <Typography.Text strong>{money(r.total)}</Typography.Text>,
        },
        {
          title: t('aging.overdue'),
          key: 'overdue',
          align: 'right',
          ...sorting.column('overdue'),
          render: (_, r) => (
            <Typography.Text type={isPositive(r.overdue.amount) ? 'danger' : 'secondary'} data-testid="aging-overdue">
              {money(r.overdue)}
            </Typography.Text>
          ),
        },
      ]}
      summary={() =>
        totals && page.totalCount > 1 ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('aging.sum')}</Typography.Text>
              </Table.Summary.Cell>
              {BUCKETS.map((b, i) => (
                <Table.Summary.Cell key={b.key} index={i + 2} align="right">
                  {money(totals[b.key])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong>{money(totals.total)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Typography.Text type="danger">{money(totals.overdue)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
