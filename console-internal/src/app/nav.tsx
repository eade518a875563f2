import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  CarOutlined,
  DashboardOutlined,
  ImportOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Role } from '@medchannel/shared-schema';

export type Feature = 'dashboard' | 'distributors' | 'hospitals' | 'products' | 'orders' | 'finance' | 'training' | 'visits' | 'import';

export interface NavItem {
  feature: Feature;
  path: string;
  icon: ReactNode;
}

/** Menu order. Labels are `nav.<feature>` in the locale files. */
export const NAV: NavItem[] = [
  { feature: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { feature: 'distributors', path: '/distributors', icon: <TeamOutlined /> },
  { feature: 'hospitals', path: '/hospitals', icon: <MedicineBoxOutlined /> },
  { feature: 'products', path: '/products', icon: <ShopOutlined /> },
  { feature: 'orders', path: '/orders', icon: <ShoppingCartOutlined /> },
  { feature: 'finance', path: '/finance', icon: <AccountBookOutlined /> },
  { feature: 'training', path: '/training', icon: <ReadOutlined /> },
  { feature: 'visits', path: '/visits', icon: <CarOutlined /> },
  { feature: 'import', path: '/import', icon: <ImportOutlined /> },
];

/**
 * Which brand role works with which feature. The API enforces the same lines per operation; the
 * menu only spares people pages they could not use. Order desk and finance run orders and
 * statements, not the field work; trainers run training; engineers go where the hospitals are.
 */
const ACCESS: Record<Feature, readonly Role[]> = {
  dashboard: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ORDER_DESK, Role.FINANCE, Role.TRAINER, Role.ENGINEER],
  distributors: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ORDER_DESK, Role.FINANCE, Role.TRAINER],
  hospitals: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ENGINEER],
  // The catalogue (registrations, list and tier prices) is reference for every brand role.
  products: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ORDER_DESK, Role.FINANCE, Role.TRAINER, Role.ENGINEER],
  orders: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ORDER_DESK, Role.FINANCE],
  // Finance keeps the accounts; the regional head and the order desk read receivables of their regions.
  finance: [Role.ADMIN, Role.REGIONAL_HEAD, Role.ORDER_DESK, Role.FINANCE],
  training: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.TRAINER],
  // The API's visitors plan and write; a trainer reads her calendar and the notes she is CC'd on.
  visits: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ENGINEER, Role.TRAINER],
  // Spreadsheet import: hospitals and distributors for channel staff, payments and invoices from the
  // ERP for finance (features/imports/kinds.ts), the same roles the API lets upload each kind.
  import: [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.FINANCE],
};

export function canUse(role: Role | string, feature: Feature): boolean {
  return ACCESS[feature].includes(role as Role);
}

export function navFor(role: Role | string): NavItem[] {
  return NAV.filter((item) => canUse(role, item.feature));
}
