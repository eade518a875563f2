import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Change {
  field: string;
  from?: string | null;
  to?: string | null;
}

/** An audit entry's changes, field by field: before → after ("—" where a side has no value). */
export function AuditChanges({ changes }: { changes: readonly Change[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <>{t('audit.noChanges')}</>;
  return (
    <>
      {changes.map((c) => (
        <div key={c.field} data-testid="audit-change">
          <Typography.Text code>{c.field}</Typography.Text> {c.from ?? '—'} → {c.to ?? '—'}
        </div>
      ))}
    </>
  );
}
