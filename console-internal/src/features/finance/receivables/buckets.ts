import { sum } from '@medchannel/web-shared/finance';

/** The aging buckets as the API sums them (days since the receivable arose), greener to redder. */
export const BUCKETS = [
  { key: 'days0to30', color: '#95de64' },
  { key: 'days31to60', color: '#ffd666' },
  { key: 'days61to90', color: '#ffa940' },
  { key: 'days90plus', color: '#ff4d4f' },
] as const;

export type BucketKey = (typeof BUCKETS)[number]['key'];

type Money = { amount: string; currency: string };
export type AgingFigures = Record<BucketKey | 'total' | 'overdue', Money>;

/** Column totals of aging rows, exact to the cent. */
export function totalsOf(rows: readonly AgingFigures[]): Record<BucketKey | 'total' | 'overdue', string> {
  const column = (key: BucketKey | 'total' | 'overdue') => sum(rows.map((r) => r[key].amount));
  return {
    days0to30: column('days0to30'),
    days31to60: column('days31to60'),
    days61to90: column('days61to90'),
    days90plus: column('days90plus'),
    total: column('total'),
    overdue: column('overdue'),
  };
}
