import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/** NOT_COMPLIANT carries, per product, the compliance reasons: worded here, not the server's English. */
export function complianceDetail(productName: (id: string) => string): NonNullable<CodedErrorOptions['detail']> {
  return (error: unknown, coded, t: TFunction) => {
    if (coded.reason !== ErrorReason.NOT_COMPLIANT || !CombinedGraphQLErrors.is(error)) return undefined;
    const lines = error.errors[0]?.extensions?.lines as Array<{ productId: string; reasons: string[] }> | undefined;
    if (!Array.isArray(lines)) return undefined;
    return lines
      .map((l) => `${productName(l.productId)}：${l.reasons.map((r) => t(`complianceReason.${r}`)).join('、')}`)
      .join('；');
  };
}

/**
 * A failed order action as the desk reads it (`useCodedError(ORDER_ERRORS)`): the order-specific
 * wording of the reason (`orderError.<REASON>`, falling back to the shared one), the field to show
 * it beside, and, when someone else moved the order on, the order and credit reloaded.
 */
export const ORDER_ERRORS: CodedErrorOptions = {
  prefix: 'orderError',
  reload: ['Order', 'CreditStatus'],
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.IDEMPOTENCY_KEY_REUSED],
  detail: complianceDetail((id) => id),
};
