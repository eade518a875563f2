import './trials/strings';
import { Card, Checkbox, Select, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TrialStatus } from '@medchannel/shared-schema';
import { PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import {
  TrialStatusTag,
  TrialsDocument,
  addOpportunityStrings,
  type TrialDetailFragment,
} from '@medchannel/web-shared/opportunities';

addOpportunityStrings();

/** 我的试用: the trials the viewer planned or of his opportunities, newest first, overdue ones flagged; phone first. */
export default function MyTrialsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const status = (params.get('status') as TrialStatus | null) ?? null;
  const overdue = params.get('overdue') === '1';
  const query = useQuery(TrialsDocument, {
    variables: { filter: { mine: true, search: search || null, status, overdue: overdue || null } },
  });
  const pager = useLoadMore(query, 'trials');
  return (
    <>
      <PageHeader title={t('trial.mine')} />
      <div style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <SearchFilter
          value={search}
          onSearch={(v) => setFilter('q', v)}
          placeholder={t('trial.searchPlaceholder')}
          testId="trial-search"
          maxWidth={9999}
        />
        <Select
          value={status ?? ''}
          onChange={(v) => setFilter('status', v || undefined)}
          options={[
            { value: '', label: t('trial.allStatuses') },
            ...Object.values(TrialStatus).map((s) => ({ value: s, label: t(`trial.status.${s}`) })),
          ]}
          aria-label={t('trial.statusColumn')}
          style={{ minWidth: 120 }}
        />
        <Checkbox checked={overdue} onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)}>
          {t('trial.onlyOverdue')}
        </Checkbox>
      </div>
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="trial-list"
          footerTestId="trials"
          row={(x) => <TrialRow key={x.id} trial={x} />}
          empty={<EmptyState title={search || status || overdue ? t('trial.noMatch') : t('trial.empty')} />}
        />
      </Card>
    </>
  );
}

function TrialRow({ trial: x }: { trial: TrialDetailFragment }) {
  return (
    <Link to={`/opportunities/${x.opportunityId}`} className="pp-item pp-row" data-testid="trial-row">
      <div className="pp-row-head">
        <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
          {x.serialNumber}
        </Typography.Text>
        <TrialStatusTag status={x.status} overdue={x.overdue} />
      </div>
      <div className="pp-item-line">{[x.hospital?.name, x.department?.name].filter(Boolean).join(' · ')}</div>
      <div className="pp-item-line">{`${x.product?.name ?? '—'} · ${x.plannedFrom} ~ ${x.plannedTo}`}</div>
    </Link>
  );
}
