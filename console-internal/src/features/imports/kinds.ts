import { Role } from '@medchannel/shared-schema';

export type Kind = 'hospitals' | 'distributors' | 'payments' | 'invoices';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What one import kind counts: the commit's (and the preview summary's) figures. */
export interface Counts {
  hospitals?: number;
  departments?: number;
  distributors?: number;
  payments?: number;
  invoices?: number;
  unchanged?: number;
}

interface KindRule {
  /** Who may upload it: the API's IMPORTERS */
  roles: readonly string[];
  /** What the file picker offers */
  accept: string;
  /** Where the imported records are listed */
  list: string;
  /** `import.<key>` with the figures */
  counts: 'countsHospitals' | 'countsDistributors' | 'countsPayments' | 'countsInvoices';
}

const CHANNEL = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];
const FINANCE = [Role.ADMIN, Role.FINANCE];

/** Channel staff bring hospitals and distributors; finance brings payments and invoices from the ERP (.xlsx or CSV). */
export const KINDS: Record<Kind, KindRule> = {
  hospitals: { roles: CHANNEL, accept: XLSX, list: '/hospitals', counts: 'countsHospitals' },
  distributors: { roles: CHANNEL, accept: XLSX, list: '/distributors', counts: 'countsDistributors' },
  payments: { roles: FINANCE, accept: `${XLSX},.csv,text/csv`, list: '/finance/payments', counts: 'countsPayments' },
  invoices: { roles: FINANCE, accept: `${XLSX},.csv,text/csv`, list: '/finance/invoices', counts: 'countsInvoices' },
};

export function kindsFor(role: string): Kind[] {
  return (Object.keys(KINDS) as Kind[]).filter((kind) => KINDS[kind].roles.includes(role));
}
