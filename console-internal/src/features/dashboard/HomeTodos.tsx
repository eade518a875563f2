import { Card, List } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';
import { TodoDisputedCommitmentsDocument, TodoOrdersAwaitingApprovalDocument, TodoStatementDisputesDocument } from '../../gql/graphql';
import { seesDisputes } from '../finance/roles';
import { worksOrderDesk } from '../orders/roles';
import { leadsTeam } from '../visits/roles';

interface Todo {
  key: 'ordersAwaitingApproval' | 'statementDisputes' | 'disputedCommitments';
  /** the list where the items wait */
  to: string;
  count: number | undefined;
  error: unknown;
  refetch(): unknown;
}

/**
 * 我的待办: what waits for the viewer's role, counted, each linking to its list — orders to approve
 * (order desk), statement disputes (finance, and the regional head who watches them), commitments
 * disputed by distributors (regional heads). A role nothing waits on here gets no card at all.
 */
export function HomeTodos({ role }: { role: string }) {
  const { t } = useTranslation();
  const orders = useQuery(TodoOrdersAwaitingApprovalDocument, { skip: !worksOrderDesk(role) });
  const disputes = useQuery(TodoStatementDisputesDocument, { skip: !seesDisputes(role) });
  const commitments = useQuery(TodoDisputedCommitmentsDocument, { skip: !leadsTeam(role) });
  const todos: Todo[] = [];
  if (worksOrderDesk(role)) {
    todos.push({ key: 'ordersAwaitingApproval', to: '/orders?status=SUBMITTED', count: orders.data?.orders.totalCount, error: orders.error, refetch: orders.refetch });
  }
  if (seesDisputes(role)) {
    todos.push({ key: 'statementDisputes', to: '/finance/disputes', count: disputes.data?.statementDisputes.totalCount, error: disputes.error, refetch: disputes.refetch });
  }
  if (leadsTeam(role)) {
    todos.push({ key: 'disputedCommitments', to: '/visits/disputes', count: commitments.data?.disputedCommitments.totalCount, error: commitments.error, refetch: commitments.refetch });
  }
  if (todos.length === 0) return null;

  const failed = todos.filter((todo) => todo.count === undefined && todo.error);
  const ready = todos.every((todo) => todo.count !== undefined || todo.error);
  const waiting = todos.filter((todo) => (todo.count ?? 0) > 0);
  return (
    <Card title={t('dashboard.todo')} data-testid="home-todo" data-ready={String(ready)}>
      {failed.length > 0 && <ErrorState error={failed[0].error} onRetry={() => failed.forEach((todo) => void todo.refetch())} />}
      {ready && failed.length === 0 && waiting.length === 0 ? (
        <EmptyState title={t('dashboard.todoEmpty')} />
      ) : (
        <List
          loading={!ready}
          dataSource={waiting}
          renderItem={(todo) => (
            <List.Item extra={<RightOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />}>
              <Link to={todo.to} data-testid={`todo-${todo.key}`} data-count={todo.count}>
                {t(`dashboard.todos.${todo.key}`, { count: todo.count })}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
