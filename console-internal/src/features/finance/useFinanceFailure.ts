import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, formError } from '@medchannel/web-shared';

export interface FinanceFailure {
  /** The input the server named, without its index: `amount`, `allocations.amount`, `shipmentIds` */
  field?: string;
  /** The list position in the field the server named (`allocations.2.amount` → 2) */
  index?: number;
  reason?: ErrorReason;
  message: string;
  detail?: string;
}

/** Someone else answered first: what the page shows is out of date. */
const STALE = new Set<string>([ErrorReason.ILLEGAL_TRANSITION, ErrorReason.STALE_VERSION]);

/** `allocations.2.amount` → field `allocations.amount`, index 2; `shipmentIds.0` → `shipmentIds`, 0. */
export function splitField(field: string | undefined): { field?: string; index?: number } {
  if (!field) return {};
  const parts = field.split('.');
  const at = parts.findIndex((p) => /^\d+$/.test(p));
  if (at < 0) return { field };
  return { field: parts.filter((_, i) => i !== at).join('.'), index: Number(parts[at]) };
}

/**
 * A refused finance request as finance reads it: the field's own wording (`financeError.field.*`,
 * never the server's English), else the reason's (`financeError.reason.*`), else the shared one;
 * and when the record moved on underneath, the named queries reloaded so the page shows it as it is.
 */
export function useFinanceFailure(reload: readonly string[] = []) {
  const { t } = useTranslation();
  const client = useApolloClient();
  return useCallback(
    (error: unknown): FinanceFailure => {
      const coded = codedError(error);
      const shared = formError(t, error);
      const { field, index } = splitField(coded.field);
      if (coded.reason && STALE.has(coded.reason) && reload.length) void client.refetchQueries({ include: [...reload] });
      const byField = field ? t(`financeError.field.${field.replace(/\./g, '_')}`, { defaultValue: '' }) : '';
      const byReason = coded.reason ? t(`financeError.reason.${coded.reason}`, { defaultValue: '' }) : '';
      return { field, index, reason: coded.reason, message: byField || byReason || shared.message, detail: shared.detail };
    },
    [t, client, reload],
  );
}
