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
    super(message, { extensions: { code, ...(reason ? { reason } : {}), ...(field ? { field } : {}), ...(details ?? {}) } });
  }
}

export const notFound = (entity: string) => new AppError(ErrorCode.NOT_FOUND, `${entity} not found`);

export const badInput = (field: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field, ErrorReason.VALIDATION_FAILED);

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
  '22P02': 'The value is not in the expected form', // invalid_text_representation
  '22021': 'The text holds characters that are not text', // character_not_in_repertoire (NUL)
  '22P05': 'The text holds characters that are not text', // untranslatable_character
  '22003': 'The number is out of range', // numeric_value_out_of_range
  '22001': 'The text is too long', // string_data_right_truncation
  '22007': 'The date is not in the expected form', // invalid_datetime_format
  '22008': 'The date is out of range', // datetime_field_overflow
};

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A statement PostgreSQL refused for a value a client sent (a CHECK, a malformed text): the inputs
 * should have refused it first, but wherever one slips through it is BAD_USER_INPUT, naming the
 * column of a `<table>_<column>_check` constraint as the field, never INTERNAL.
 */
export function refusedByDatabase(err: QueryFailedError): AppError | undefined {
  const driver = err.driverError as { code?: string; table?: string; constraint?: string; column?: string } | undefined;
  const message = driver?.code ? BAD_VALUE_CODES[driver.code] : undefined;
  if (!message) return undefined;
  let column = driver?.column;
  if (!column && driver?.constraint && driver.table && driver.constraint.startsWith(`${driver.table}_`) && driver.constraint.endsWith('_check')) {
    column = driver.constraint.slice(driver.table.length + 1, -'_check'.length);
  }
  return new AppError(ErrorCode.BAD_USER_INPUT, message, column ? camel(column) : undefined, ErrorReason.VALIDATION_FAILED);
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
      | { property: string; constraints?: Record<string, string>; children?: Array<{ property: string; constraints?: Record<string, string> }> }
      | undefined;
    const nested = first?.children?.[0];
    const field = nested ? `${first!.property}.${nested.property}` : first?.property;
    const constraints = nested?.constraints ?? first?.constraints ?? {};
    const message = Object.values(constraints)[0] ?? 'Invalid input';
    return {
      message,
      path,
      locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALIDATION_FAILED, ...(field ? { field } : {}) },
    };
  }
  const refused = original instanceof QueryFailedError ? refusedByDatabase(original) : undefined;
  if (refused) return { message: refused.message, path, locations, extensions: { ...refused.extensions } };
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
  opts.log(original);
  return {
    message: opts.development && original instanceof Error ? original.message : 'Internal error',
    path,
    locations,
    extensions: { code: ErrorCode.INTERNAL, ...(opts.development && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}) },
  };
}
