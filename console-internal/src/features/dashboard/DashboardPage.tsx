import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DashboardSummaryDocument } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { canUse } from '../../app/nav';
import { StageTag } from '../../components/StageTag';
import { HomeTodos } from './HomeTodos';
import './strings';

export default function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const seesDistributors = canUse(user.role, 'distributors');
  const { data, loading, error, refetch } = useQuery(DashboardSummaryDocument, { skip: !seesDistributors });
  const summary = data?.distributors;

  return (
    <>
      <Card style={{ marginBottom: 16, background: 'linear-gradient(120deg,#1565c0,#42a5f5)', border: 'none' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }} data-testid="welcome">
          {t('dashboard.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
          {t('dashboard.today', {
            date: format.date(new Date().toISOString()),
            role: t(`role.${user.role}`),
            org: user.brand.name,
          })}
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {seesDistributors && (
          <Col xs={24} lg={8}>
            <Card loading={loading && !summary}>
              <Statistic
                title={t('dashboard.distributorCount')}
                value={summary ? format.number(summary.totalCount) : '—'}
              />
            </Card>
          </Col>
        )}
        {seesDistributors && (
          <Col xs={24} lg={16}>
            <Card
              title={t('dashboard.recentDistributors')}
              extra={<Link to="/distributors">{t('action.viewAll')}</Link>}
            >
              {error && !summary ? (
                <ErrorState error={error} onRetry={() => void refetch()} />
              ) : summary && summary.nodes.length === 0 ? (
                <EmptyState title={t('distributor.none')} />
              ) : (
                <List
                  loading={loading && !summary}
                  dataSource={summary?.nodes ?? []}
                  renderItem={(d) => (
                    <List.Item extra={<StageTag stage={d.stage} />}>
                      <List.Item.Meta title={<Link to={`/distributors/${d.id}`}>{d.name}</Link>} description={d.code} />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <HomeTodos role={user.role} />
        </Col>
      </Row>
    </>
  );
}
