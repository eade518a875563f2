import { Button, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { JobRunsDocument, type JobRunRowFragment, type JobState } from '../../gql/graphql';
import { RetryButton } from './RetryButton';

const PAGE_SIZE = 20;
const STATE_COLOR: Record<JobState, string | undefined> = {
  CREATED: undefined,
  RETRY: 'orange',
  ACTIVE: 'blue',
  COMPLETED: 'green',
  CANCELLED: undefined,
  FAILED: 'red',
};

/** One page of runs after a cursor; the last page loaded offers the next. */
export function RunsChunk({
  filter,
  after,
  last,
  onMore,
}: {
  filter: { queue?: string; state?: JobState };
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const mayRetry = can(user.role, 'jobs.retry');
  const { data, loading, error, refetch } = useQuery(JobRunsDocument, {
    variables: { first: PAGE_SIZE, after, ...filter },
    fetchPolicy: after ? 'cache-first' : 'cache-and-network',
  });
  const page = data?.jobRuns;
  if (error && !page) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!page) return <LoadingState />;
  if (!after && !page.nodes.length)
    return <EmptyState title={filter.queue || filter.state ? t('jobs.noMatch') : t('jobs.empty')} />;

  const describe = (r: JobRunRowFragment) =>
    [
      t('jobs.created', { at: format.dateTime(r.createdAt) }),
      r.finishedAt && t('jobs.finished', { at: format.dateTime(r.finishedAt) }),
      r.retryLimit > 0 && t('jobs.attempts', { retries: r.retryCount, limit: r.retryLimit }),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <>
      {!after && (
        <Typography.Text type="secondary" data-testid="jobs-total">
          {t('list.total', { count: page.totalCount, formatted: format.number(page.totalCount) })}
        </Typography.Text>
      )}
      <List
        dataSource={page.nodes}
        renderItem={(r) => (
          <List.Item
            data-testid="job-run"
            data-id={r.id}
            data-state={r.state}
            actions={
              mayRetry && r.state === 'FAILED' && r.retryable ? [<RetryButton key="retry" run={r} />] : undefined
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{r.queue}</Typography.Text>
                  <Tag color={STATE_COLOR[r.state]} data-testid="job-state">
                    {t(`jobs.state.${r.state}`)}
                  </Tag>
                  {!r.brandJob && <Tag>{t('jobs.platform')}</Tag>}
                </Space>
              }
              description={
                <>
                  <div>{describe(r)}</div>
                  {r.error && (
                    <Typography.Paragraph type="danger" ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                      {r.error}
                    </Typography.Paragraph>
                  )}
                  {r.errorWithheld && <Typography.Text type="secondary">{t('jobs.withheld')}</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {last && page.pageInfo.hasNextPage && (
        <Button block loading={loading} onClick={() => onMore(page.pageInfo.endCursor!)} data-testid="jobs-more">
          {t('jobs.loadMore')}
        </Button>
      )}
    </>
  );
}
