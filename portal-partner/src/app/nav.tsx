import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  CarOutlined,
  HomeOutlined,
  ReadOutlined,
  ShoppingCartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Role } from '@medchannel/shared-schema';

export type Feature = 'home' | 'orders' | 'statements' | 'training' | 'visits' | 'me' | 'company' | 'notifications';

export interface NavItem {
  feature: Feature;
  path: string;
  icon: ReactNode;
}

/** Tab order on the phone, menu order on the desktop. Labels are `nav.<feature>`. */
export const NAV: NavItem[] = [
  { feature: 'home', path: '/', icon: <HomeOutlined /> },
  { feature: 'orders', path: '/orders', icon: <ShoppingCartOutlined /> },
  { feature: 'statements', path: '/statements', icon: <AccountBookOutlined /> },
  { feature: 'training', path: '/training', icon: <ReadOutlined /> },
  { feature: 'visits', path: '/visits', icon: <CarOutlined /> },
  { feature: 'me', path: '/me', icon: <UserOutlined /> },
];

/** Reps sell, train and visit; the account (对账) is the owner's, and a rep's once the owner allows it. */
const ACCESS: Record<Feature, readonly Role[]> = {
  home: [Role.OWNER, Role.REP],
  orders: [Role.OWNER, Role.REP],
  // A rep without the owner's leave (User.financeAccess) is told whom to ask, on the page itself.
  statements: [Role.OWNER, Role.REP],
  training: [Role.OWNER, Role.REP],
  visits: [Role.OWNER, Role.REP],
  me: [Role.OWNER, Role.REP],
  // 我的公司: reached from 我的 and the home page, not a tab of its own.
  company: [Role.OWNER, Role.REP],
  // 通知: the bell in the header, not a tab.
  notifications: [Role.OWNER, Role.REP],
};

export function canUse(role: Role | string, feature: Feature): boolean {
  return ACCESS[feature].includes(role as Role);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
