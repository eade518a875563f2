import { can, type Capability } from '@medchannel/shared-schema';

export type Kind = 'hospitals' | 'distributors' | 'payments' | 'invoices' | 'prices';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What one import kind counts: the commit's (and the preview summary's) figures. */
export interface Counts {
  hospitals?: number;
  departments?: number;
  distributors?: number;
  payments?: number;
  invoices?: number;
  prices?: number;
  unchanged?: number;
}

interface KindRule {
  /** Who may upload it: the API's IMPORTERS */
  capability: Capability;
  /** What the file picker offers */
  accept: string;
  /** Where the imported records are listed */
  list: string;
  /** `import.<key>` with the figures */
  counts: 'countsHospitals' | 'countsDistributors' | 'countsPayments' | 'countsInvoices' | 'countsPrices';
}

/** Channel staff bring hospitals and distributors; finance brings payments and invoices from the ERP (.xlsx or CSV) and price lists. */
export const KINDS: Record<Kind, KindRule> = {
  hospitals: { capability: 'import.hospitals', accept: XLSX, list: '/hospitals', counts: 'countsHospitals' },
  distributors: {
    capability: 'import.distributors',
    accept: XLSX,
    list: '/distributors',
    counts: 'countsDistributors',
  },
  payments: {
    capability: 'import.payments',
    accept: `${XLSX},.csv,text/csv`,
    list: '/finance/payments',
    counts: 'countsPayments',
  },
  invoices: {
    capability: 'import.invoices',
    accept: `${XLSX},.csv,text/csv`,
    list: '/finance/invoices',
    counts: 'countsInvoices',
  },
  prices: { capability: 'import.prices', accept: XLSX, list: '/products', counts: 'countsPrices' },
};

export function kindsFor(role: string): Kind[] {
  return (Object.keys(KINDS) as Kind[]).filter((kind) => can(role, KINDS[kind].capability));
}
