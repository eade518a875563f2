import { Card, List } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeTodoKind, hasHomeTodos } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { HomeTodosDocument, type HomeTodosQuery } from '../../gql/graphql';

type Todo = HomeTodosQuery['homeTodos'][number];

interface Line {
  key: string;
  testId: string;
  to: string;
  text: string;
  count?: number;
}

/** Where a counted to-do leads: the list that shows exactly the rows it counts. */
const LIST: Partial<Record<HomeTodoKind, { key: string; to: string }>> = {
  [HomeTodoKind.ORDERS_AWAITING_APPROVAL]: { key: 'ordersAwaitingApproval', to: '/orders?status=SUBMITTED' },
  [HomeTodoKind.STATEMENT_DISPUTES]: { key: 'statementDisputes', to: '/finance/disputes' },
  [HomeTodoKind.DISPUTED_COMMITMENTS]: { key: 'disputedCommitments', to: '/visits/disputes' },
};

/**
 * 我的待办: what waits for the viewer's role, from one query — orders to approve (order desk),
 * statement disputes (finance, and the regional head who watches them), commitments disputed by
 * distributors (regional heads), each counted and linking to its list; co-visits awaiting my
 * answer, each linking to the plan. A role nothing waits on here gets no card at all.
 */
export function HomeTodos({ role }: { role: string }) {
  return hasHomeTodos(role) ? <TodoCard /> : null;
}

function TodoCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(HomeTodosDocument, { fetchPolicy: 'cache-and-network' });
  const lines = (data?.homeTodos ?? []).flatMap((todo) => linesOf(todo));
  const ready = Boolean(data || error);

  function linesOf(todo: Todo): Line[] {
    const list = LIST[todo.kind];
    if (list) {
      const text = t(`dashboard.todos.${list.key}`, { count: todo.count });
      return todo.count > 0
        ? [{ key: list.key, testId: `todo-${list.key}`, to: list.to, text, count: todo.count }]
        : [];
    }
    if (todo.kind !== HomeTodoKind.CO_VISITS_AWAITING_ME) return [];
    const plans = todo.records.map((r) => ({
      key: `coVisit-${r.id}`,
      testId: 'todo-coVisit',
      to: `/visits/co/${r.id}`,
      text: t('dashboard.todos.coVisit', { when: r.startsAt ? format.dateTime(r.startsAt) : '' }),
    }));
    const more = todo.count - plans.length;
    return more > 0
      ? [
          ...plans,
          {
            key: 'coVisitsMore',
            testId: 'todo-coVisitsMore',
            to: '/visits/week',
            text: t('dashboard.todos.coVisitsMore', { count: more }),
            count: more,
          },
        ]
      : plans;
  }

  return (
    <Card title={t('dashboard.todo')} data-testid="home-todo" data-ready={String(ready)}>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : ready && lines.length === 0 ? (
        <EmptyState title={t('dashboard.todoEmpty')} />
      ) : (
        <List
          loading={!ready}
          dataSource={lines}
          renderItem={(line) => (
            <List.Item extra={<RightOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />}>
              <Link to={line.to} data-testid={line.testId} data-count={line.count}>
                {line.text}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
