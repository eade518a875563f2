import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { coursePath } from '../../../components/paths';

/** What CatalogItem.certification and OrderReviewLine.certification say. */
export interface CertificationNeed {
  courseId?: string | null;
  courseTitle?: string | null;
}

/**
 * The product needs a certified person and the viewer is not (yet): a badge, and the course that
 * certifies for it as a link (or, when the brand has published none, whom to ask).
 * `certification-<code>` and `certification-course-<code>` for tests.
 */
export function CertificationNote({ code, need }: { code: string; need: CertificationNeed }) {
  const { t } = useTranslation();
  return (
    <div className="po-certification" data-testid={`certification-${code}`}>
      <span className="po-certification-badge">
        <SafetyCertificateOutlined /> {t('certification.required')}
      </span>
      {need.courseId ? (
        <Link to={coursePath(need.courseId)} data-testid={`certification-course-${code}`}>
          {t('certification.takeCourse', { course: need.courseTitle ?? '' })}
        </Link>
      ) : (
        <span>{t('certification.noCourse')}</span>
      )}
    </div>
  );
}

/** Under a CERTIFICATION_REQUIRED refusal: each course to take, once, as a link (`place-error-course`). */
export function CoursesToTake({ courses }: { courses: ReadonlyArray<{ id: string; title: string } | null> }) {
  const { t } = useTranslation();
  const unique = [...new Map(courses.filter((c) => c != null).map((c) => [c.id, c])).values()];
  if (unique.length === 0) return null;
  return (
    <ul className="po-courses">
      {unique.map((c) => (
        <li key={c.id}>
          <Link to={coursePath(c.id)} data-testid="place-error-course" data-course={c.id}>
            {t('certification.takeCourse', { course: c.title })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
