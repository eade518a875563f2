import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CourseKindTag, EnrollmentStatusTag } from '@medchannel/web-shared/training';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { TrainingCoursesDocument, type TrainingCoursesQuery } from '../../gql/graphql';
import { coursePath } from '../../components/paths';

type Row = TrainingCoursesQuery['courses']['nodes'][number];

/** 课程: every published course, by title; one already on my list shows where I stand on it. */
export default function CourseList() {
  const { t } = useTranslation();
  const query = useQuery(TrainingCoursesDocument, { fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'courses');
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId="course-list"
        footerTestId="courses"
        row={(c) => <CourseRow key={c.id} course={c} />}
        empty={
          <EmptyState title={t('training.coursesEmptyTitle')} description={t('training.coursesEmptyDescription')} />
        }
      />
    </Card>
  );
}

function CourseRow({ course: c }: { course: Row }) {
  const { t } = useTranslation();
  return (
    <Link to={coursePath(c.id)} className="pp-item pp-row" data-testid="course-row" data-course={c.title}>
      <div className="pp-row-head">
        <Typography.Text strong style={{ minWidth: 0 }}>
          {c.title}
        </Typography.Text>
        {c.myEnrollment ? <EnrollmentStatusTag status={c.myEnrollment.status} /> : <CourseKindTag kind={c.kind} />}
      </div>
      {c.productLines.length > 0 && (
        <div className="pp-item-line">
          {t('training.certifies', { lines: c.productLines.map((l) => l.name).join('、') })}
        </div>
      )}
    </Link>
  );
}
