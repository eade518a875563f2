import { Suspense, useState } from 'react';
import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { navFor } from '../../app/nav';
import { useCurrentUser, useSession } from '@medchannel/web-shared';
import { LanguageSwitch, UserBadge } from '@medchannel/web-shared/components';
import { LoadingState } from '@medchannel/web-shared/states';
import { NotificationBell } from '@medchannel/web-shared/notices';
import { GlobalSearch } from '../../components/search/GlobalSearch';

/** Desktop-first shell: side menu by role, a header with who is working and the language. */
export default function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = navFor(user.role);
  const selected = items
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .map((item) => item.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={224}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        style={{ borderRight: '1px solid #eef0f3' }}
      >
        <Flex align="center" gap={8} style={{ height: 56, padding: collapsed ? '0 24px' : '0 20px' }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {!collapsed && (
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </Flex>
        <Menu
          mode="inline"
          data-testid="side-menu"
          selectedKeys={selected}
          onClick={({ key }) => navigate(key)}
          items={items.map((item) => ({
            key: item.path,
            icon: item.icon,
            label: <span data-testid={`nav-${item.feature}`}>{t(`nav.${item.feature}`)}</span>,
          }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            height: 56,
            lineHeight: 'normal',
            borderBottom: '1px solid #eef0f3',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Flex align="center" gap={16} style={{ minWidth: 0 }}>
            {can(user.role, 'console.search') && <GlobalSearch />}
            <Typography.Text type="secondary" ellipsis>
              {t('app.tagline')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <NotificationBell to="/notifications" label="nav.notifications" countLabel="nav.notificationsUnread" />
            <LanguageSwitch />
            <Link to="/profile" data-testid="profile-link" aria-label={t('nav.profile')}>
              <UserBadge user={user} />
            </Link>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('action.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
