import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateOf, type CourseFace } from './courseState';

const COLOR = { PUBLISHED: 'green', DRAFT: 'gold', ARCHIVED: 'default' } as const;

/** The course's state (`course-state-<STATE>`), its published version, and a draft in the works (`course-draft`). */
export function CourseStateTags({ course }: { course: CourseFace }) {
  const { t } = useTranslation();
  const state = stateOf(course);
  return (
    <>
      <Tag color={COLOR[state]} data-testid={`course-state-${state}`} style={{ marginInlineEnd: 0 }}>
        {course.publishedVersion && state === 'PUBLISHED'
          ? t('course.publishedV', { version: course.publishedVersion })
          : t(`course.state.${state}`)}
      </Tag>
      {course.publishedVersion && course.draftVersion ? (
        <Tag color="gold" data-testid="course-draft" style={{ marginInlineEnd: 0 }}>
          {t('course.draftV', { version: course.draftVersion })}
        </Tag>
      ) : null}
    </>
  );
}
