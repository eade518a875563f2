import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, formError } from '@medchannel/web-shared';

export interface CodedFailure {
  /** The input the server named, as a path into what was sent: `questions.2.options`, `slots.1` (an argument's `input.` left off) */
  field?: string;
  reason?: ErrorReason;
  /** Someone else changed the record first: the named queries were reloaded */
  stale: boolean;
  message: string;
}

/** Someone else saved, moved or answered first: what the page shows is out of date. */
const STALE = new Set<string>([ErrorReason.ILLEGAL_TRANSITION, ErrorReason.STALE_VERSION]);

/**
 * A refused request as a feature words it: the field's own wording (`<prefix>.field.*`, indexes
 * left out), else the reason's (`<prefix>.reason.*`), else the shared one; and when the record
 * moved on underneath, the named queries reloaded. `prefix` is `trainingError`, `visitError`, …
 */
export function useCodedFailure(prefix: string, reload: readonly string[] = []) {
  const { t } = useTranslation();
  const client = useApolloClient();
  return useCallback(
    (error: unknown): CodedFailure => {
      const coded = codedError(error);
      const field = coded.field?.replace(/^input\./, '');
      const stale = Boolean(coded.reason && STALE.has(coded.reason));
      if (stale && reload.length) void client.refetchQueries({ include: [...reload] });
      const key = field?.split('.').filter((p) => !/^\d+$/.test(p)).join('_');
      const byField = key ? t(`${prefix}.field.${key}`, { defaultValue: '' }) : '';
      const byReason = coded.reason ? t(`${prefix}.reason.${coded.reason}`, { defaultValue: '' }) : '';
      return { field, reason: coded.reason, stale, message: byField || byReason || formError(t, error).message };
    },
    [t, client, prefix, reload],
  );
}
