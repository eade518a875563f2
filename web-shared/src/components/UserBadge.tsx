import { Avatar, Flex, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Side } from '@medchannel/shared-schema';
import type { CurrentUser } from '../app/session';

/** Who is working: name, role and organisation (the brand, or the distributor for partner users). */
export function UserBadge({ user, compact = false }: { user: CurrentUser; compact?: boolean }) {
  const { t } = useTranslation();
  const organisation = user.side === Side.PARTNER ? user.distributor?.name : user.brand.name;
  return (
    <Flex align="center" gap={8} data-testid="user-badge">
      <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1565c0', flex: 'none' }} />
      <Flex vertical style={{ lineHeight: 1.25, minWidth: 0 }}>
        <Typography.Text strong ellipsis data-testid="user-name">
          {user.displayName}
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 6 }} data-testid="user-role">
            {t(`role.${user.role}`)}
          </Typography.Text>
        </Typography.Text>
        {!compact && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} data-testid="user-org">
            {organisation}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
