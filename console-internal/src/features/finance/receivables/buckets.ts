/** The aging buckets as the API sums them (days since the receivable arose), greener to redder. */
export const BUCKETS = [
  { key: 'days0to30', color: '#95de64' },
  { key: 'days31to60', color: '#ffd666' },
  { key: 'days61to90', color: '#ffa940' },
  { key: 'days90plus', color: '#ff4d4f' },
] as const;

type BucketKey = (typeof BUCKETS)[number]['key'];

type Money = { amount: string; currency: string };
export type AgingFigures = Record<BucketKey | 'total' | 'overdue', Money>;
