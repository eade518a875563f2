import { useState } from 'react';
import { Button, Card, DatePicker, Select, Typography } from 'antd';
import { FileSyncOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { can, StatementStatus } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { StatementStatusTag } from '@medchannel/web-shared/finance';
import { EmptyState } from '@medchannel/web-shared/states';
import { StatementsDocument, type StatementsQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { AccountFilterBar, useAccountFilter } from '../AccountFilters';
import { GenerateStatementModal } from './GenerateStatementModal';
import { rowData } from '../../../components/rowData';

type Row = StatementsQuery['statements']['nodes'][number];

const PAGE_SIZE = 20;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const STATUSES = Object.values(StatementStatus);

/** 对账单: the version in force of each distributor's months, newest month first; any status on request. */
export default function StatementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [generating, setGenerating] = useState(false);
  const { filter, key, filtered, params, setFilter } = useAccountFilter();
  const period = PERIOD.test(params.get('period') ?? '') ? params.get('period')! : undefined;
  const status = STATUSES.find((s) => s === params.get('status'));
  const pages = useKeysetPages(`${key}|${period ?? ''}|${status ?? ''}`);
  const { data, previousData, loading, error, refetch } = useQuery(StatementsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, period, status, filter },
  });
  const page = (data ?? previousData)?.statements;
  const money = (m: { amount: string; currency: string }) => format.money(m);
  const narrowed = filtered || Boolean(period || status);

  return (
    <Card>
      <AccountFilterBar
        extra={
          can(user.role, 'finance.keepAccounts') && (
            <Button
              type="primary"
              icon={<FileSyncOutlined />}
              onClick={() => setGenerating(true)}
              data-testid="statement-generate-open"
            >
              {t('statement.generate')}
            </Button>
          )
        }
      >
        <DatePicker
          picker="month"
          value={period ? dayjs(`${period}-01`) : null}
          onChange={(d) => setFilter('period', d ? d.format('YYYY-MM') : undefined)}
          placeholder={t('statement.allPeriods')}
          data-testid="statement-period-filter"
        />
        <Select
          allowClear
          value={status}
          onChange={(value?: string) => setFilter('status', value)}
          placeholder={t('statement.inForce')}
          style={{ width: 150 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`statementStatus.${s}`) }))}
          data-testid="statement-status-filter"
        />
      </AccountFilterBar>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="statement-total"
        scroll={{ x: 1150 }}
        data-testid="statement-list"
        onRow={(s) => rowData({ 'data-period': s.period, 'data-code': s.distributor?.code })}
        empty={
          <EmptyState
            title={narrowed ? t('finance.noMatch') : t('statement.none')}
            description={narrowed ? undefined : t('statement.noneDescription')}
          />
        }
        columns={[
          {
            title: t('statement.period'),
            key: 'period',
            width: 110,
            render: (_, s) => (
              <Link to={`/finance/statements/${s.id}`} data-testid="statement-open">
                {s.period}
              </Link>
            ),
          },
          { title: t('finance.distributor'), key: 'distributor', render: (_, s) => s.distributor?.name ?? '—' },
          {
            title: t('statement.version'),
            key: 'version',
            width: 90,
            render: (_, s) => t('statement.versionValue', { version: s.version }),
          },
          {
            title: t('statement.status'),
            key: 'status',
            width: 130,
            render: (_, s) => <StatementStatusTag status={s.status} />,
          },
          { title: t('statement.opening'), key: 'opening', align: 'right', render: (_, s) => money(s.openingBalance) },
          { title: t('statement.debits'), key: 'debits', align: 'right', render: (_, s) => money(s.debits) },
          { title: t('statement.credits'), key: 'credits', align: 'right', render: (_, s) => money(s.credits) },
          {
            title: t('statement.closing'),
            key: 'closing',
            align: 'right',
            render: (_, s) => <Typography.Text strong>{money(s.closingBalance)}</Typography.Text>,
          },
          { title: t('statement.issuedAt'), key: 'createdAt', width: 120, render: (_, s) => format.date(s.createdAt) },
        ]}
      />
      <GenerateStatementModal
        open={generating}
        distributorId={filter.distributorId}
        onClose={() => setGenerating(false)}
      />
    </Card>
  );
}
