import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  CarOutlined,
  HomeOutlined,
  ReadOutlined,
  ShoppingCartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { can, type Capability, type Role } from '@medchannel/shared-schema';

export type Feature =
  | 'home'
  | 'orders'
  | 'statements'
  | 'training'
  | 'visits'
  | 'me'
  | 'company'
  | 'compliance'
  | 'notifications'
  | 'audit'
  | 'team'
  | 'opportunities'
  | 'trials'
  | 'inventory'
  | 'recalls'
  | 'exit'
  | 'placements'
  | 'targets'
  | 'scorecard'
  | 'insights';

export interface NavItem {
  feature: Feature;
  path: string;
  icon: ReactNode;
}

/** Tab order on the phone, menu order on the desktop. Labels are `nav.<feature>`. */
const NAV: NavItem[] = [
  { feature: 'home', path: '/', icon: <HomeOutlined /> },
  { feature: 'orders', path: '/orders', icon: <ShoppingCartOutlined /> },
  { feature: 'statements', path: '/statements', icon: <AccountBookOutlined /> },
  { feature: 'training', path: '/training', icon: <ReadOutlined /> },
  { feature: 'visits', path: '/visits', icon: <CarOutlined /> },
  { feature: 'me', path: '/me', icon: <UserOutlined /> },
];

/**
 * Which capability opens which feature (capabilities.ts). Reps sell, train and visit; the account
 * (对账) is the owner's, and a rep's once the owner allows it.
 */
const ACCESS: Record<Feature, Capability> = {
  home: 'portal.home',
  orders: 'portal.orders',
  // A rep without the owner's leave (User.financeAccess) is told whom to ask, on the page itself.
  statements: 'portal.statements',
  training: 'portal.training',
  visits: 'portal.visits',
  me: 'portal.me',
  // 我的公司: reached from 我的 and the home page, not a tab of its own.
  company: 'portal.company',
  // 合规查询: may we sell P at H on T, reached from 我的.
  compliance: 'portal.compliance',
  // 通知: the bell in the header, not a tab.
  notifications: 'portal.notifications',
  // 变更记录: the owner's trail of the company's records, reached from 我的公司.
  audit: 'portal.audit',
  // 团队: the owner's people, reached from 我的.
  team: 'portal.team',
  // 机会点: the pipeline and registration, reached from 我的 and the home page.
  opportunities: 'portal.opportunities',
  // 我的试用: the trials the viewer planned or of his opportunities, reached from 机会点 and 我的.
  trials: 'portal.trials',
  // 库存: the own stock and selling out by scanning a UDI, reached from 我的 and the home page.
  inventory: 'portal.inventory',
  // 召回通知: the recalls that reach the company, reached from 我的 and the notices.
  recalls: 'portal.recalls',
  // 退出清单: the owner's exit checklist, reached from 我的 while his company has an exit plan.
  exit: 'portal.exit',
  // 投放设备 and 盘点: the own placed instruments and the stocktake task, reached from 我的.
  placements: 'portal.placements',
  // 年度目标: the owner's targets, reached from 我的.
  targets: 'portal.targets',
  // 季度评分: the owner's quarterly scorecard and how each figure was computed, reached from 我的.
  scorecard: 'portal.scorecard',
  // 经营概览: the owner's dashboard, reached from the home page.
  insights: 'portal.insights',
};

export function canUse(role: Role | string, feature: Feature): boolean {
  return can(role, ACCESS[feature]);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
