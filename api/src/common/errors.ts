import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';

export { ErrorCode, ErrorReason };

/**
 * The one error type services throw. It travels to the client as
 * `extensions: { code, reason?, field? }`; nothing else about the failure leaves the server.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly reason?: ErrorReason,
    /** Structured facts a client shows beside the message (e.g. every refused order line). */
    details?: Record<string, unknown>,
  ) {
    super(message, {
      extensions: { code, ...(reason ? { reason } : {}), ...(field ? { field } : {}), ...(details ?? {}) },
    });
  }
}

export const notFound = (entity: string) => new AppError(ErrorCode.NOT_FOUND, `${entity} not found`);

/** A move the record's state does not allow (CONFLICT, ILLEGAL_TRANSITION). */
export const illegal = (message: string) =>
  new AppError(ErrorCode.CONFLICT, message, undefined, ErrorReason.ILLEGAL_TRANSITION);

/** Someone who may read a plan or note but is not on it tried to act on it. */
export const notAParticipant = (what: string) =>
  new AppError(
    ErrorCode.FORBIDDEN,
    `Only the people on this ${what} may do this`,
    undefined,
    ErrorReason.NOT_A_PARTICIPANT,
  );

export const badInput = (field: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field, ErrorReason.VALIDATION_FAILED);

/** SQLSTATEs of a connection the server ended or refused (admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, connection_exception …). */
const UNAVAILABLE_SQLSTATES = /^(57P0[1-3]|53300|08\d\d\d)$/;
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly/i;

/**
 * A failure of the connection to the database rather than of the statement: the server was shut
 * down or restarted, the connection was terminated or refused, the pool could not get one. The
 * same request may succeed when retried. Looks through TypeORM's wrapper and Node's AggregateError.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
    thrownValue?: unknown;
  };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.test(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // TypeORM releases a query runner whose connection failed: the transaction's next statement meets it released
  if (e.name === 'QueryRunnerAlreadyReleasedError') return true;
  // graphql-js wraps a thrown value it does not recognise as an Error (one from another realm) as NonErrorThrown
  const inner = [e.driverError, e.cause, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== err && isDatabaseUnavailable(x, depth + 1));
}

/** What a request answers when the database cannot be reached: coded, retryable, HTTP 503 (app.ts). */
export const unavailable = () =>
  new AppError(ErrorCode.UNAVAILABLE, 'The service is briefly unavailable; please try again', undefined, undefined, {
    retryable: true,
    http: { status: 503 },
  });

const PASS_THROUGH_APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
};

/** PostgreSQL's codes for a value the database refuses as such (not a bug in the query). */
const BAD_VALUE_CODES: Record<string, string> = {
  '23514': 'The value is out of the allowed range', // check_violation
  '23502': 'A required value is missing', // not_null_violation
  '22P02': 'The value is not in the expected form', // invalid_text_representation
  '22021': 'The text holds characters that are not text', // character_not_in_repertoire (NUL)
  '22P05': 'The text holds characters that are not text', // untranslatable_character
  '22003': 'The number is out of range', // numeric_value_out_of_range
  '22001': 'The text is too long', // string_data_right_truncation
  '22007': 'The date is not in the expected form', // invalid_datetime_format
  '22008': 'The date is out of range', // datetime_field_overflow
  '54000': 'The value is too large', // program_limit_exceeded
};

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The database's own refusals of a value (a CHECK, too long for its column, out of numeric range, a
 * NUL byte, text that is not a uuid). Inputs declare their ranges, so these are the last line: the
 * statement failed, its transaction rolled back, nothing was written; the caller gets
 * BAD_USER_INPUT naming the column of a `<table>_<column>_check` constraint as the field where it
 * can, never INTERNAL. A malformed id names no record: NOT_FOUND.
 */
export function refusedByDatabase(error: unknown): AppError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as
    { code?: string; table?: string; constraint?: string; column?: string; message?: string } | undefined;
  const code = typeof driver?.code === 'string' ? driver.code : undefined;
  if (code === '22P02' && /type uuid/.test(String(driver?.message)))
    return new AppError(ErrorCode.NOT_FOUND, 'Not found');
  const message = code ? BAD_VALUE_CODES[code] : undefined;
  if (!message) return undefined;
  let column = driver?.column;
  if (
    !column &&
    driver?.constraint &&
    driver.table &&
    driver.constraint.startsWith(`${driver.table}_`) &&
    driver.constraint.endsWith('_check')
  ) {
    column = driver.constraint.slice(driver.table.length + 1, -'_check'.length);
  }
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    message,
    column ? camel(column) : undefined,
    ErrorReason.VALIDATION_FAILED,
  );
}

/**
 * Apollo's formatError: maps every failure onto our short list of codes. Unknown errors become
 * INTERNAL with a generic message (outside development), so no SQL or stack reaches a client.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { development: boolean; log: (err: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const path = formatted.path;
  const locations = formatted.locations;

  if (original instanceof AppError) {
    // `http` (a status set for Apollo) is not part of the answer
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, path, locations, extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const first = original.extensions.validationErrors?.[0] as
      | {
          property: string;
          constraints?: Record<string, string>;
          children?: Array<{ property: string; constraints?: Record<string, string> }>;
        }
      | undefined;
    const nested = first?.children?.[0];
    const field = nested ? `${first!.property}.${nested.property}` : first?.property;
    const constraints = nested?.constraints ?? first?.constraints ?? {};
    const message = Object.values(constraints)[0] ?? 'Invalid input';
    return {
      message,
      path,
      locations,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        reason: ErrorReason.VALIDATION_FAILED,
        ...(field ? { field } : {}),
      },
    };
  }
  const refused = refusedByDatabase(original);
  if (refused) {
    // a declared range is missing somewhere: answer as the range would have, and say so in the log
    opts.log(original);
    const { http: _http, ...extensions } = refused.extensions;
    return { message: refused.message, path, locations, extensions };
  }
  const apolloCode = formatted.extensions?.code as string | undefined;
  const ownCode = Object.values(ErrorCode).includes(apolloCode as ErrorCode) ? (apolloCode as ErrorCode) : undefined;
  const mapped = ownCode ?? (apolloCode ? PASS_THROUGH_APOLLO_CODES[apolloCode] : undefined);
  if (mapped) {
    const reason = formatted.extensions?.reason;
    // Outside development the schema stays hidden: graphql's "Did you mean …?" (validation and
    // variable coercion alike) would list the fields, arguments, types and enum values introspection hides.
    const message = opts.development ? formatted.message : formatted.message.replace(/ ?Did you mean .*$/s, '');
    return { message, path, locations, extensions: { code: mapped, ...(reason ? { reason } : {}) } };
  }
  if (isDatabaseUnavailable(original)) {
    opts.log(`database unavailable: ${original instanceof Error ? original.message : String(original)}`);
    const {
      message,
      extensions: { http: _http, ...extensions },
    } = unavailable();
    return { message, path, locations, extensions };
  }
  opts.log(original);
  return {
    message: opts.development && original instanceof Error ? original.message : 'Internal error',
    path,
    locations,
    extensions: {
      code: ErrorCode.INTERNAL,
      ...(opts.development && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
    },
  };
}
