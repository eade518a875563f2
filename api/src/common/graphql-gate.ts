import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';

export interface DocumentLimits {
  maxBytes: number;
  maxTokens: number;
}

/** A refusal outside Apollo, in the shape Apollo answers (`{ errors: [{ message, extensions: { code, reason } }] }`). */
function sendGraphQLError(res: Response, status: number, message: string, reason?: ErrorReason): void {
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, ...(reason ? { reason } : {}) } }] });
}

/** Counts a document's tokens, stopping one past the limit; a syntax error is left to the parser to report. */
function tooManyTokens(query: string, max: number): boolean {
  try {
    const lexer = new Lexer(new Source(query));
    for (let n = 0; n <= max; n++) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses, before anything is parsed or validated, a document longer than maxBytes or with more
 * than maxTokens tokens: what the parser and validation do afterwards is bounded by these caps
 * (Apollo's parser is also given maxTokens, so nothing else can reach it with more).
 */
export function documentGate(limits: DocumentLimits): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== 'string') return next();
    if (Buffer.byteLength(query, 'utf8') > limits.maxBytes) {
      return sendGraphQLError(
        res,
        400,
        `The document is longer than ${limits.maxBytes} bytes`,
        ErrorReason.QUERY_TOO_LARGE,
      );
    }
    if (tooManyTokens(query, limits.maxTokens)) {
      return sendGraphQLError(
        res,
        400,
        `The document has more than ${limits.maxTokens} tokens`,
        ErrorReason.QUERY_TOO_LARGE,
      );
    }
    next();
  };
}

/**
 * The body parser's refusals (too large, not JSON) as GraphQL's JSON error instead of Express's
 * HTML page (which carries a stack in development).
 */
export const graphqlBodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (res.headersSent || status >= 500) return next(err);
  if (err?.type === 'entity.too.large')
    return sendGraphQLError(res, 413, 'The request body is too large', ErrorReason.QUERY_TOO_LARGE);
  return sendGraphQLError(res, status, 'The request body could not be read as JSON');
};
