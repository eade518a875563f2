import { Avatar, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { BankOutlined, LogoutOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
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
      <Link to="/company" data-testid="me-company">
        <Card size="small" hoverable>
          <Flex justify="space-between" align="center">
            <Typography.Text>
              <BankOutlined style={{ marginRight: 8, color: '#1565c0' }} />
              {t('company.title')}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('company.meHint')} <RightOutlined />
            </Typography.Text>
          </Flex>
        </Card>
      </Link>
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
