import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { Audience, ErrorReason } from '@medchannel/shared-schema';
import type { Config } from './config';
import type { Scope } from './auth/scope';
import type { Loaders } from './schema/loaders';
import type { Services } from './schema/services';
import { AppError, ErrorCode } from './common/errors';

/** What every resolver receives. Built once per request by `buildContext` (app.ts). */
export interface GqlContext {
  req: Request;
  res: Response;
  config: Config;
  ds: DataSource;
  services: Services;
  audience: Audience | null;
  /** The session behind this request, when its cookie is valid. */
  sessionId: string | null;
  scope: Scope | null;
  /** Why there is no scope although a cookie was sent (SESSION_EXPIRED, ACCOUNT_DISABLED). */
  authFailure: ErrorReason | null;
  /** Per-request DataLoaders, keyed inside the scope. */
  loaders: Loaders | null;
}

export function requireScope(ctx: GqlContext): Scope {
  if (!ctx.scope) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'Please log in',
      undefined,
      ctx.authFailure ?? ErrorReason.NOT_LOGGED_IN,
    );
  }
  return ctx.scope;
}

export function loadersOf(ctx: GqlContext): Loaders {
  requireScope(ctx);
  return ctx.loaders!;
}
