import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { DisputeStatusTag } from '@medchannel/web-shared/finance';
import type { StatementDetailQuery } from '../../../gql/graphql';
import { rowData } from '../../../components/rowData';

type Statement = StatementDetailQuery['statement'];
type Line = Statement['lines'][number];
/** The balance carried in heads the lines, so every balance reads from it. */
type Row = Line | { id: 'opening' };

const isLine = (r: Row): r is Line => r.id !== 'opening';

/** The month line by line: what each entry did and the balance after it (the server's), from the opening balance to the closing one. */
export function StatementLinesCard({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = statement.openingBalance.currency;
  const rows: Row[] = [{ id: 'opening' }, ...statement.lines];

  return (
    <Card title={t('statement.lines')} style={{ marginBottom: 16 }} data-testid="statement-lines">
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        onRow={(r) => (isLine(r) ? rowData({ 'data-testid': 'statement-line', 'data-line-no': r.lineNo }) : {})}
        columns={[
          { title: '#', key: 'lineNo', width: 50, render: (_, r) => (isLine(r) ? r.lineNo : '') },
          {
            title: t('statement.date'),
            key: 'date',
            width: 110,
            render: (_, r) => (isLine(r) ? format.date(r.occurredOn) : ''),
          },
          {
            title: t('statement.kind'),
            key: 'kind',
            width: 100,
            render: (_, r) => (isLine(r) ? t(`ledgerKind.${r.kind}`) : ''),
          },
          {
            title: t('statement.memo'),
            key: 'memo',
            render: (_, r) =>
              isLine(r) ? (
                <span data-testid="line-memo">{r.memo ?? '—'}</span>
              ) : (
                <Typography.Text type="secondary">{t('statement.opening')}</Typography.Text>
              ),
          },
          {
            title: t('statement.amount'),
            key: 'amount',
            width: 150,
            align: 'right',
            render: (_, r) => (isLine(r) ? <span data-testid="line-amount">{format.money(r.amount)}</span> : ''),
          },
          {
            title: t('statement.balance'),
            key: 'balance',
            width: 150,
            align: 'right',
            render: (_, r) =>
              isLine(r) ? (
                <span data-testid="line-balance">{format.money(r.balanceAfter)}</span>
              ) : (
                <span data-testid="statement-opening-balance">
                  {format.money(statement.openingBalance.amount, currency)}
                </span>
              ),
          },
          {
            title: t('statement.dispute'),
            key: 'dispute',
            width: 120,
            render: (_, r) => (isLine(r) && r.dispute ? <DisputeStatusTag status={r.dispute.status} /> : null),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <Typography.Text strong>
                {statement.lines.length ? t('statement.closing') : t('statement.noLines')}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong data-testid="statement-closing-amount">
                {format.money(statement.closingBalance.amount, currency)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
