import { useMemo, type ReactNode } from 'react';
import { Card } from 'antd';
import { AccountBookOutlined, CarOutlined, FlagOutlined, ReadOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnrollmentStatus, Role } from '@medchannel/shared-schema';
import { type CurrentUser } from '@medchannel/web-shared';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { canUse } from '../../app/nav';
import { HomeCommitmentsDocument, HomeCoursesDueDocument, HomeCoVisitsDocument, HomeStatementsDocument } from '../../gql/graphql';
import { chinaToday, upcomingDays } from '../visits/dates';

interface Item {
  key: string;
  testId: string;
  to: string;
  icon: ReactNode;
  text: string;
  count?: number;
  /** a statement's month */
  period?: string;
}

/**
 * 我的待办: what waits for the signed-in partner user, each with its count and a link to its list —
 * statements to confirm and commitments to acknowledge (the owner), courses to finish and co-visits
 * awaiting her answer (in the same weeks the visits tab lists).
 */
export function HomeTodos({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const owner = user.role === Role.OWNER;
  const learns = canUse(user.role, 'training');
  const visits = canUse(user.role, 'visits');
  const days = useMemo(() => upcomingDays(chinaToday()), []);
  const statements = useQuery(HomeStatementsDocument, {
    skip: !owner,
    variables: { filter: { distributorId: user.distributor?.id ?? null } },
    fetchPolicy: 'cache-and-network',
  });
  const commitments = useQuery(HomeCommitmentsDocument, { skip: !owner, fetchPolicy: 'cache-and-network' });
  const courses = useQuery(HomeCoursesDueDocument, {
    skip: !learns,
    variables: { statuses: [EnrollmentStatus.ASSIGNED, EnrollmentStatus.IN_PROGRESS] },
    fetchPolicy: 'cache-and-network',
  });
  const coVisits = useQuery(HomeCoVisitsDocument, { skip: !visits, variables: days, fetchPolicy: 'cache-and-network' });

  const asked = [owner && statements, owner && commitments, learns && courses, visits && coVisits].filter((q) => q !== false);
  const failed = asked.find((q) => q.error && !q.data);
  const ready = asked.every((q) => q.data || q.error);
  const awaitingMe = coVisits.data?.myCoVisits.filter((v) => v.myTurn).length ?? 0;
  const items: Item[] = [
    ...(statements.data?.statements.nodes ?? []).map((s) => ({
      key: `statement-${s.id}`,
      testId: 'todo-statement',
      period: s.period,
      to: `/statements/${s.id}`,
      icon: <AccountBookOutlined />,
      text: t('home.statementTodo', { period: s.period, version: s.version }),
    })),
    { key: 'commitments', testId: 'todo-commitments', to: '/visits?tab=commitments', icon: <FlagOutlined />, count: commitments.data?.commitmentInbox.totalCount ?? 0 },
    { key: 'courses', testId: 'todo-courses', to: '/training', icon: <ReadOutlined />, count: courses.data?.enrollments.totalCount ?? 0 },
    { key: 'coVisits', testId: 'todo-co-visits', to: '/visits', icon: <CarOutlined />, count: awaitingMe },
  ]
    .map((item) => ('count' in item ? { ...item, text: t(`home.todos.${item.key}`, { count: item.count }) } : item))
    .filter((item) => !('count' in item) || (item.count ?? 0) > 0) as Item[];

  return (
    <Card title={t('home.todo')} size="small" data-testid="home-todo" data-ready={String(ready)}>
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => asked.forEach((q) => void q.refetch())} />
      ) : items.length === 0 ? (
        ready && <EmptyState title={t('home.todoEmpty')} />
      ) : (
        <div className="pp-list">
          {items.map((item) => (
            <Link key={item.key} to={item.to} className="pp-item pp-row pp-row-head" data-testid={item.testId} data-count={item.count} data-period={item.period}>
              <span>
                <span style={{ color: '#1565c0', marginInlineEnd: 8 }}>{item.icon}</span>
                {item.text}
              </span>
              <RightOutlined className="pp-muted" />
            </Link>
          ))}
        </div>
      )}
    </Card>
  );
}
