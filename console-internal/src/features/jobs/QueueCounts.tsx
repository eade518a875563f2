import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import type { JobQueuesQuery } from '../../gql/graphql';

type Queue = JobQueuesQuery['jobQueues'][number];
const COUNTS = [
  ['created', 'CREATED'],
  ['retry', 'RETRY'],
  ['active', 'ACTIVE'],
  ['completed', 'COMPLETED'],
  ['failed', 'FAILED'],
] as const;

interface Props {
  query: {
    data?: JobQueuesQuery;
    previousData?: JobQueuesQuery;
    loading: boolean;
    error?: unknown;
    refetch: () => unknown;
  };
}

/** Each queue's runs of the last 24 hours by state (the column names are the states the runs below carry). */
export function QueueCounts({ query }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const queues = (query.data ?? query.previousData)?.jobQueues;
  return (
    <Card title={t('jobs.queues')} data-testid="job-queues">
      {query.error && !queues ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Queue>
          rowKey="name"
          size="small"
          loading={query.loading && !queues}
          dataSource={queues ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: query.loading ? ' ' : <EmptyState title={t('jobs.queuesEmpty')} /> }}
          onRow={(q) => ({ 'data-testid': 'job-queue', 'data-queue': q.name }) as never}
          columns={[
            { title: t('jobs.queue'), dataIndex: 'name', key: 'name' },
            ...COUNTS.map(([field, state]) => ({
              title: t(`jobs.state.${state}`),
              key: field,
              align: 'right' as const,
              render: (_: unknown, q: Queue) => (
                <Typography.Text type={field === 'failed' && q.failed > 0 ? 'danger' : undefined} data-count={field}>
                  {format.number(q[field])}
                </Typography.Text>
              ),
            })),
          ]}
        />
      )}
    </Card>
  );
}
