import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { AppError } from './errors';
import { audienceOf } from '../auth/session.service';
import type { Scope } from '../auth/scope';
import type { Services } from '../schema/services';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
};

/** The plain-HTTP routes (files, spreadsheets) answer errors with the same codes as GraphQL. */
export function sendError(res: Response, err: unknown): void {
  if (err instanceof AppError) {
    const status =
      err.reason === ErrorReason.FILE_TOO_LARGE ? 413 : err.reason === ErrorReason.UNSUPPORTED_FILE_TYPE ? 415 : (STATUS[err.code] ?? 400);
    res.status(status).json({ error: { code: err.code, reason: err.reason ?? null, field: err.field ?? null, message: err.message } });
    return;
  }
  console.error('[http]', err);
  res.status(500).json({ error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
}

/** The request's scope from the same session cookie and audience header as /graphql; the role checked like @Authorized. */
export async function scopeOfRequest(services: Services, req: Request, roles?: readonly Role[]): Promise<Scope> {
  const auth = await services.sessions.authenticate(req, audienceOf(req));
  if (!auth.scope) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Please log in', undefined, auth.failure ?? ErrorReason.NOT_LOGGED_IN);
  if (roles && !roles.includes(auth.scope.role)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Your role may not do this', undefined, ErrorReason.ROLE_NOT_ALLOWED);
  }
  return auth.scope;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file as a private download with its (Chinese-safe) file name. */
export function sendDownload(res: Response, name: string, contentType: string, data: Buffer): void {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(data);
}

/** A stored file shown in the browser (inline), private, never sniffed into something else. */
export function sendInline(res: Response, file: { name: string; mime: string; data: Buffer }): void {
  res.setHeader('content-type', file.mime);
  res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(file.data);
}

/**
 * Reads a plain-HTTP upload (the bytes as the body, the name in x-file-name), refusing by the
 * declared length before reading a byte of an oversized body; the handler gets a Buffer.
 */
export function rawUpload(maxBytes: number, tooLarge: string): RequestHandler[] {
  return [
    (req: Request, res: Response, next: NextFunction) => {
      if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
        return sendError(res, new AppError(ErrorCode.BAD_USER_INPUT, tooLarge, 'file', ErrorReason.FILE_TOO_LARGE));
      }
      next();
    },
    express.raw({ type: () => true, limit: maxBytes }),
  ];
}

/** The uploaded file's name and bytes, as rawUpload left them. */
export function uploadedFile(req: Request): { name: string; data: Buffer } {
  return { name: decodeURIComponent(String(req.headers['x-file-name'] ?? 'document')), data: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
}
