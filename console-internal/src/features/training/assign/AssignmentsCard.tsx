import { Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CourseAssignmentsDocument, type CourseAssignmentRowFragment } from '../../../gql/graphql';

/** The course's assignments, newest first: whom each named, by when, and how many people it reached. */
export default function AssignmentsCard({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(CourseAssignmentsDocument, {
    variables: { id: courseId },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.course.assignments;
  if (error && !rows) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !rows) return <LoadingState />;

  const criteria = (a: CourseAssignmentRowFragment) =>
    [
      a.distributors.map((d) => d.name).join('、'),
      a.tiers.length
        ? t('assign.tiersValue', { tiers: a.tiers.map((tier) => t('product.tierValue', { tier })).join('、') })
        : '',
      a.productLines.length ? t('assign.linesValue', { lines: a.productLines.map((l) => l.name).join('、') }) : '',
    ].filter(Boolean);

  return (
    <Table<CourseAssignmentRowFragment>
      rowKey="id"
      size="middle"
      dataSource={rows ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="course-assignments"
      locale={{ emptyText: <EmptyState title={t('assign.none')} description={t('assign.noneDescription')} /> }}
      columns={[
        { title: t('assign.createdAt'), key: 'createdAt', width: 170, render: (_, a) => format.dateTime(a.createdAt) },
        { title: t('assign.to'), key: 'to', render: (_, a) => criteria(a).map((c) => <div key={c}>{c}</div>) },
        {
          title: t('assign.roles'),
          key: 'roles',
          width: 160,
          render: (_, a) => (a.roles.length ? a.roles.map((r) => t(`role.${r}`)).join('、') : t('assign.allRoles')),
        },
        { title: t('assign.dueOn'), key: 'dueOn', width: 120, render: (_, a) => format.date(a.dueOn) },
        {
          title: t('assign.enrolled'),
          key: 'enrolled',
          width: 100,
          align: 'right',
          render: (_, a) => (
            <Typography.Text data-testid="assignment-enrolled">{format.number(a.enrolled)}</Typography.Text>
          ),
        },
        { title: t('assign.by'), key: 'by', width: 120, render: (_, a) => a.createdBy?.displayName ?? '—' },
      ]}
    />
  );
}
