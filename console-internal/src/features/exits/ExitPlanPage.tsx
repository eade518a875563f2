import './strings';
import { Breadcrumb, Card, Col, Descriptions, Row, Steps } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { ExitPlanDocument } from '../../gql/graphql';
import { ExitAccountCard } from './ExitAccountCard';
import { ExitBelowFloorCard } from './ExitBelowFloorCard';
import { ExitHandoverCard } from './ExitHandoverCard';
import { ExitOrdersCard } from './ExitOrdersCard';
import { ExitReturnsCard } from './ExitReturnsCard';

/**
 * One exit plan: its checklist beside the plan, then its open orders, returns, sales below the floor,
 * hand-over and final statement.
 */
export default function ExitPlanPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ExitPlanDocument, { variables: { id } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const plan = data?.exitPlan;
  if (!plan) return <LoadingState />;
  const current = plan.steps.findIndex((s) => !s.done);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/exits">{t('nav.exits')}</Link> }, { title: plan.distributor?.name }]}
      />
      <PageHeader title={plan.distributor?.name ?? t('nav.exits')} subtitle={plan.reason} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('nav.exits')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('exit.effectiveOn')}>{format.date(plan.effectiveOn)}</Descriptions.Item>
              <Descriptions.Item label={t('exit.sellOutUntil')}>
                {plan.sellOutUntil ? format.date(plan.sellOutUntil) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('exit.successor')}>
                {plan.successor?.name ?? t('exit.noSuccessor')}
              </Descriptions.Item>
              <Descriptions.Item label={t('exit.reason')}>{plan.reason}</Descriptions.Item>
              <Descriptions.Item label={t('exit.checklist')}>
                {t('exit.revoked', { count: plan.authorizationsRevoked, date: format.date(plan.effectiveOn) })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('exit.checklist')} data-testid="exit-checklist">
            <Steps
              direction="vertical"
              size="small"
              current={current < 0 ? plan.steps.length : current}
              items={plan.steps.map((s) => ({
                title: t(`exit.step.${s.step}`),
                status: s.done ? 'finish' : 'wait',
              }))}
            />
          </Card>
        </Col>
        <Col span={24}>
          <ExitOrdersCard plan={plan} />
        </Col>
        <Col span={24}>
          <ExitReturnsCard plan={plan} />
        </Col>
        <Col span={24}>
          <ExitBelowFloorCard planId={plan.id} />
        </Col>
        <Col xs={24} lg={12}>
          <ExitHandoverCard plan={plan} />
        </Col>
        <Col xs={24} lg={12}>
          <ExitAccountCard plan={plan} />
        </Col>
      </Row>
    </>
  );
}
