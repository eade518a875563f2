import { Avatar, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { FlagOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { can } from '@medchannel/shared-schema';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSession } from '@medchannel/web-shared';
import { LanguageSwitch } from '@medchannel/web-shared/components';
import { ExitLink } from '../../components/ExitLink';
import { BrandSwitcher } from './BrandSwitcher';
import { MeLink } from './MeLink';
import { ACCOUNT_LINKS, WORK_LINKS, type MeLinkDef } from './meLinks';

export default function MePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const links = (defs: MeLinkDef[]) =>
    defs
      .filter((l) => !l.capability || can(user.role, l.capability))
      .map((l) => <MeLink key={l.to} to={l.to} testId={l.testId} icon={l.icon} label={t(l.label)} hint={t(l.hint)} />);
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
          <Descriptions.Item label={t('me.brand')}>
            <span data-testid="me-brand">{user.brand.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('me.email')}>{user.email}</Descriptions.Item>
        </Descriptions>
      </Card>
      <BrandSwitcher />
      {links(WORK_LINKS)}
      {can(user.role, 'portal.exit') && (
        <ExitLink>
          <MeLink to="/exit" testId="me-exit" icon={<FlagOutlined />} label={t('me.exit')} hint={t('me.exitHint')} />
        </ExitLink>
      )}
      {links(ACCOUNT_LINKS)}
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
