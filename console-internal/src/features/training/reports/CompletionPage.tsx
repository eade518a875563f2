import { useState } from 'react';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TrainingGroupBy } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CourseOptionsDocument, TrainingCompletionDocument } from '../../../gql/graphql';
import { RegionSelect } from '../../../components/RegionSelect';
import { SearchSelect } from '../../../components/SearchSelect';
import { ExportButton } from '../../../components/ExportButton';
import { rowData } from '../../../components/rowData';
import { CompletionBars, rateOf, type CompletionRow } from './CompletionBars';

const GROUPS = Object.values(TrainingGroupBy);

/** 完成情况: assigned, started, completed and overdue by province, distributor or course; the course and region in the URL. */
export default function CompletionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, setFilter } = useUrlFilters();
  const groupBy = GROUPS.find((g) => g === params.get('by')) ?? TrainingGroupBy.REGION;
  const courseId = params.get('course') ?? undefined;
  const regionId = params.get('region') ?? undefined;
  const filtered = Boolean(courseId || regionId);
  const [courseSearch, setCourseSearch] = useState('');
  const courses = useQuery(CourseOptionsDocument, { variables: { search: courseSearch || undefined } });
  const { data, previousData, error, refetch } = useQuery(TrainingCompletionDocument, {
    variables: { groupBy, courseId, regionId },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (data ?? previousData)?.trainingCompletion;
  // A province narrows to its distributors, a course to its own rows; a distributor has nowhere further to go.
  const pick =
    groupBy === TrainingGroupBy.REGION
      ? (key: string) => setFilter('region', key)
      : groupBy === TrainingGroupBy.COURSE
        ? (key: string) => setFilter('course', key)
        : undefined;

  const count = (n: number) => format.number(n);
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={groupBy}
          onChange={(value) => setFilter('by', value === TrainingGroupBy.REGION ? undefined : value)}
          options={GROUPS.map((g) => ({
            value: g,
            label: <span data-testid={`completion-by-${g}`}>{t(`trainingGroupBy.${g}`)}</span>,
          }))}
        />
        <SearchSelect
          value={courseId}
          options={
            (courses.data ?? courses.previousData)?.courses.nodes.map((c) => ({ value: c.id, label: c.title })) ?? []
          }
          loading={courses.loading}
          onSearch={setCourseSearch}
          onChange={(value) => setFilter('course', value)}
          placeholder={t('completion.allCourses')}
          style={{ width: 280 }}
          testId="completion-course"
        />
        <RegionSelect
          value={regionId}
          onChange={(value) => setFilter('region', value)}
          placeholder={t('training.allRegions')}
          style={{ width: 160 }}
          data-testid="completion-region"
        />
        <ExportButton kind="trainingCompletion" />
      </Flex>
      {error && !rows ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !rows ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <Card>
          <EmptyState
            title={filtered ? t('completion.noMatch') : t('completion.empty')}
            description={filtered ? undefined : t('completion.emptyDescription')}
          />
        </Card>
      ) : (
        <>
          <Card title={t(`completion.chart.${groupBy}`)} style={{ marginBottom: 16 }}>
            <CompletionBars rows={rows} onPick={pick} />
          </Card>
          <Card>
            <Table<CompletionRow>
              rowKey="key"
              size="middle"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="completion-table"
              onRow={(r) => rowData({ 'data-label': r.label })}
              columns={[
                { title: t(`completion.group.${groupBy}`), key: 'label', render: (_, r) => r.label },
                {
                  title: t('completion.assigned'),
                  key: 'assigned',
                  align: 'right',
                  width: 110,
                  render: (_, r) => <span data-testid="completion-assigned">{count(r.assigned)}</span>,
                },
                {
                  title: t('completion.started'),
                  key: 'started',
                  align: 'right',
                  width: 110,
                  render: (_, r) => count(r.started),
                },
                {
                  title: t('completion.completed'),
                  key: 'completed',
                  align: 'right',
                  width: 110,
                  render: (_, r) => <span data-testid="completion-completed">{count(r.completed)}</span>,
                },
                {
                  title: t('completion.overdue'),
                  key: 'overdue',
                  align: 'right',
                  width: 110,
                  render: (_, r) => (
                    <Typography.Text type={r.overdue ? 'danger' : 'secondary'} data-testid="completion-overdue">
                      {count(r.overdue)}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('completion.rate'),
                  key: 'rate',
                  align: 'right',
                  width: 110,
                  render: (_, r) => `${rateOf(r)}%`,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
