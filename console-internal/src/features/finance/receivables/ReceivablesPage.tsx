import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { AgingByDistributorDocument, AgingByRegionDocument } from '../../../gql/graphql';
import { AccountFilterBar, useAccountFilter } from '../AccountFilters';
import { AgingBars } from './AgingBars';
import { AgingTable } from './AgingTable';
import { totalsOf } from './buckets';

/** 应收: what is owed and how old it is, by province (bars) and by distributor (table), within the viewer's regions. */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filter, filtered, setFilter } = useAccountFilter();
  const regions = useQuery(AgingByRegionDocument, { variables: { filter } });
  const distributors = useQuery(AgingByDistributorDocument, { variables: { filter } });
  const regionRows = (regions.data ?? regions.previousData)?.receivablesAgingByRegion;
  const distributorRows = (distributors.data ?? distributors.previousData)?.receivablesAging;
  const totals = distributorRows && totalsOf(distributorRows);
  const figures = totals ? ([['total', totals.total], ['overdue', totals.overdue], ['days90plus', totals.days90plus]] as const) : [];

  return (
    <>
      <AccountFilterBar />
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
          <EmptyState title={filtered ? t('finance.noMatch') : t('aging.empty')} description={filtered ? undefined : t('aging.emptyDescription')} />
        ) : (
          <AgingBars rows={regionRows} onPick={(id) => setFilter('region', id)} />
        )}
      </Card>
      <Card title={t('aging.byDistributor')}>
        {distributors.error && !distributorRows ? (
          <ErrorState error={distributors.error} onRetry={() => void distributors.refetch()} />
        ) : !distributorRows ? (
          <LoadingState />
        ) : (
          <AgingTable rows={distributorRows} filtered={filtered} />
        )}
      </Card>
    </>
  );
}
