import './strings';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackLink, DetailPending } from '../../components/DetailPending';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { EnrollmentStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { CourseKindTag, EnrollmentStatusTag } from '@medchannel/web-shared/training';
import { EmptyState } from '@medchannel/web-shared/states';
import { StartCourseDocument, TrainingCourseDocument, type TrainingCourseQuery } from '../../gql/graphql';
import { CourseReader } from './CourseReader';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { TRAINING_ERRORS } from './trainingErrors';
import './training.css';

type CourseData = TrainingCourseQuery['course'];
export type Version = NonNullable<CourseData['published']>;
export type MyEnrollment = NonNullable<CourseData['myEnrollment']>;

/**
 * 课程: what the course teaches and certifies for, then (once started) its sections one by one
 * and the quiz. Opened from my list, the course list, the catalog's and the review's
 * "needs certification", and training notices.
 */
export default function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('course', id);
  const query = useQuery(TrainingCourseDocument, { variables: { id } });
  const back = (
    <BackLink to="/training" testId="course-back">
      {t('course.back')}
    </BackLink>
  );
  if (!query.data) return <DetailPending query={query} back={back} />;
  const course = query.data.course;
  const enrollment = course.myEnrollment?.startedAt ? course.myEnrollment : null;
  const version = enrollment?.courseVersion ?? course.published;

  return (
    <Flex vertical gap={12} className="pt-page">
      {back}
      <CourseHeader course={course} />
      {!version ? (
        <EmptyState title={t('course.noContent')} />
      ) : enrollment ? (
        <CourseReader key={enrollment.id} enrollment={enrollment} version={version} />
      ) : (
        <CourseOverview course={course} version={version} />
      )}
    </Flex>
  );
}

function CourseHeader({ course }: { course: CourseData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const e = course.myEnrollment;
  const version = e?.courseVersion ?? course.published;
  const lines = (version?.productLines ?? course.productLines).map((l) => l.name).join('、');
  return (
    <>
      <PageHeader
        title={<span data-testid="course-title">{course.title}</span>}
        subtitle={
          <Flex gap={6} wrap align="center">
            <CourseKindTag kind={course.kind} />
            {e && <EnrollmentStatusTag status={e.status} overdue={e.overdue} />}
            {e?.dueOn && (
              <span className={e.overdue ? 'pt-late' : 'pp-muted'}>
                {t('training.dueOn', { date: format.date(e.dueOn) })}
              </span>
            )}
          </Flex>
        }
      />
      {lines && version && (
        <Typography.Text type="secondary" data-testid="course-certifies">
          {t('course.certifies', { lines, months: version.validityMonths })}
        </Typography.Text>
      )}
      {e?.status === EnrollmentStatus.COMPLETED && e.certificate && (
        <Alert
          type="success"
          showIcon
          data-testid="course-passed"
          title={t('course.passed')}
          description={
            <Link to="/training?tab=certificates" data-testid="course-certificate" data-number={e.certificate.number}>
              {t('quiz.certificate', { number: e.certificate.number, date: format.date(e.certificate.validTo) })}
            </Link>
          }
        />
      )}
      {e?.status === EnrollmentStatus.FAILED && (
        <Alert type="error" showIcon data-testid="course-failed" title={t('course.failed')} />
      )}
    </>
  );
}

/** Before starting: the summary, the outline and the quiz's rule, and the button that starts (or resumes) it. */
function CourseOverview({ course, version }: { course: CourseData; version: Version }) {
  const { t } = useTranslation();
  const explain = useCodedError(TRAINING_ERRORS);
  const [start, starting] = useMutation(StartCourseDocument, { refetchQueries: ['MyEnrollments'] });
  return (
    <Card size="small" data-testid="course-overview">
      {version.summary && <Typography.Paragraph className="pt-text">{version.summary}</Typography.Paragraph>}
      <Typography.Text strong>
        {t('course.outline')} · {t('course.sectionCount', { count: version.sections.length })}
      </Typography.Text>
      <ol className="pt-outline">
        {version.sections.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ol>
      {version.questions.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('course.quizRule', {
            count: version.questions.length,
            pass: version.passScore,
            attempts: version.maxAttempts,
          })}
        </Typography.Paragraph>
      )}
      {starting.error && (
        <Typography.Paragraph type="danger" data-testid="course-start-error">
          {explain(starting.error).message}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        size="large"
        block
        loading={starting.loading}
        onClick={() => void start({ variables: { courseId: course.id } }).catch(() => undefined)}
        data-testid="course-start"
      >
        {t('course.start')}
      </Button>
    </Card>
  );
}
