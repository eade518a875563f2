import { Button, Card, Segmented, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnrollmentStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EnrollmentStatusTag } from '@medchannel/web-shared/training';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyEnrollmentsDocument, type EnrollmentFilter, type MyEnrollmentsQuery } from '../../gql/graphql';
import { coursePath } from '../../components/paths';

type Row = MyEnrollmentsQuery['enrollments']['nodes'][number];

const FILTERS = [
  'all',
  EnrollmentStatus.ASSIGNED,
  EnrollmentStatus.IN_PROGRESS,
  EnrollmentStatus.COMPLETED,
  'overdue',
] as const;
type Filter = (typeof FILTERS)[number];

function filterOf(status: Filter): EnrollmentFilter {
  if (status === 'all') return { mine: true };
  if (status === 'overdue') return { mine: true, overdue: true };
  return { mine: true, statuses: [status] };
}

/** 我的培训: the viewer's own courses, assigned or started, soonest due first, by status or overdue. */
export function MyTrainingList() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const status: Filter = FILTERS.find((f) => f === params.get('status')) ?? 'all';
  const query = useQuery(MyEnrollmentsDocument, {
    variables: { filter: filterOf(status) },
    fetchPolicy: 'cache-and-network',
  });
  const pager = useLoadMore(query, 'enrollments');

  return (
    <>
      <div className="pt-filter">
        <Segmented<Filter>
          value={status}
          onChange={(value) => setFilter('status', value === 'all' ? undefined : value)}
          options={FILTERS.map((value) => ({
            value,
            label: <span data-testid={`training-filter-${value}`}>{t(`training.filter.${value}`)}</span>,
          }))}
          aria-label={t('training.filter.label')}
          data-testid="training-filter"
        />
      </div>
      <Card
        size="small"
        data-testid="enrollments"
        data-filter={status}
        data-ready={String(Boolean(query.data) && !query.loading)}
      >
        <PagedList
          query={query}
          pager={pager}
          testId="enrollment-list"
          footerTestId="enrollments"
          row={(e) => <EnrollmentRow key={e.id} enrollment={e} />}
          empty={
            status === 'all' ? (
              <EmptyState
                title={t('training.emptyTitle')}
                description={t('training.emptyDescription')}
                action={
                  <Link to="/training?tab=courses">
                    <Button type="primary">{t('training.browseCourses')}</Button>
                  </Link>
                }
              />
            ) : (
              <EmptyState title={t('training.noMatch')} />
            )
          }
        />
      </Card>
    </>
  );
}

function EnrollmentRow({ enrollment: e }: { enrollment: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!e.course) return null;
  const total = e.courseVersion?.sections.length ?? 0;
  return (
    <Link
      to={coursePath(e.course.id)}
      className="pp-item pp-row"
      data-testid="enrollment-row"
      data-course={e.course.title}
      data-status={e.status}
      data-overdue={String(e.overdue)}
    >
      <div className="pp-row-head">
        <Typography.Text strong style={{ minWidth: 0 }}>
          {e.course.title}
        </Typography.Text>
        <EnrollmentStatusTag status={e.status} overdue={e.overdue} />
      </div>
      <div className="pp-item-line">
        <span className={e.overdue ? 'pt-late' : undefined}>
          {e.dueOn ? t('training.dueOn', { date: format.date(e.dueOn) }) : t('training.selfStarted')}
        </span>
        {total > 0 && (
          <span className="pp-muted"> · {t('training.sectionsDone', { done: e.sectionsDone.length, total })}</span>
        )}
        {e.bestScore != null && <span className="pp-muted"> · {t('training.bestScore', { score: e.bestScore })}</span>}
      </div>
    </Link>
  );
}
