import './strings';
import { Breadcrumb, Card, Col, Descriptions, Row, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { ConsoleOpportunityDocument } from '../../gql/graphql';
import { MoveStageCard } from './MoveStageCard';
import { RegistrationCard } from './RegistrationCard';
import { TrialCard } from '@medchannel/web-shared/opportunities';
import { ProductPicker } from '../../components/ProductPicker';
import { TenderCard } from './tenders/TenderCard';
import { DeliveryCards } from './delivery/DeliveryCards';

/** One opportunity: where and what, its stages, and its registration to approve or reject. */
export default function OpportunityDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  useNoticesReadOnOpen('opportunity', id);
  const { data, loading, error, refetch } = useQuery(ConsoleOpportunityDocument, { variables: { id } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const o = data?.opportunity;
  if (loading || !o) return <LoadingState />;
  const place = [o.department?.name, o.productLine?.name].filter(Boolean).join(' · ');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/opportunities">{t('nav.opportunities')}</Link> }, { title: o.hospital?.name }]}
      />
      <PageHeader
        title={o.hospital?.name ?? '—'}
        subtitle={place}
        extra={
          <Tag color="blue" data-testid="opportunity-stage">
            {t(`opportunity.stage.${o.stage}`)}
          </Tag>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('opportunity.need')} span={2}>
                {o.need}
              </Descriptions.Item>
              <Descriptions.Item label={t('opportunity.value')}>{format.money(o.estimatedValue)}</Descriptions.Item>
              <Descriptions.Item label={t('opportunity.expectedMonth')}>{o.expectedMonth ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opportunity.distributor')}>{o.distributor?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opportunity.owner')}>{o.owner?.displayName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opportunity.competitor')}>{o.competitor ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('opportunity.products')}>
                {o.products.map((p) => p.name).join('、') || '—'}
              </Descriptions.Item>
              {o.lostReason && (
                <Descriptions.Item label={t('opportunity.lostReason')}>{o.lostReason}</Descriptions.Item>
              )}
              {o.lostTo && <Descriptions.Item label={t('opportunity.lostTo')}>{o.lostTo}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {can(user.role, 'opportunity.edit') && <MoveStageCard opportunity={o} />}
          <TrialCard
            opportunityId={o.id}
            audience="console"
            productPicker={<ProductPicker placeholder={t('trial.product')} testId="trial-product" />}
          />
          <TenderCard opportunityId={o.id} />
          <DeliveryCards opportunityId={o.id} won={o.stage === 'WON'} />
        </Col>
        <Col xs={24} xl={10}>
          <RegistrationCard opportunity={o} protectionDays={data.registrationProtectionDays} />
          <Card title={t('opportunity.history')} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="opportunity-history"
              items={o.stageHistory.map((f) => ({
                key: f.id,
                color: f.stage === 'LOST' ? 'gray' : f.stage === 'WON' ? 'green' : 'blue',
                content: (
                  <>
                    <Typography.Text strong>{t(`opportunity.stage.${f.stage}`)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{format.dateTime(f.createdAt)}</Typography.Text>
                    {f.note && <div>{f.note}</div>}
                    {f.lostTo && <div>{`${t('opportunity.lostTo')}: ${f.lostTo}`}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
