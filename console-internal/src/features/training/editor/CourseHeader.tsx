import { Alert, Button, Card, Flex, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { CourseKindTag } from '@medchannel/web-shared/training';
import { CourseStateTags } from '../courses/CourseStateTags';
import type { CoursePageState } from './useCoursePage';

/** The course's heading, its state, the editor's actions (save, publish, assign, archive) and what they answered. */
export function CourseHeader({ page }: { page: CoursePageState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { course, editor, canEdit, archived, canPublish, canAssign } = page;
  return (
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
            <Button
              loading={editor.saving}
              disabled={editor.busy}
              onClick={() => void editor.save()}
              data-testid="course-save"
            >
              {t('editor.saveDraft')}
            </Button>
          )}
          {canEdit && !archived && (
            <Popconfirm
              title={
                course?.publishedVersion
                  ? t('editor.publishReplaces', { version: course.publishedVersion })
                  : t('editor.publishFirst')
              }
              okText={t('editor.publish')}
              cancelText={t('action.cancel')}
              onConfirm={() => void editor.publish()}
              okButtonProps={{ 'data-testid': 'course-publish-confirm' } as ButtonProps}
            >
              <Button
                type="primary"
                loading={editor.publishing}
                disabled={!canPublish || editor.busy}
                data-testid="course-publish"
              >
                {t('editor.publish')}
              </Button>
            </Popconfirm>
          )}
          {canAssign && (
            <Button icon={<SendOutlined />} onClick={() => page.setAssigning(true)} data-testid="course-assign-open">
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
      {archived && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('editor.archivedNote')}
          data-testid="course-archived"
        />
      )}
      {course?.publishedVersion && course.draftVersion && !editor.failure ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('editor.draftOfPublished', { draft: course.draftVersion, published: course.publishedVersion })}
        />
      ) : null}
    </Card>
  );
}
