import { useState } from 'react';
import { Card, Select, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { JobState } from '@medchannel/shared-schema';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { JobQueuesDocument } from '../../gql/graphql';
import { QueueCounts } from './QueueCounts';
import { RunsChunk } from './RunsChunk';
import './strings';

const STATES = Object.values(JobState);

/**
 * 后台任务: the job queue as the brand's admins watch it. Each queue's runs of the last day by
 * state; below, the runs newest first (by queue and state, in the URL), each failed one with its
 * message and, for those who may (jobs.retry), 重试. The runs page by cursor: each page loaded
 * stays, the last offers the next ("load more").
 */
export default function JobsPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const queue = params.get('queue') ?? undefined;
  const state = (STATES as string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as JobState)
    : undefined;
  const filterKey = `${queue ?? ''}|${state ?? ''}`;
  // the cursors of the pages loaded after the first, for one filter: a new filter starts at its first page
  const [loaded, setLoaded] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = loaded.key === filterKey ? loaded.cursors : [];
  const queues = useQuery(JobQueuesDocument, { fetchPolicy: 'cache-and-network' });
  const names = (queues.data ?? queues.previousData)?.jobQueues.map((q) => q.name) ?? [];

  return (
    <>
      <PageHeader title={t('nav.jobs')} subtitle={t('jobs.subtitle')} />
      <QueueCounts query={queues} />
      <Card
        title={t('jobs.runs')}
        style={{ marginTop: 16 }}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('jobs.allQueues')}
              aria-label={t('jobs.queue')}
              value={queue}
              onChange={(v?: string) => setFilter('queue', v)}
              options={names.map((n) => ({ value: n, label: n }))}
              style={{ minWidth: 180 }}
              data-testid="jobs-queue-filter"
            />
            <Select
              allowClear
              placeholder={t('jobs.allStates')}
              aria-label={t('jobs.allStates')}
              value={state}
              onChange={(v?: string) => setFilter('state', v)}
              options={STATES.map((s) => ({ value: s, label: t(`jobs.state.${s}`) }))}
              style={{ minWidth: 140 }}
              data-testid="jobs-state-filter"
            />
          </Space>
        }
      >
        {[null, ...cursors].map((after, i) => (
          <RunsChunk
            key={`${filterKey}:${after ?? ''}`}
            filter={{ queue, state }}
            after={after}
            last={i === cursors.length}
            onMore={(cursor) => setLoaded({ key: filterKey, cursors: [...cursors, cursor] })}
          />
        ))}
      </Card>
    </>
  );
}
