import { Suspense } from 'react';
import { Button } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { navFor } from '../nav';
import { useCurrentUser, useSession } from '@medchannel/web-shared';
import { LanguageSwitch, UserBadge } from '@medchannel/web-shared/components';
import { LoadingState } from '@medchannel/web-shared/states';
import { NotificationBell } from '@medchannel/web-shared/notices';
import { useSendWaitingOrder } from '../../features/orders/place/useSendWaitingOrder';
import { UpdateBanner } from './UpdateBanner';
import './shell.css';

const linkClass =
  (base: string) =>
  ({ isActive }: { isActive: boolean }) =>
    isActive ? `${base} active` : base;

/** Phone: top bar + bottom tab bar. Desktop: side menu + header. Plain links keep the shell light. */
export default function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const items = navFor(user.role);
  // an order submitted without a signal goes out when the signal returns, whichever page is open
  useSendWaitingOrder();

  return (
    <div className="pp-shell">
      <nav className="pp-side" data-testid="side-menu" aria-label={t('nav.label')}>
        <div className="pp-brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {t('app.name')}
        </div>
        {items.map((item) => (
          <NavLink key={item.path} to={item.path} end={item.path === '/'} className={linkClass('pp-sidelink')}>
            {item.icon}
            {t(`nav.${item.feature}`)}
          </NavLink>
        ))}
      </nav>
      <div className="pp-main">
        <header className="pp-header">
          <div className="pp-header-org" data-testid="header-org">
            {user.distributor?.name}
          </div>
          <div className="pp-header-actions">
            <NotificationBell to="/notifications" label="nav.notifications" countLabel="nav.notificationsUnread" />
            <LanguageSwitch size="small" />
            <div className="pp-header-user">
              <UserBadge user={user} compact />
            </div>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              aria-label={t('action.logout')}
              title={t('action.logout')}
              onClick={() => void logout()}
              data-testid="logout"
            />
          </div>
        </header>
        <UpdateBanner />
        <main className="pp-content">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <nav className="pp-tabbar" data-testid="tab-bar" aria-label={t('nav.label')}>
        {items.map((item) => (
          <NavLink
            key={item.path}
            to={item.path}
            end={item.path === '/'}
            className={linkClass('pp-tab')}
            data-testid={`tab-${item.feature}`}
          >
            {item.icon}
            <span>{t(`nav.${item.feature}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
