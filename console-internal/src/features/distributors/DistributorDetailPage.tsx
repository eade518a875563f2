import { Breadcrumb, Card, Descriptions, List, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DistributorDocument } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { StageTag } from './StageTag';

export default function DistributorDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(DistributorDocument, { variables: { id } });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const d = data?.distributor;
  if (!d) return <LoadingState />;
  const region = d.region ? [d.region.parent?.name, d.region.name].filter(Boolean).join(' / ') : '—';

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/distributors">{t('nav.distributors')}</Link> }, { title: d.name }]}
      />
      <PageHeader title={<Space>{d.name}<StageTag stage={d.stage} /></Space>} subtitle={d.code} />
      <Card title={t('distributor.profile')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('distributor.code')}>{d.code}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.stage')}>
            <StageTag stage={d.stage} />
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.tier')}>{t('distributor.tierValue', { tier: d.tier })}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.region')}>{region}</Descriptions.Item>
          <Descriptions.Item label={t('distributor.channelManager')}>
            {d.channelManager ? `${d.channelManager.displayName} (${d.channelManager.email})` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.parent')}>
            {d.parent ? <Link to={`/distributors/${d.parent.id}`}>{d.parent.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('distributor.createdAt')}>{format.date(d.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('distributor.secondTier')}>
        {d.secondTier.length === 0 ? (
          <EmptyState title={t('distributor.noSecondTier')} />
        ) : (
          <List
            dataSource={d.secondTier}
            renderItem={(s) => (
              <List.Item extra={<StageTag stage={s.stage} />}>
                <List.Item.Meta title={<Link to={`/distributors/${s.id}`}>{s.name}</Link>} description={s.code} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
