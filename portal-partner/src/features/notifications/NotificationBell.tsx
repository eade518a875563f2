import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnreadNotificationCountDocument } from '../../gql/graphql';

/** The shell's bell: unread notices at a glance, polled while the portal is open; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useQuery(UnreadNotificationCountDocument, { pollInterval: 60_000 });
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="unread-count" data-count={unread}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('nav.notificationsUnread', { count: unread })}
        title={t('nav.notifications')}
        onClick={() => navigate('/notifications')}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
