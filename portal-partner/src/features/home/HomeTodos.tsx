import type { ReactNode } from 'react';
import { Card } from 'antd';
import {
  AccountBookOutlined,
  CarOutlined,
  FlagOutlined,
  ReadOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeTodoKind } from '@medchannel/shared-schema';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import type { HomeTodosQuery } from '../../gql/graphql';

type Todo = HomeTodosQuery['homeTodos'][number];

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

/** Where each counted to-do leads: the list that shows exactly what it counts. */
const COUNTED: Partial<Record<HomeTodoKind, { key: string; testId: string; to: string; icon: ReactNode }>> = {
  [HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE]: {
    key: 'commitments',
    testId: 'todo-commitments',
    to: '/visits?tab=commitments',
    icon: <FlagOutlined />,
  },
  [HomeTodoKind.COURSES_DUE]: { key: 'courses', testId: 'todo-courses', to: '/training', icon: <ReadOutlined /> },
  [HomeTodoKind.CO_VISITS_AWAITING_ME]: {
    key: 'coVisits',
    testId: 'todo-co-visits',
    to: '/visits',
    icon: <CarOutlined />,
  },
  [HomeTodoKind.DOCUMENTS_EXPIRING]: {
    key: 'documents',
    testId: 'todo-documents',
    to: '/company',
    icon: <SafetyCertificateOutlined />,
  },
};

interface Props {
  /** the home page's one query: its to-dos, or why they did not come */
  todos: Todo[] | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * 我的待办: what waits for the signed-in partner user, each with its count and a link to its list —
 * statements to confirm (each its own link), commitments to acknowledge and documents expiring
 * (the owner), courses to finish and co-visits awaiting her answer (in the weeks the visits tab lists).
 */
export function HomeTodos({ todos, error, refetch }: Props) {
  const { t } = useTranslation();
  const ready = Boolean(todos || error);
  const items: Item[] = (todos ?? []).flatMap((todo): Item[] => {
    if (todo.kind === HomeTodoKind.STATEMENT_TO_CONFIRM)
      return todo.records.map((s) => ({
        key: `statement-${s.id}`,
        testId: 'todo-statement',
        period: s.period ?? undefined,
        to: `/statements/${s.id}`,
        icon: <AccountBookOutlined />,
        text: t('home.statementTodo', { period: s.period, version: s.version }),
      }));
    const counted = COUNTED[todo.kind];
    if (!counted || todo.count === 0) return [];
    return [{ ...counted, count: todo.count, text: t(`home.todos.${counted.key}`, { count: todo.count }) }];
  });

  return (
    <Card title={t('home.todo')} size="small" data-testid="home-todo" data-ready={String(ready)}>
      {error && !todos ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : items.length === 0 ? (
        ready && <EmptyState title={t('home.todoEmpty')} />
      ) : (
        <div className="pp-list">
          {items.map((item) => (
            <Link
              key={item.key}
              to={item.to}
              className="pp-item pp-row pp-row-head"
              data-testid={item.testId}
              data-count={item.count}
              data-period={item.period}
            >
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
