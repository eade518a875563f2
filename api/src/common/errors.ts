import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
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
