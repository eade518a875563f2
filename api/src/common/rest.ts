import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { pipeline } from 'node:stream/promises';
import { QueryFailedError } from 'typeorm';
import { AppError, refusedByDatabase } from './errors';
import { type StoredFile, inlineDisposition } from './storage';
import { isCleanText } from './text';
import { logOf } from './logger';
import { audienceOf } from '../auth/session.service';
import type { Scope } from '../auth/scope';
import type { CoreServices } from '../modules/module';

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

/** The plain-HTTP routes (files, spreadsheets) answer errors with the same codes as GraphQL. */
export function sendError(res: Response, err: unknown): void {
  if (err instanceof QueryFailedError) err = refusedByDatabase(err) ?? err;
  if (err instanceof AppError) {
    const status =
      err.reason === ErrorReason.FILE_TOO_LARGE
        ? 413
        : err.reason === ErrorReason.UNSUPPORTED_FILE_TYPE
          ? 415
          : (STATUS[err.code] ?? 400);
    res.status(status).json({
      error: {
        code: err.code,
        reason: err.reason ?? null,
        field: err.field ?? null,
        message: err.message,
        // a refused export's row limit (TOO_MANY_ROWS), for the message a person reads
        ...(typeof err.extensions.limit === 'number' ? { limit: err.extensions.limit } : {}),
      },
    });
    return;
  }
  logOf('http').error({ err }, 'unexpected error');
  res.status(500).json({ error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
}

/** The request's scope from the same session cookie and audience header as /graphql; the role checked like @Authorized. */
export async function scopeOfRequest(services: CoreServices, req: Request, roles?: readonly Role[]): Promise<Scope> {
  const auth = await services.sessions.authenticate(req, audienceOf(req));
  if (!auth.scope)
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'Please log in',
      undefined,
      auth.failure ?? ErrorReason.NOT_LOGGED_IN,
    );
  if (roles && !roles.includes(auth.scope.role)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Your role may not do this', undefined, ErrorReason.ROLE_NOT_ALLOWED);
  }
  return auth.scope;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The headers of a private download with its (Chinese-safe) file name, never sniffed into something else; a streamed file sets them first. */
export function downloadHeaders(res: Response, name: string, contentType: string): void {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
}

/** A generated file as a private download (downloadHeaders). */
export function sendDownload(res: Response, name: string, contentType: string, data: Buffer): void {
  downloadHeaders(res, name, contentType);
  res.send(data);
}

/**
 * The public check of an issued document (no session): a hospital sends the number and the
 * verification code it was shown (query `number`, `code`); the check's answer, never cached.
 */
export function documentCheck(
  check: (number: string, code: string, source: string) => Promise<unknown>,
): RequestHandler {
  return async (req, res) => {
    try {
      const { number, code } = req.query;
      const answer = await check(
        typeof number === 'string' ? number : '',
        typeof code === 'string' ? code : '',
        req.ip ?? 'unknown',
      );
      res.setHeader('cache-control', 'no-store');
      res.json(answer);
    } catch (err) {
      sendError(res, err);
    }
  };
}

/**
 * The route of a record's stored file shown inline (sendInline): `read` finds it in the viewer's
 * scope by the route's `:id`; `roles` as scopeOfRequest's.
 */
export function inlineFileRoute(
  services: CoreServices,
  read: (scope: Scope, id: string) => Promise<StoredFile>,
  roles?: readonly Role[],
): RequestHandler {
  return async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, roles);
      await sendInline(res, await read(scope, String(req.params.id)));
    } catch (err) {
      sendError(res, err);
    }
  };
}

/**
 * A stored file shown in the browser (inline), private, never sniffed into something else. Its
 * bytes stream from the storage as they are sent; a large one in an object store that serves
 * pre-signed URLs is a redirect there instead (the caller checked the viewer's scope either way).
 */
export async function sendInline(res: Response, file: StoredFile): Promise<void> {
  res.setHeader('cache-control', 'private, no-store');
  const direct = await file.directUrl();
  if (direct) return res.redirect(302, direct);
  const { body, size } = await file.open();
  res.setHeader('content-type', file.mime);
  res.setHeader('content-disposition', inlineDisposition(file.name));
  res.setHeader('content-length', String(size));
  res.setHeader('x-content-type-options', 'nosniff');
  try {
    await pipeline(body, res);
  } catch (err) {
    // the headers are gone: a break (the client left, the store failed) can only end the response
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      logOf('http').warn({ err }, 'a file download broke off');
  }
}

const uploadErrors =
  (tooLarge: () => AppError): ErrorRequestHandler =>
  (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if ((err as { type?: string })?.type === 'entity.too.large') return sendError(res, tooLarge());
    sendError(
      res,
      new AppError(ErrorCode.BAD_USER_INPUT, 'The upload could not be read', 'file', ErrorReason.VALIDATION_FAILED),
    );
  };

export interface UploadRules {
  maxBytes: number;
  /** The message when the file is larger than maxBytes */
  tooLarge: string;
  /** The roles that may upload (by request, where the route decides); any logged-in viewer when left out */
  roles?: readonly Role[] | ((req: Request) => readonly Role[] | undefined);
}

/**
 * Reads a plain-HTTP upload (the bytes as the body, the name in x-file-name): the session and role
 * are checked before a byte of the body is read, an oversized body is refused by its declared
 * length (or, sent in chunks, when it passes the limit), and every refusal is the JSON error
 * shape. The handler gets the viewer's scope from uploadScope(res) and a Buffer as the body.
 */
export function rawUpload(services: CoreServices, rules: UploadRules): RequestHandler[] {
  const tooLarge = () => new AppError(ErrorCode.BAD_USER_INPUT, rules.tooLarge, 'file', ErrorReason.FILE_TOO_LARGE);
  return [
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const roles = typeof rules.roles === 'function' ? rules.roles(req) : rules.roles;
        res.locals.uploadScope = await scopeOfRequest(services, req, roles);
      } catch (err) {
        return sendError(res, err);
      }
      if (Number(req.headers['content-length'] ?? 0) > rules.maxBytes) return sendError(res, tooLarge());
      next();
    },
    express.raw({ type: () => true, limit: rules.maxBytes }),
    // Express tells an error handler by its four parameters; typed as a handler so routes infer theirs
    uploadErrors(tooLarge) as unknown as RequestHandler,
  ];
}

/** The scope rawUpload checked before reading the body. */
export function uploadScope(res: Response): Scope {
  return res.locals.uploadScope as Scope;
}

/** The uploaded file's name (percent-encoded in x-file-name, refused when it does not decode to clean text) and bytes. */
export function uploadedFile(req: Request, fallbackName = 'document'): { name: string; data: Buffer } {
  const raw = req.headers['x-file-name'];
  let name = fallbackName;
  if (typeof raw === 'string' && raw !== '') {
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'The file name is not valid percent-encoded UTF-8',
        'fileName',
        ErrorReason.VALIDATION_FAILED,
      );
    }
    if (!isCleanText(name))
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'The file name holds characters that are not text',
        'fileName',
        ErrorReason.VALIDATION_FAILED,
      );
  }
  return { name, data: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
}
