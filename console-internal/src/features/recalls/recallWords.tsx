import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecallSeverity } from '../../gql/graphql';

const COLOR: Record<RecallSeverity, string> = { CLASS_I: 'red', CLASS_II: 'orange', CLASS_III: 'gold' };

export function SeverityTag({ severity }: { severity: RecallSeverity }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[severity]}>{t(`recall.severityValue.${severity}`)}</Tag>;
}

/** A recall's batch and serial as one label. */
export const lotOf = (r: { batchNo?: string | null; serialNo?: string | null }) =>
  [r.batchNo, r.serialNo].filter(Boolean).join(' / ');
