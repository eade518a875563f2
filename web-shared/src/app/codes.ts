import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { TFunction } from 'i18next';

/**
 * The coded kind of a failure without Apollo: the sign-in shell's requests (auth/request.ts) and the
 * file client answer `{ code, reason }`, and errors.ts reads Apollo's own errors into the same shape.
 */

/** What the UI needs from any failure: the coded kind, the finer reason, the offending field. */
export interface CodedError {
  code: ErrorCode | 'NETWORK';
  reason?: ErrorReason;
  field?: string;
}

const CODES = new Set<string>(Object.values(ErrorCode));
const REASONS = new Set<string>(Object.values(ErrorReason));

export function fromExtensions(ext: Record<string, unknown> | undefined): CodedError {
  const code = typeof ext?.code === 'string' && CODES.has(ext.code) ? (ext.code as ErrorCode) : ErrorCode.INTERNAL;
  const reason = typeof ext?.reason === 'string' && REASONS.has(ext.reason) ? (ext.reason as ErrorReason) : undefined;
  const field = typeof ext?.field === 'string' ? ext.field : undefined;
  return { code, reason, field };
}

/** A non-2xx answer without GraphQL errors in its body. */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return status === 503 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
}

/** A refusal from a plain-HTTP path (/files/…, the shell's /graphql fetch), as its client answers it: `{ code, reason }`. */
export function isRestFailure(error: unknown): error is { code: string; reason?: unknown } {
  return (
    typeof error === 'object' &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Such a refusal coded; anything else thrown by fetch is no answer at all. */
export function codedRestFailure(error: unknown): CodedError {
  if (!isRestFailure(error) || error.code === 'NETWORK') return { code: 'NETWORK' };
  return fromExtensions(error as Record<string, unknown>);
}

/** The translated message: the reason's when there is one, else the code's. Never raw server text. */
export function codedMessage(t: TFunction, coded: CodedError): string {
  if (coded.reason) {
    const key = `errors.reason.${coded.reason}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return t(`errors.code.${coded.code}`);
}
