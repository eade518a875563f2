import { Col, Row } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { BrandDashboardDocument, InsightsAgingDocument, InsightsFunnelDocument } from '../../gql/graphql';
import { AgingCard } from './AgingCard';
import { CoverageCard } from './CoverageCard';
import { FunnelCard } from './FunnelCard';
import { ReadinessCard } from './ReadinessCard';
import { TrendsCard } from './TrendsCard';
import './strings';

/**
 * 经营看板 (docs/domain.md, "Dashboards"): coverage and penetration, the funnel, sell-in and
 * sell-out, aging and readiness in charts, in the viewer's scope. Each figure is its list's count
 * and opens that list filtered to it. The charting library is fetched with the first chart.
 */
export default function InsightsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const seesAging = can(user.role, 'finance.readRegions') && can(user.role, 'console.finance');
  const dashboard = useQuery(BrandDashboardDocument);
  const funnel = useQuery(InsightsFunnelDocument);
  const aging = useQuery(InsightsAgingDocument, { skip: !seesAging });
  const d = dashboard.data?.brandDashboard;

  return (
    <>
      <PageHeader title={t('nav.insights')} subtitle={t('insights.subtitle')} />
      {dashboard.error && !d ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !d ? (
        <LoadingState />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <CoverageCard regions={d.coverage} />
          </Col>
          <Col xs={24} xl={10}>
            {funnel.error ? (
              <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />
            ) : (
              <FunnelCard stages={funnel.data?.opportunityFunnel ?? []} />
            )}
          </Col>
          <Col xs={24} xl={14}>
            <TrendsCard sellIn={d.sellIn} sellOut={d.sellOut} />
          </Col>
          <Col xs={24} xl={10}>
            <ReadinessCard staff={d.staff} readiness={d.readiness} />
          </Col>
          {seesAging && (
            <Col xs={24}>
              {aging.error ? (
                <ErrorState error={aging.error} onRetry={() => void aging.refetch()} />
              ) : (
                <AgingCard rows={aging.data?.receivablesAgingByRegion ?? []} />
              )}
            </Col>
          )}
        </Row>
      )}
    </>
  );
}
