import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { OwnerInsightsDocument } from '../../gql/graphql';
import './strings';

/**
 * 经营概览 for the owner, on a phone: what is overdue (the account card's figures), his people
 * certified per product line, and the commitments still open to his company. Each figure opens
 * the list it counts. Bars are antd's: no charting library in the portal.
 */
export default function OwnerInsightsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(OwnerInsightsDocument, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  const { accountSummary: account, ownerDashboard: d } = data;

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('insights.title')}
      </Typography.Title>
      <Link to="/statements" data-testid="insights-overdue">
        <Card size="small">
          <Statistic
            title={t('insights.overdue', { count: account.overdueCount })}
            value={format.money(account.overdue)}
            styles={{ content: { color: account.overdueCount ? '#cf1322' : undefined } }}
          />
        </Card>
      </Link>
      <Link to="/visits?tab=commitments" data-testid="insights-commitments">
        <Card size="small">
          <Statistic title={t('insights.openCommitments')} value={format.number(d.openCommitments)} />
        </Card>
      </Link>
      <Card size="small" title={t('insights.readiness')} data-testid="insights-readiness">
        <Link to="/training?tab=team" data-testid="insights-staff">
          {t('insights.staff', { count: d.staff })}
        </Link>
        {d.readiness.map((line) => (
          <div key={line.productLineId} style={{ marginTop: 8 }}>
            <Flex justify="space-between">
              <Typography.Text>{line.name}</Typography.Text>
              <Typography.Text type="secondary">
                {t('insights.certified', { certified: line.certified, staff: d.staff })}
              </Typography.Text>
            </Flex>
            <Progress
              percent={d.staff ? Math.round((line.certified / d.staff) * 100) : 0}
              showInfo={false}
              strokeColor="#2e7d32"
            />
          </div>
        ))}
      </Card>
    </Flex>
  );
}
