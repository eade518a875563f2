import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorReason } from '@medchannel/shared-schema';

/** One line a CERTIFICATION_REQUIRED placeOrder refused: `extensions.lines` as the API sends it. */
export interface UncertifiedLine {
  lineNo: number;
  productId: string;
  productLineId: string | null;
  /** the published course that certifies for the line; null when the brand has none yet */
  course: { id: string; title: string } | null;
}

/** Every line refused for want of a certificate, with the course to take; [] for other failures. */
export function uncertifiedLines(error: unknown): UncertifiedLine[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const first = error.errors[0]?.extensions;
  if (first?.reason !== ErrorReason.CERTIFICATION_REQUIRED || !Array.isArray(first.lines)) return [];
  return first.lines.flatMap(
    (line: {
      lineNo?: unknown;
      productId?: unknown;
      productLineId?: unknown;
      course?: { id?: unknown; title?: unknown } | null;
    }) =>
      typeof line?.lineNo === 'number' && typeof line.productId === 'string'
        ? [
            {
              lineNo: line.lineNo,
              productId: line.productId,
              productLineId: typeof line.productLineId === 'string' ? line.productLineId : null,
              course:
                line.course && typeof line.course.id === 'string' && typeof line.course.title === 'string'
                  ? { id: line.course.id, title: line.course.title }
                  : null,
            },
          ]
        : [],
  );
}
