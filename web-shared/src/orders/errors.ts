import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ComplianceReason } from '@medchannel/shared-schema';

/** One refused line of a NOT_COMPLIANT placeOrder: `extensions.lines` as the API sends it. */
export interface RefusedLine {
  lineNo: number;
  productId: string;
  reasons: ComplianceReason[];
}

const REASONS = new Set<string>(Object.values(ComplianceReason));

/** Every line the server refused and why, so a screen can show the reasons beside the line; [] for other failures. */
export function refusedLines(error: unknown): RefusedLine[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const lines = error.errors[0]?.extensions?.lines;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line: { lineNo?: unknown; productId?: unknown; reasons?: unknown }) =>
    typeof line?.lineNo === 'number' && typeof line.productId === 'string' && Array.isArray(line.reasons)
      ? [
          {
            lineNo: line.lineNo,
            productId: line.productId,
            reasons: line.reasons.filter((r): r is ComplianceReason => REASONS.has(r)),
          },
        ]
      : [],
  );
}
