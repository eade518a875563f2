import { Alert, Card, Flex, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DistributorStage } from '@medchannel/shared-schema';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { DistributorBoardDocument } from '../../gql/graphql';
import { StageTag } from '../../components/StageTag';

const STAGES = Object.values(DistributorStage);

/** The pipeline by lifecycle stage, PROSPECT … TERMINATED, one column each. */
export function PipelineBoard() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(DistributorBoardDocument, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const page = data?.distributors;
  const nodes = page?.nodes ?? [];
  return (
    <>
      {page && page.totalCount > nodes.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('distributor.boardTruncated', { shown: nodes.length, total: page.totalCount })}
        />
      )}
      {/* every stage in view on a desktop (1280 px and up): the columns share the width, names cut with a tooltip */}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: `repeat(${STAGES.length}, minmax(104px, 1fr))`,
          gap: 8,
          overflowX: 'auto',
          paddingBottom: 8,
        }}
        data-testid="pipeline-board"
      >
        {STAGES.map((stage) => {
          const column = nodes.filter((n) => n.stage === stage);
          return (
            <div
              key={stage}
              style={{ minWidth: 0, background: '#f5f7fa', borderRadius: 8, padding: 6 }}
              data-testid={`board-${stage}`}
            >
              <Flex justify="space-between" align="center" gap={4} style={{ marginBottom: 8 }}>
                <StageTag stage={stage} />
                <Typography.Text type="secondary">{column.length}</Typography.Text>
              </Flex>
              <Flex vertical gap={8}>
                {column.length === 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center', padding: 8 }}>
                    {t('distributor.boardEmpty')}
                  </Typography.Text>
                )}
                {column.map((n) => (
                  <Link key={n.id} to={`/distributors/${n.id}`}>
                    <Card size="small" hoverable styles={{ body: { padding: 8 } }}>
                      <Typography.Text strong style={{ display: 'block' }} ellipsis={{ tooltip: n.name }}>
                        {n.name}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[n.region?.name, t('distributor.tierValue', { tier: n.tier }), n.channelManager?.displayName]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </Card>
                  </Link>
                ))}
              </Flex>
            </div>
          );
        })}
      </div>
    </>
  );
}
