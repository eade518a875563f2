import { Alert, Card, Typography } from 'antd';
import { AccountBookOutlined, BankOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Role } from '@medchannel/shared-schema';
import { navFor } from '../../app/nav';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import { HomeDocumentsDocument, HomeStatementsDocument } from '../../gql/graphql';
import './home.css';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const shortcuts = navFor(user.role).filter((item) => item.feature !== 'home' && item.feature !== 'me');
  // Documents expired or expiring within 30 days block authorizations, orders and shipments: say so first.
  const documents = useQuery(HomeDocumentsDocument, { fetchPolicy: 'cache-and-network' });
  const urgent = (documents.data?.me.distributor?.qualifications ?? []).filter((q) =>
    ['EXPIRED', 'WITHIN_7_DAYS', 'WITHIN_30_DAYS'].includes(q.expiry.level),
  );
  const expired = urgent.some((q) => q.expiry.level === 'EXPIRED');
  // The owner's to-do: last month's statement waits for a confirmation or a dispute.
  const statements = useQuery(HomeStatementsDocument, {
    skip: user.role !== Role.OWNER,
    variables: { filter: { distributorId: user.distributor?.id ?? null } },
    fetchPolicy: 'cache-and-network',
  });
  const todo = statements.data?.statements.nodes ?? [];

  return (
    <>
      <div className="pp-hero" data-testid="welcome">
        <div className="pp-hero-title">{t('home.welcome', { name: user.displayName })}</div>
        <div className="pp-hero-sub">
          {t(`role.${user.role}`)} · {user.distributor?.name}
        </div>
        <div className="pp-hero-sub">{t('home.brand', { brand: user.brand.name, date: format.date(new Date().toISOString()) })}</div>
      </div>
      {urgent.length > 0 && (
        <Link to="/company" style={{ display: 'block', marginBottom: 12, textDecoration: 'none' }} data-testid="home-document-warning">
          <Alert
            type={expired ? 'error' : 'warning'}
            showIcon
            title={t(expired ? 'home.documentsExpired' : 'home.documentsExpiring')}
            description={urgent
              .map((q) => `${t(`qualType.${q.type}`)}：${t(`expiry.${q.expiry.level}`, { days: Math.abs(q.expiry.daysLeft ?? 0) })}`)
              .join('；')}
            action={<Typography.Link>{t('home.documentsAction')}</Typography.Link>}
          />
        </Link>
      )}
      <div className="pp-shortcuts">
        {shortcuts.map((item) => (
          <Link key={item.path} to={item.path} className="pp-shortcut">
            <span className="pp-shortcut-icon">{item.icon}</span>
            <span>{t(`nav.${item.feature}`)}</span>
          </Link>
        ))}
        <Link to="/company" className="pp-shortcut" data-testid="shortcut-company">
          <span className="pp-shortcut-icon">
            <BankOutlined />
          </span>
          <span>{t('company.title')}</span>
        </Link>
      </div>
      <Card title={t('home.todo')} size="small" data-testid="home-todo">
        {todo.length === 0 ? (
          <EmptyState title={t('home.todoEmpty')} description={t('home.todoEmptyDescription')} />
        ) : (
          <div className="pp-list">
            {todo.map((s) => (
              <Link key={s.id} to={`/statements/${s.id}`} className="pp-item pp-row pp-row-head" data-testid="todo-statement" data-period={s.period}>
                <span>
                  <AccountBookOutlined style={{ color: '#1565c0', marginInlineEnd: 8 }} />
                  {t('home.statementTodo', { period: s.period, version: s.version })}
                </span>
                <RightOutlined className="pp-muted" />
              </Link>
            ))}
          </div>
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12, textAlign: 'center' }}>
        {t('home.footer')}
      </Typography.Paragraph>
    </>
  );
}
