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
import { can, type Capability, type Role } from '@medchannel/shared-schema';

export type Feature =
  | 'dashboard'
  | 'distributors'
  | 'hospitals'
  | 'opportunities'
  | 'trials'
  | 'quoteApprovals'
  | 'retiers'
  | 'delivery'
  | 'inventory'
  | 'compliance'
  | 'products'
  | 'orders'
  | 'finance'
  | 'training'
  | 'visits'
  | 'import'
  | 'audit'
  | 'notifications'
  | 'people'
  | 'mail'
  | 'jobs'
  | 'profile'
  | 'recalls'
  | 'exits'
  | 'placements'
  | 'insights';

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

/**
 * Which capability opens which feature (its roles: shared-schema's capabilities.ts). The API
 * enforces the same lines per operation; the menu only spares people pages they could not use. Order desk and finance run orders and
 * statements, not the field work; trainers run training; engineers go where the hospitals are.
 */
const ACCESS: Record<Feature, Capability> = {
  dashboard: 'console.dashboard',
  distributors: 'console.distributors',
  hospitals: 'console.hospitals',
  // 机会点: the channel staff's pipeline and the registrations they decide; engineers read it.
  opportunities: 'console.opportunities',
  // 试用: the trials of the opportunities in view, overdue ones flagged.
  trials: 'console.trials',
  // 报价审批: bid quotes below the floor price, for the regional heads (and the admin) who decide them.
  quoteApprovals: 'console.quoteApprovals',
  // 调级审批: re-tiers proposed from quarterly scorecards, for the regional head (and the admin) who review them.
  retiers: 'console.retiers',
  // 交付项目: won opportunities' delivery, for the channel staff and the engineers who do it.
  delivery: 'console.delivery',
  // 渠道库存: distributors' stock by batch and sell-out (流向) by hospital, in the viewer's regions.
  inventory: 'console.inventory',
  // Can distributor D sell product P here on date T: any brand role may ask (the API scopes the records).
  compliance: 'console.compliance',
  // The catalogue (registrations, list and tier prices) is reference for every brand role.
  products: 'console.products',
  orders: 'console.orders',
  // Finance keeps the accounts; the regional head and the order desk read receivables of their regions.
  finance: 'console.finance',
  training: 'console.training',
  // The API's visitors plan and write; a trainer reads her calendar and the notes she is CC'd on.
  visits: 'console.visits',
  // Spreadsheet import: hospitals and distributors for channel staff, payments and invoices from the
  // ERP for finance (features/imports/kinds.ts), the same roles the API lets upload each kind.
  import: 'console.import',
  // The audit trail: the admin the brand's, a regional head his regions' (the API's scope decides which rows).
  audit: 'console.audit',
  // The inbox and the notice settings, reached by the header's bell (not a menu entry).
  notifications: 'console.notifications',
  // The Users page: the admin manages the brand's people, a regional head reads them.
  people: 'console.people',
  // The mail the API sent (kept and readable without an SMTP server): the admin's.
  mail: 'console.mail',
  // 任务: the job queue's runs, failures and retries: the admin's, as the API's jobs.read is.
  jobs: 'console.jobs',
  // Everyone's own: password and sessions (reached from the header, not the menu).
  profile: 'console.profile',
  // 召回: a batch's or serial's recall, its reach and who has not acknowledged.
  recalls: 'console.recalls',
  // 劝退: exit plans, for the channel staff who run them and finance who settles them.
  exits: 'console.exits',
  // 投放设备: placed instruments (history, commitment against sell-out) and the yearly stocktake.
  placements: 'console.placements',
  // 经营看板: coverage, funnel, trends, aging and readiness for the channel staff, in their regions.
  insights: 'console.insights',
};

export function canUse(role: Role | string, feature: Feature): boolean {
  return can(role, ACCESS[feature]);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
