import '../strings';
import { Suspense } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { retryingLazy } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CourseForm } from './CourseForm';
import { CourseHeader } from './CourseHeader';
import { PlacedErrorProvider } from './fieldErrors';
import { useCoursePage } from './useCoursePage';
import { VersionHistory } from './VersionHistory';

// Who took the course and how it was assigned load when their tab is opened, the drawer when it opens.
const EnrollmentsCard = retryingLazy(() => import('../assign/EnrollmentsCard'));
const AssignmentsCard = retryingLazy(() => import('../assign/AssignmentsCard'));
const AssignDrawer = retryingLazy(() => import('../assign/AssignDrawer'));

/** One course (or a new one at /training/courses/new): its editor, the people on it, its assignments and versions. */
export default function CoursePage() {
  const { t } = useTranslation();
  const page = useCoursePage();
  const { isNew, query, course, editor, tab, setTab, assigning, setAssigning, canEdit, archived } = page;

  if (!isNew && !course)
    return query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />;
  if (!editor.initial) return <LoadingState />;

  return (
    <>
      <CourseHeader page={page} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: <span data-testid="course-tab-content">{t('course.tab.content')}</span>,
            children: (
              <PlacedErrorProvider value={editor.placed}>
                <CourseForm
                  key={editor.initial.n}
                  form={editor.form}
                  initial={editor.initial.values}
                  course={course}
                  readOnly={!canEdit || archived}
                  onChange={editor.onChange}
                />
              </PlacedErrorProvider>
            ),
          },
          ...(course
            ? [
                {
                  key: 'enrollments',
                  label: <span data-testid="course-tab-enrollments">{t('course.tab.enrollments')}</span>,
                  children: (
                    <Suspense fallback={<LoadingState />}>
                      {tab === 'enrollments' && <EnrollmentsCard courseId={course.id} />}
                    </Suspense>
                  ),
                },
                {
                  key: 'assignments',
                  label: <span data-testid="course-tab-assignments">{t('course.tab.assignments')}</span>,
                  children: (
                    <Suspense fallback={<LoadingState />}>
                      {tab === 'assignments' && <AssignmentsCard courseId={course.id} />}
                    </Suspense>
                  ),
                },
                {
                  key: 'versions',
                  label: <span data-testid="course-tab-versions">{t('course.tab.versions')}</span>,
                  children: <VersionHistory versions={course.versions} />,
                },
              ]
            : []),
        ]}
      />
      {course && assigning && (
        <Suspense fallback={null}>
          <AssignDrawer
            course={course}
            open={assigning}
            onClose={() => setAssigning(false)}
            onAssigned={() => setTab('assignments')}
          />
        </Suspense>
      )}
    </>
  );
}
