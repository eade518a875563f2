import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { type ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { TFunction } from 'i18next';
import { codedMessage, codedRestFailure, codeOfStatus, fromExtensions, isRestFailure, type CodedError } from './codes';

export type { CodedError } from './codes';

/** The coded kind of any failure: a GraphQL error, a non-2xx answer, a file request's refusal, or no answer at all. */
export function codedError(error: unknown): CodedError {
  if (isRestFailure(error)) return codedRestFailure(error);
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    return fromExtensions(error.errors[0].extensions as Record<string, unknown> | undefined);
  }
  if (ServerError.is(error)) {
    // A non-2xx answer may still carry GraphQL errors in its body.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
      if (body.errors?.length) return fromExtensions(body.errors[0].extensions);
    } catch {
      // not JSON: fall through
    }
    return { code: codeOfStatus(error.statusCode) };
  }
  return { code: 'NETWORK' };
}

export function isCode(error: unknown, code: ErrorCode): boolean {
  return codedError(error).code === code;
}

/** The translated message: the reason's when there is one, else the code's. Never raw server text. */
export function errorMessage(t: TFunction, error: unknown): string {
  return codedMessage(t, codedError(error));
}

/** The server's own message: for details a reason cannot carry (which grant conflicts, which document is missing). */
export function serverMessage(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) return error.errors[0].message;
  return undefined;
}

/** Reasons whose server message names the specifics (the conflicting grant, the missing document). */
const DETAILED = new Set<string>([
  ErrorReason.EXCLUSIVE_CONFLICT,
  ErrorReason.NOT_COMPLIANT,
  ErrorReason.TEMPORARY_TOO_LONG,
]);

/** A failure as a form shows it: beside `field` when the server named one, with the details when they matter. */
export function formError(t: TFunction, error: unknown): { field?: string; message: string; detail?: string } {
  const coded = codedError(error);
  const detail = coded.reason && DETAILED.has(coded.reason) ? serverMessage(error) : undefined;
  return { field: coded.field, message: errorMessage(t, error), detail };
}
