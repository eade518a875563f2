import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnreadNotificationCountDocument } from '../gql/graphql';

/** The shell's bell: unread notices at a glance, polled while the app is open; opens the inbox at `to`. */
export function NotificationBell({ to, label, countLabel }: { to: string; label: string; countLabel: string }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { data } = useQuery(UnreadNotificationCountDocument, { pollInterval: 60_000 });
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="unread-count" data-count={unread}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t(countLabel, { count: unread })}
        title={t(label)}
        onClick={() => navigate(to)}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
