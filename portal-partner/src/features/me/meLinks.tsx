import type { ReactNode } from 'react';
import {
  AimOutlined,
  TrophyOutlined,
  AlertOutlined,
  BankOutlined,
  BellOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Capability } from '@medchannel/shared-schema';

/** A row of 我的: where it goes, its words (i18n keys) and who sees it (a capability; none: everyone). */
export interface MeLinkDef {
  to: string;
  testId: string;
  icon: ReactNode;
  label: string;
  hint: string;
  capability?: Capability;
}

/** The rows above the exit checklist (an owner's, only while there is a plan: MePage), in this order. */
export const WORK_LINKS: MeLinkDef[] = [
  { to: '/company', testId: 'me-company', icon: <BankOutlined />, label: 'company.title', hint: 'company.meHint' },
  {
    to: '/opportunities',
    testId: 'me-opportunities',
    icon: <FundOutlined />,
    label: 'nav.opportunities',
    hint: 'nav.opportunitiesHint',
    capability: 'portal.opportunities',
  },
  {
    to: '/trials',
    testId: 'me-trials',
    icon: <ExperimentOutlined />,
    label: 'nav.trials',
    hint: 'nav.trialsHint',
    capability: 'portal.trials',
  },
  {
    to: '/inventory',
    testId: 'me-inventory',
    icon: <DatabaseOutlined />,
    label: 'nav.inventory',
    hint: 'nav.inventoryHint',
    capability: 'portal.inventory',
  },
  {
    to: '/targets',
    testId: 'me-targets',
    icon: <AimOutlined />,
    label: 'nav.targets',
    hint: 'nav.targetsHint',
    capability: 'portal.targets',
  },
  {
    to: '/scorecard',
    testId: 'me-scorecard',
    icon: <TrophyOutlined />,
    label: 'nav.scorecard',
    hint: 'nav.scorecardHint',
    capability: 'portal.scorecard',
  },
  {
    to: '/recalls',
    testId: 'me-recalls',
    icon: <AlertOutlined />,
    label: 'nav.recalls',
    hint: 'nav.recallsHint',
    capability: 'portal.recalls',
  },
  {
    to: '/placements',
    testId: 'me-placements',
    icon: <DatabaseOutlined />,
    label: 'nav.placements',
    hint: 'nav.placementsHint',
    capability: 'portal.placements',
  },
  {
    to: '/compliance',
    testId: 'me-compliance',
    icon: <SafetyCertificateOutlined />,
    label: 'compliance.title',
    hint: 'compliance.meHint',
    capability: 'portal.compliance',
  },
  {
    to: '/me/notices',
    testId: 'me-notices',
    icon: <BellOutlined />,
    label: 'me.noticeSettings',
    hint: 'me.noticeSettingsHint',
  },
  {
    to: '/me/team',
    testId: 'me-team',
    icon: <TeamOutlined />,
    label: 'me.team',
    hint: 'me.teamHint',
    capability: 'portal.team',
  },
];

/** The rows after it. */
export const ACCOUNT_LINKS: MeLinkDef[] = [
  {
    to: '/me/security',
    testId: 'me-security',
    icon: <SafetyOutlined />,
    label: 'me.security',
    hint: 'me.securityHint',
  },
];
