import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError, formError } from '@medchannel/web-shared';

export interface OrderFailure {
  /** The input the server named (`reason`, `unitPrice`, `items.2.quantity`, …) */
  field?: string;
  reason?: ErrorReason;
  message: string;
  detail?: string;
}

/** Someone else moved the order on: what the page shows is out of date. */
const STALE = new Set<string>([ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.IDEMPOTENCY_KEY_REUSED]);

/** NOT_COMPLIANT carries, per product, the compliance reasons: worded here, not the server's English. */
function complianceDetail(error: unknown, t: (key: string) => string, productName: (id: string) => string): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const lines = error.errors[0]?.extensions?.lines as Array<{ productId: string; reasons: string[] }> | undefined;
  if (!Array.isArray(lines)) return undefined;
  return lines.map((l) => `${productName(l.productId)}：${l.reasons.map((r) => t(`complianceReason.${r}`)).join('、')}`).join('；');
}

/**
 * A failed order action as the desk reads it: the order-specific wording of the reason (falling
 * back to the shared one), the field to show it beside, and, when the order changed underneath,
 * the order and credit reloaded so the page shows where it stands now.
 */
export function useOrderFailure(productName: (id: string) => string = (id) => id) {
  const { t } = useTranslation();
  const client = useApolloClient();
  return useCallback(
    (error: unknown): OrderFailure => {
      const coded = codedError(error);
      const shared = formError(t, error);
      const own = coded.reason ? t(`orderError.${coded.reason}`, { defaultValue: '' }) : '';
      if (coded.reason && STALE.has(coded.reason)) void client.refetchQueries({ include: ['Order', 'CreditStatus'] });
      const detail = coded.reason === ErrorReason.NOT_COMPLIANT ? complianceDetail(error, t, productName) : undefined;
      return { field: coded.field, reason: coded.reason, message: own || shared.message, detail };
    },
    [t, client, productName],
  );
}
