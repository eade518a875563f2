import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { canUse } from '../../../app/nav';
import { isPositive } from '../money';
import { BUCKETS, totalsOf, type AgingFigures } from './buckets';
import { rowData } from '../rowData';

export interface DistributorRow extends AgingFigures {
  distributor: { id: string; name: string; code: string; region: { id: string; name: string } | null };
}

/** Aging per distributor, largest first as the API sorts it, with the column totals under it. */
export function AgingTable({ rows, filtered }: { rows: DistributorRow[]; filtered: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const totals = totalsOf(rows);
  const money = (m: { amount: string; currency: string }) => format.money(m.amount, m.currency);

  return (
    <Table<DistributorRow>
      rowKey={(r) => r.distributor.id}
      size="middle"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      data-testid="aging-distributors"
      onRow={(r) => rowData({ 'data-code': r.distributor.code })}
      locale={{ emptyText: <EmptyState title={filtered ? t('finance.noMatch') : t('aging.empty')} /> }}
      columns={[
        {
          title: t('finance.distributor'),
          key: 'distributor',
          fixed: 'left',
          width: 250,
          render: (_, r) => (
            <>
              <div>{canUse(user.role, 'distributors') ? <Link to={`/distributors/${r.distributor.id}`}>{r.distributor.name}</Link> : r.distributor.name}</div>
              <Space size={12} style={{ fontSize: 12 }}>
                <Link to={`/finance/overdue?distributor=${r.distributor.id}`}>{t('aging.toOverdue')}</Link>
                <Link to={`/finance/statements?distributor=${r.distributor.id}`}>{t('aging.toStatements')}</Link>
              </Space>
            </>
          ),
        },
        { title: t('finance.region'), key: 'region', width: 90, render: (_, r) => r.distributor.region?.name ?? '—' },
        ...BUCKETS.map((b) => ({ title: t(`aging.${b.key}`), key: b.key, align: 'right' as const, render: (_: unknown, r: DistributorRow) => money(r[b.key]) })),
        { title: t('aging.total'), key: 'total', align: 'right', render: (_, r) => <Typography.Text strong>{money(r.total)}</Typography.Text> },
        {
          title: t('aging.overdue'),
          key: 'overdue',
          align: 'right',
          render: (_, r) => (
            <Typography.Text type={isPositive(r.overdue.amount) ? 'danger' : 'secondary'} data-testid="aging-overdue">
              {money(r.overdue)}
            </Typography.Text>
          ),
        },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('aging.sum')}</Typography.Text>
              </Table.Summary.Cell>
              {BUCKETS.map((b, i) => (
                <Table.Summary.Cell key={b.key} index={i + 2} align="right">
                  {format.money(totals[b.key])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong>{format.money(totals.total)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Typography.Text type="danger">{format.money(totals.overdue)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
