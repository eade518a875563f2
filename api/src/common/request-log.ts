import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { logOf } from './logger';
import { observeGraphqlRequest } from './metrics';

/** What a request's log line says beyond HTTP: filled in by the GraphQL plugin below. */
interface Observed {
  requestId: string;
  operation: string | null;
  userId: string | null;
  brandId: string | null;
  errorCode: string | null;
}

const log = logOf('http');
/** A caller's request id is kept when it is short and plain (it is echoed in a header and logged). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Probes answer often and say nothing new: their lines are debug. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

const observedOf = (res: Response): Observed | undefined => res.locals.observed as Observed | undefined;

/**
 * First on every route: takes the caller's `x-request-id` (or makes one), answers it in the same
 * header, and when the response is finished logs one line: request id, method, path (never the
 * query string, headers or body), status, duration, and for GraphQL the operation, the person
 * (user and brand ids) and the first error code; GraphQL durations also go to the histogram.
 */
export function requestLog(): RequestHandler {
  return (req: Request, res: Response, next) => {
    const given = req.get('x-request-id');
    const observed: Observed = {
      requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
      operation: null,
      userId: null,
      brandId: null,
      errorCode: null,
    };
    res.locals.observed = observed;
    res.setHeader('x-request-id', observed.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.originalUrl.split('?')[0];
      const graphql = path === '/graphql';
      if (graphql) observeGraphqlRequest(observed.operation, observed.errorCode ?? httpCode(res.statusCode), seconds);
      const line = {
        reqId: observed.requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        ...(graphql ? { operation: observed.operation } : {}),
        ...(observed.userId ? { userId: observed.userId, brandId: observed.brandId } : {}),
        ...(observed.errorCode ? { code: observed.errorCode } : {}),
      };
      if (PROBES.has(path)) log.debug(line, 'request');
      else if (res.statusCode >= 500) log.warn(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };
}

/** A GraphQL answer refused before Apollo ran (body, size, parse) carries only its HTTP status. */
const httpCode = (status: number) => (status >= 400 ? `HTTP_${status}` : null);

/** Writes the operation, the person and the first error code of each GraphQL request onto its log line. */
export function requestLogPlugin<
  C extends { res: Response; scope: { userId: string; brandId: string } | null },
>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const observed = contextValue?.res && observedOf(contextValue.res);
          if (!observed) return;
          observed.operation = operationName ?? request.operationName ?? null;
          observed.userId = contextValue.scope?.userId ?? null;
          observed.brandId = contextValue.scope?.brandId ?? null;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          observed.errorCode = typeof code === 'string' ? code : null;
        },
      };
    },
  };
}
