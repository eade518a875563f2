import type { ReactNode } from 'react';
import { Avatar, Button, Card, Descriptions, Flex, Typography } from 'antd';
import {
  AlertOutlined,
  AimOutlined,
  BankOutlined,
  BellOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FlagOutlined,
  FundOutlined,
  LogoutOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { can } from '@medchannel/shared-schema';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSession } from '@medchannel/web-shared';
import { LanguageSwitch } from '@medchannel/web-shared/components';
import { ExitLink } from '../../components/ExitLink';
import { BrandSwitcher } from './BrandSwitcher';

export default function MePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const team = can(user.role, 'portal.team');
  const targets = can(user.role, 'portal.targets');
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
      <MeLink
        to="/opportunities"
        testId="me-opportunities"
        icon={<FundOutlined />}
        label={t('nav.opportunities')}
        hint={t('nav.opportunitiesHint')}
      />
      <MeLink
        to="/trials"
        testId="me-trials"
        icon={<ExperimentOutlined />}
        label={t('nav.trials')}
        hint={t('nav.trialsHint')}
      />
      <MeLink
        to="/inventory"
        testId="me-inventory"
        icon={<DatabaseOutlined />}
        label={t('nav.inventory')}
        hint={t('nav.inventoryHint')}
      />
      {targets && (
        <MeLink
          to="/targets"
          testId="me-targets"
          icon={<AimOutlined />}
          label={t('nav.targets')}
          hint={t('nav.targetsHint')}
        />
      )}
      <MeLink
        to="/recalls"
        testId="me-recalls"
        icon={<AlertOutlined />}
        label={t('nav.recalls')}
        hint={t('nav.recallsHint')}
      />
      <MeLink
        to="/placements"
        testId="me-placements"
        icon={<DatabaseOutlined />}
        label={t('nav.placements')}
        hint={t('nav.placementsHint')}
      />
      <MeLink
        to="/compliance"
        testId="me-compliance"
        icon={<SafetyCertificateOutlined />}
        label={t('compliance.title')}
        hint={t('compliance.meHint')}
      />
      <MeLink
        to="/me/notices"
        testId="me-notices"
        icon={<BellOutlined />}
        label={t('me.noticeSettings')}
        hint={t('me.noticeSettingsHint')}
      />
      {team && (
        <MeLink to="/me/team" testId="me-team" icon={<TeamOutlined />} label={t('me.team')} hint={t('me.teamHint')} />
      )}
      {can(user.role, 'portal.exit') && (
        <ExitLink>
          <MeLink to="/exit" testId="me-exit" icon={<FlagOutlined />} label={t('me.exit')} hint={t('me.exitHint')} />
        </ExitLink>
      )}
      <MeLink
        to="/me/security"
        testId="me-security"
        icon={<SafetyOutlined />}
        label={t('me.security')}
        hint={t('me.securityHint')}
      />
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

function MeLink({
  to,
  testId,
  icon,
  label,
  hint,
}: {
  to: string;
  testId: string;
  icon: ReactNode;
  label: string;
  hint: string;
}) {
  return (
    <Link to={to} data-testid={testId}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center">
          <Typography.Text>
            <span style={{ marginRight: 8, color: '#1565c0' }}>{icon}</span>
            {label}
          </Typography.Text>
          <Typography.Text type="secondary">
            {hint} <RightOutlined />
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
