import { Avatar, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSession } from '@medchannel/web-shared';
import { LanguageSwitch } from '@medchannel/web-shared/components';

export default function MePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  return (
    <Flex vertical gap={12}>
      <Card>
        <Flex align="center" gap={12}>
          <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1565c0', flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="me-name">
              {user.displayName}
            </Typography.Title>
            <Typography.Text type="secondary">{t(`role.${user.role}`)}</Typography.Text>
          </div>
        </Flex>
      </Card>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('me.organisation')}>{user.distributor?.name}</Descriptions.Item>
          <Descriptions.Item label={t('me.brand')}>{user.brand.name}</Descriptions.Item>
          <Descriptions.Item label={t('me.email')}>{user.email}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Flex justify="space-between" align="center">
          <Typography.Text>{t('language.label')}</Typography.Text>
          <LanguageSwitch />
        </Flex>
      </Card>
      <Button danger block size="large" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="me-logout">
        {t('action.logout')}
      </Button>
    </Flex>
  );
}
