import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AgingByDistributorDocument, AgingByRegionDocument } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { ExportButton } from '../../../components/ExportButton';
import { AccountFilterBar, useAccountFilter } from '../AccountFilters';
import { AgingBars } from './AgingBars';
import { AgingTable } from './AgingTable';
import { useServerSort } from '../../../components/useServerSort';
import { AgingSort } from '@medchannel/shared-schema';

const PAGE_SIZE = 20;
/** Largest total first, or most overdue first: the distributors to call about, on the server over every page. */
const SORTS = { total: { descend: AgingSort.TOTAL }, overdue: { descend: AgingSort.OVERDUE } };

/** 应收: what is owed and how old it is, by province (bars) and by distributor (table), within the viewer's regions. */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filter, filtered, setFilter, key: filterKey } = useAccountFilter();
  const sorting = useServerSort(SORTS, { column: 'total', order: 'descend' });
  const pages = useKeysetPages(`${filterKey}|${sorting.sort ?? ''}`);
  const regions = useQuery(AgingByRegionDocument, { variables: { filter } });
  const distributors = useQuery(AgingByDistributorDocument, {
    variables: { filter, first: PAGE_SIZE, after: pages.after, sort: sorting.sort },
  });
  const regionRows = (regions.data ?? regions.previousData)?.receivablesAgingByRegion;
  const aging = (distributors.data ?? distributors.previousData)?.receivablesAging;
  // the headline is every distributor's, whichever page the table is on
  const totals = aging?.totals;
  const figures = totals
    ? ([
        ['total', totals.total],
        ['overdue', totals.overdue],
        ['days90plus', totals.days90plus],
      ] as const)
    : [];

  return (
    <>
      <AccountFilterBar extra={<ExportButton kind="receivablesAging" />} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {figures.map(([key, amount]) => (
          <Col key={key} xs={24} md={8}>
            <Card size="small">
              <Statistic
                title={t(`aging.headline.${key}`)}
                value={format.money(amount)}
                styles={{ content: { color: key === 'total' ? undefined : '#cf1322' } }}
                data-testid={`aging-headline-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('aging.byRegion')} style={{ marginBottom: 16 }} data-testid="aging-regions">
        {regions.error && !regionRows ? (
          <ErrorState error={regions.error} onRetry={() => void regions.refetch()} />
        ) : !regionRows ? (
          <LoadingState />
        ) : regionRows.length === 0 ? (
          <EmptyState
            title={filtered ? t('finance.noMatch') : t('aging.empty')}
            description={filtered ? undefined : t('aging.emptyDescription')}
          />
        ) : (
          <AgingBars rows={regionRows} onPick={(id) => setFilter('region', id)} />
        )}
      </Card>
      <Card title={t('aging.byDistributor')}>
        <AgingTable
          page={aging && { ...aging, nodes: aging.nodes.map((r) => ({ ...r, id: r.distributor.id })) }}
          loading={distributors.loading}
          error={distributors.error}
          refetch={() => void distributors.refetch()}
          pages={pages}
          sorting={sorting}
          empty={<EmptyState title={filtered ? t('finance.noMatch') : t('aging.empty')} />}
        />
      </Card>
    </>
  );
}
