import '../strings';
import { Suspense, useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Space, Tabs, Typography, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { retryingLazy, useCurrentUser, useFormat } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CourseKindTag } from '@medchannel/web-shared/training';
import { CourseDocument } from '../../../gql/graphql';
import { CourseStateTags } from '../courses/CourseStateTags';
import { assignsCourses, editsCourses } from '../roles';
import { CourseForm } from './CourseForm';
import { PlacedErrorProvider } from './fieldErrors';
import { useCourseEditor } from './useCourseEditor';
import { VersionHistory } from './VersionHistory';

// Who took the course and how it was assigned load when their tab is opened, the drawer when it opens.
const EnrollmentsCard = retryingLazy(() => import('../assign/EnrollmentsCard'));
const AssignmentsCard = retryingLazy(() => import('../assign/AssignmentsCard'));
const AssignDrawer = retryingLazy(() => import('../assign/AssignDrawer'));

/** One course (or a new one at /training/courses/new): its editor, the people on it, its assignments and versions. */
export default function CoursePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const isNew = id === 'new';
  const query = useQuery(CourseDocument, { variables: { id }, skip: isNew });
  const course = isNew ? null : (query.data?.course ?? null);
  const editor = useCourseEditor(course, isNew);
  const [tab, setTab] = useState('content');
  const [assigning, setAssigning] = useState(false);
  const canEdit = editsCourses(user.role);
  const archived = Boolean(course?.archivedAt);

  if (!isNew && !course) return query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />;
  if (!editor.initial) return <LoadingState />;

  const canPublish = canEdit && !archived && (editor.dirty || Boolean(course?.draftVersion) || isNew);
  const canAssign = !!course && assignsCourses(user.role) && !!course.publishedVersion && !archived;

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space wrap>
            <Link to="/training/courses">
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('course.backToList')} />
            </Link>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="course-heading">
              {course?.title ?? t('course.new')}
            </Typography.Title>
            {course && <CourseKindTag kind={course.kind} />}
            {course && (
              <span data-testid="course-state">
                <Space size={4}>
                  <CourseStateTags course={course} />
                </Space>
              </span>
            )}
            {course && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('course.updatedAtValue', { at: format.dateTime(course.updatedAt) })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {canEdit && !archived && (
              <Button loading={editor.saving} disabled={editor.busy} onClick={() => void editor.save()} data-testid="course-save">
                {t('editor.saveDraft')}
              </Button>
            )}
            {canEdit && !archived && (
              <Popconfirm
                title={course?.publishedVersion ? t('editor.publishReplaces', { version: course.publishedVersion }) : t('editor.publishFirst')}
                okText={t('editor.publish')}
                cancelText={t('action.cancel')}
                onConfirm={() => void editor.publish()}
                okButtonProps={{ 'data-testid': 'course-publish-confirm' } as ButtonProps}
              >
                <Button type="primary" loading={editor.publishing} disabled={!canPublish || editor.busy} data-testid="course-publish">
                  {t('editor.publish')}
                </Button>
              </Popconfirm>
            )}
            {canAssign && (
              <Button icon={<SendOutlined />} onClick={() => setAssigning(true)} data-testid="course-assign-open">
                {t('assign.open')}
              </Button>
            )}
            {canEdit && course && (
              <Popconfirm
                title={t(archived ? 'editor.unarchiveConfirm' : 'editor.archiveConfirm')}
                okText={t(archived ? 'editor.unarchive' : 'editor.archive')}
                cancelText={t('action.cancel')}
                onConfirm={() => void editor.setArchived(!archived)}
                okButtonProps={{ 'data-testid': 'course-archive-confirm' } as ButtonProps}
              >
                <Button danger={!archived} disabled={editor.busy} data-testid="course-archive">
                  {t(archived ? 'editor.unarchive' : 'editor.archive')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Flex>
        {editor.failure && (
          <Alert
            type={editor.failure.stale ? 'warning' : 'error'}
            showIcon
            style={{ marginTop: 12 }}
            title={editor.failure.message}
            data-testid="course-error"
            data-reason={editor.failure.reason}
            action={
              editor.failure.stale && course ? (
                <Button size="small" onClick={editor.loadLatest} data-testid="course-load-latest">
                  {t('editor.loadLatest')}
                </Button>
              ) : undefined
            }
          />
        )}
        {archived && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('editor.archivedNote')} data-testid="course-archived" />}
        {course?.publishedVersion && course.draftVersion && !editor.failure ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('editor.draftOfPublished', { draft: course.draftVersion, published: course.publishedVersion })} />
        ) : null}
      </Card>
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
                  children: <Suspense fallback={<LoadingState />}>{tab === 'enrollments' && <EnrollmentsCard courseId={course.id} />}</Suspense>,
                },
                {
                  key: 'assignments',
                  label: <span data-testid="course-tab-assignments">{t('course.tab.assignments')}</span>,
                  children: <Suspense fallback={<LoadingState />}>{tab === 'assignments' && <AssignmentsCard courseId={course.id} />}</Suspense>,
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
          <AssignDrawer course={course} open={assigning} onClose={() => setAssigning(false)} onAssigned={() => setTab('assignments')} />
        </Suspense>
      )}
    </>
  );
}
