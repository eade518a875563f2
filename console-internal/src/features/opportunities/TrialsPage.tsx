import { Card, Checkbox, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TrialStatus } from '@medchannel/shared-schema';
import { ChoiceFilter, FilterBar, PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { rowData } from '../../components/rowData';
import {
  TrialStatusTag,
  TrialsDocument,
  addOpportunityStrings,
  type TrialDetailFragment,
} from '@medchannel/web-shared/opportunities';

addOpportunityStrings();

const PAGE_SIZE = 20;

/** 试用: every trial in the viewer's scope, newest first, by status, overdue only, or a serial or hospital; filters in the URL. */
export default function TrialsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const status = (params.get('status') as TrialStatus | null) ?? undefined;
  const overdue = params.get('overdue') === '1';
  const pages = useKeysetPages([search, status, overdue].join('|'));
  const filter = { search: search || undefined, status, overdue: overdue || undefined };
  const { data, previousData, loading, error, refetch } = useQuery(TrialsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
  });
  const shown = data ?? previousData;
  const filtered = Boolean(search || status || overdue);

  return (
    <>
      <PageHeader title={t('nav.trials')} subtitle={t('trial.subtitle')} />
      <Card>
        <FilterBar
          setFilter={setFilter}
          placeholder={t('trial.searchPlaceholder')}
          testId="trial-search"
          align="center"
        >
          <ChoiceFilter
            name="status"
            value={status}
            placeholder={t('trial.allStatuses')}
            width={140}
            options={Object.values(TrialStatus).map((s) => ({ value: s, label: t(`trial.status.${s}`) }))}
            testId="trial-status-filter"
          />
          <Checkbox checked={overdue} onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)}>
            {t('trial.onlyOverdue')}
          </Checkbox>
        </FilterBar>
        <PagedTable<TrialDetailFragment>
          list={{ page: shown?.trials, loading, error, refetch }}
          pages={pages}
          totalTestId="trial-total"
          scroll={{ x: 900 }}
          empty={<EmptyState title={filtered ? t('trial.noMatch') : t('trial.empty')} />}
          onRow={(x) => rowData({ 'data-testid': 'trial-row', 'data-id': x.id })}
          columns={[
            { title: t('trial.serialNumber'), key: 'serial', width: 170, render: (_, x) => x.serialNumber },
            { title: t('trial.product'), key: 'product', render: (_, x) => x.product?.name ?? '—' },
            {
              title: t('trial.hospital'),
              key: 'hospital',
              render: (_, x) => (
                <Link to={`/opportunities/${x.opportunityId}`}>
                  {x.hospital?.name ?? '—'}
                  <Typography.Text type="secondary"> · {x.department?.name}</Typography.Text>
                </Link>
              ),
            },
            {
              title: t('trial.period'),
              key: 'period',
              width: 210,
              render: (_, x) => `${x.plannedFrom} ~ ${x.plannedTo}`,
            },
            {
              title: t('trial.statusColumn'),
              key: 'status',
              width: 170,
              render: (_, x) => <TrialStatusTag status={x.status} overdue={x.overdue} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
