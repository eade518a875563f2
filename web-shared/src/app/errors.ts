import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { TFunction } from 'i18next';

/** What the UI needs from any failure: the coded kind, the finer reason, the offending field. */
export interface CodedError {
  code: ErrorCode | 'NETWORK';
  reason?: ErrorReason;
  field?: string;
}

const CODES = new Set<string>(Object.values(ErrorCode));
const REASONS = new Set<string>(Object.values(ErrorReason));

function fromExtensions(ext: Record<string, unknown> | undefined): CodedError {
  const code = typeof ext?.code === 'string' && CODES.has(ext.code) ? (ext.code as ErrorCode) : ErrorCode.INTERNAL;
  const reason = typeof ext?.reason === 'string' && REASONS.has(ext.reason) ? (ext.reason as ErrorReason) : undefined;
  const field = typeof ext?.field === 'string' ? ext.field : undefined;
  return { code, reason, field };
}

export function codedError(error: unknown): CodedError {
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
    return { code: error.statusCode === 429 ? ErrorCode.RATE_LIMITED : ErrorCode.INTERNAL };
  }
  return { code: 'NETWORK' };
}

export function isCode(error: unknown, code: ErrorCode): boolean {
  return codedError(error).code === code;
}

/** The translated message: the reason's when there is one, else the code's. Never raw server text. */
export function errorMessage(t: TFunction, error: unknown): string {
  const coded = codedError(error);
  if (coded.reason) {
    const key = `errors.reason.${coded.reason}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return t(`errors.code.${coded.code}`);
}
