import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  CarOutlined,
  HomeOutlined,
  ReadOutlined,
  ShoppingCartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { canOpen, type Role, type ScreenOf } from '@medchannel/shared-schema';

/** A screen of the portal: its capability is `portal.<feature>` (shared-schema's capabilities.ts). */
export type Feature = ScreenOf<'portal'>;

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

export function canUse(role: Role | string, feature: Feature): boolean {
  return canOpen(role, 'portal', feature);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
