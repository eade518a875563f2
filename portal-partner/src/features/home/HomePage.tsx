import { Alert, Typography } from 'antd';
import { BankOutlined, BarChartOutlined, FundOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canUse, navFor } from '../../app/nav';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { HomeTodoKind, hasHomeTodos } from '@medchannel/shared-schema';
import { HomeTodosDocument } from '../../gql/graphql';
import { HomeTodos } from './HomeTodos';
import './home.css';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const shortcuts = navFor(user.role).filter((item) => item.feature !== 'home' && item.feature !== 'me');
  // The whole page's one request: the to-dos, and with them the documents expiring.
  const home = useQuery(HomeTodosDocument, { fetchPolicy: 'cache-and-network' });
  // Documents expired or expiring within 30 days block authorizations, orders and shipments: say so first.
  const documents = home.data?.homeTodos.find((todo) => todo.kind === HomeTodoKind.DOCUMENTS_EXPIRING)?.records ?? [];
  const urgent = documents.filter((q) =>
    ['EXPIRED', 'WITHIN_7_DAYS', 'WITHIN_30_DAYS'].includes(q.expiry?.level ?? ''),
  );
  const expired = urgent.some((q) => q.expiry?.level === 'EXPIRED');

  return (
    <>
      <div className="pp-hero" data-testid="welcome">
        <div className="pp-hero-title">{t('home.welcome', { name: user.displayName })}</div>
        <div className="pp-hero-sub">
          {t(`role.${user.role}`)} · {user.distributor?.name}
        </div>
        <div className="pp-hero-sub">
          {t('home.brand', { brand: user.brand.name, date: format.date(new Date().toISOString()) })}
        </div>
      </div>
      {urgent.length > 0 && (
        <Link
          to="/company"
          style={{ display: 'block', marginBottom: 12, textDecoration: 'none' }}
          data-testid="home-document-warning"
        >
          <Alert
            type={expired ? 'error' : 'warning'}
            showIcon
            title={t(expired ? 'home.documentsExpired' : 'home.documentsExpiring')}
            description={urgent
              .map(
                (q) =>
                  `${t(`qualType.${q.documentType}`)}：${t(`expiry.${q.expiry?.level}`, { days: Math.abs(q.expiry?.daysLeft ?? 0) })}`,
              )
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
        <Link to="/opportunities" className="pp-shortcut" data-testid="shortcut-opportunities">
          <span className="pp-shortcut-icon">
            <FundOutlined />
          </span>
          <span>{t('nav.opportunities')}</span>
        </Link>
        {canUse(user.role, 'insights') && (
          <Link to="/insights" className="pp-shortcut" data-testid="shortcut-insights">
            <span className="pp-shortcut-icon">
              <BarChartOutlined />
            </span>
            <span>{t('nav.insights')}</span>
          </Link>
        )}
      </div>
      {hasHomeTodos(user.role) && <HomeTodos todos={home.data?.homeTodos} error={home.error} refetch={home.refetch} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12, textAlign: 'center' }}>
        {t('home.footer')}
      </Typography.Paragraph>
    </>
  );
}
