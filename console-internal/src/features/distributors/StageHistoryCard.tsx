import { Card, List, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DistributorDetailFragment } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { StageTag } from '../../components/StageTag';

/** Every stage move of the distributor, with its reason. */
export function StageHistoryCard({ history }: { history: DistributorDetailFragment['stageHistory'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('lifecycle.history')} style={{ marginBottom: 16 }}>
      {history.length === 0 ? (
        <EmptyState title={t('lifecycle.noHistory')} />
      ) : (
        <Timeline
          data-testid="stage-history"
          items={history.map((h) => ({
            key: h.id,
            content: (
              <>
                <Space size={4} wrap>
                  <StageTag stage={h.fromStage} />→<StageTag stage={h.toStage} />
                  <Typography.Text type="secondary">{format.dateTime(h.createdAt)}</Typography.Text>
                </Space>
                <div>{h.reason}</div>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** The distributors that buy through this one. */
export function SecondTierCard({ secondTier }: { secondTier: DistributorDetailFragment['secondTier'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('distributor.secondTier')} style={{ marginBottom: 16 }}>
      {secondTier.length === 0 ? (
        <EmptyState title={t('distributor.noSecondTier')} />
      ) : (
        <List
          dataSource={secondTier}
          renderItem={(s) => (
            <List.Item extra={<StageTag stage={s.stage} />}>
              <List.Item.Meta title={<Link to={`/distributors/${s.id}`}>{s.name}</Link>} description={s.code} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
