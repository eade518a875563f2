import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A status word as a tag: `t('<word>.<value>')` in the given colour, with `<word>-<value>` as its
 * test id (and `data-value`). Every feature's status tags (statements, enrollments, co-visits …) are this.
 */
export function WordTag({ word, color, value }: { word: string; color: string | undefined; value: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={color ?? 'default'} data-testid={`${word}-${value}`} data-value={value} style={{ marginInlineEnd: 0 }}>
      {t(`${word}.${value}`, { defaultValue: value })}
    </Tag>
  );
}

const EXPIRY_COLOR: Record<string, string | undefined> = {
  EXPIRED: 'red',
  WITHIN_7_DAYS: 'orange',
  WITHIN_30_DAYS: 'orange',
  WITHIN_60_DAYS: 'gold',
};

/** A document's expiry warning: red when expired, orange within 30 days, gold within 60; nothing when fine. */
export function ExpiryTag({
  expiry,
  showOk = false,
}: {
  expiry: { level: string; daysLeft?: number | null };
  showOk?: boolean;
}) {
  const { t } = useTranslation();
  const color = EXPIRY_COLOR[expiry.level];
  if (!color) return showOk ? <Tag color="green">{t('expiry.OK')}</Tag> : null;
  return (
    <Tag color={color} data-testid={`expiry-${expiry.level}`}>
      {t(`expiry.${expiry.level}`, { days: Math.abs(expiry.daysLeft ?? 0) })}
    </Tag>
  );
}

const STATUS_COLOR: Record<string, string> = { SCHEDULED: 'blue', ACTIVE: 'green', EXPIRED: 'default', REVOKED: 'red' };

export function AuthorizationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={`auth-status-${status}`}>
      {t(`authStatus.${status}`)}
    </Tag>
  );
}

export function AuthorizationKindTag({ kind, exclusive }: { kind: string; exclusive?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'TEMPORARY' ? 'gold' : 'blue'}>
      {t(`authKind.${kind}`)}
      {exclusive ? ` · ${t('authKind.exclusive')}` : ''}
    </Tag>
  );
}

/** Expiry levels worth a banner: expired or within 30 days. */
export const URGENT_EXPIRY = new Set(['EXPIRED', 'WITHIN_7_DAYS', 'WITHIN_30_DAYS']);
