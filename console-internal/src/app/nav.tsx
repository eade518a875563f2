import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FundOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  MailOutlined,
  RiseOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { canOpen, type Role, type ScreenOf } from '@medchannel/shared-schema';

/** A screen of the console: its capability is `console.<feature>` (shared-schema's capabilities.ts). */
export type Feature = ScreenOf<'console'>;

export interface NavItem {
  feature: Feature;
  path: string;
  icon: ReactNode;
}

/** Menu order. Labels are `nav.<feature>` in the locale files. */
const NAV: NavItem[] = [
  { feature: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { feature: 'distributors', path: '/distributors', icon: <TeamOutlined /> },
  { feature: 'hospitals', path: '/hospitals', icon: <MedicineBoxOutlined /> },
  { feature: 'opportunities', path: '/opportunities', icon: <FundOutlined /> },
  { feature: 'trials', path: '/trials', icon: <ExperimentOutlined /> },
  { feature: 'quoteApprovals', path: '/quote-approvals', icon: <FileDoneOutlined /> },
  { feature: 'retiers', path: '/retiers', icon: <RiseOutlined /> },
  { feature: 'delivery', path: '/delivery', icon: <ToolOutlined /> },
  { feature: 'inventory', path: '/inventory', icon: <DatabaseOutlined /> },
  { feature: 'compliance', path: '/compliance', icon: <SafetyCertificateOutlined /> },
  { feature: 'products', path: '/products', icon: <ShopOutlined /> },
  { feature: 'orders', path: '/orders', icon: <ShoppingCartOutlined /> },
  { feature: 'finance', path: '/finance', icon: <AccountBookOutlined /> },
  { feature: 'training', path: '/training', icon: <ReadOutlined /> },
  { feature: 'visits', path: '/visits', icon: <CarOutlined /> },
  { feature: 'import', path: '/import', icon: <ImportOutlined /> },
  { feature: 'audit', path: '/audit', icon: <AuditOutlined /> },
  { feature: 'people', path: '/people', icon: <UserOutlined /> },
  { feature: 'mail', path: '/mail', icon: <MailOutlined /> },
  { feature: 'jobs', path: '/jobs', icon: <ToolOutlined /> },
  { feature: 'recalls', path: '/recalls', icon: <AlertOutlined /> },
  { feature: 'exits', path: '/exits', icon: <FileDoneOutlined /> },
  { feature: 'placements', path: '/placements', icon: <MedicineBoxOutlined /> },
  { feature: 'insights', path: '/insights', icon: <BarChartOutlined /> },
];

export function canUse(role: Role | string, feature: Feature): boolean {
  return canOpen(role, 'console', feature);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
