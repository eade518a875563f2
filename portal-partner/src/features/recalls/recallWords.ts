import type { RecallSeverity } from '../../gql/graphql';

export const SEVERITY_COLOR: Record<RecallSeverity, string> = { CLASS_I: 'red', CLASS_II: 'orange', CLASS_III: 'gold' };

/** A recall's batch and serial as one label. */
export const lotOf = (r: { batchNo?: string | null; serialNo?: string | null }) =>
  [r.batchNo, r.serialNo].filter(Boolean).join(' / ');
