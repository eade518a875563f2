import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import { DataSource, IsNull } from 'typeorm';
import { AUDIENCE_HEADER, Audience, ErrorReason, Side, audienceOfSide } from '@medchannel/shared-schema';
import type { Config } from '../config';
import { AppError, ErrorCode } from '../common/errors';
import { audit } from '../common/audit';
import { User } from '../modules/user/user.entity';
import { Session } from './session.entity';
import { LoginThrottle } from './rate-limiter';
import { verifyPassword } from './password';
import { SCOPE_COLUMNS, Scope, ScopeRow, scopeOf } from './scope';

const TOUCH_EVERY_MS = 60_000;

export function audienceOf(req: Request): Audience | null {
  const raw = String(req.headers[AUDIENCE_HEADER] ?? '').toUpperCase();
  return raw === Audience.CONSOLE || raw === Audience.PORTAL ? raw : null;
}

/** One cookie per front end, so the console and the portal keep separate sessions in one browser. */
export function cookieName(audience: Audience): string {
  return `mc_${audience.toLowerCase()}_sid`;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Authenticated {
  scope: Scope | null;
  sessionId: string | null;
  failure: ErrorReason | null;
}

type SessionRow = Session & { user: Pick<User, 'id' | 'brandId' | 'role' | 'side' | 'distributorId' | 'disabledAt'> };

export class SessionService {
  readonly throttle: LoginThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
  ) {
    this.throttle = new LoginThrottle(config.loginAttemptsPerMinute);
  }

  /** Turns the request's cookie into a scope. Expired or revoked sessions answer with a reason and write nothing. */
  async authenticate(req: Request, audience: Audience | null): Promise<Authenticated> {
    const none = { scope: null, sessionId: null };
    if (!audience) return { ...none, failure: null };
    const token = parseCookie(req.headers.cookie ?? '')[cookieName(audience)];
    if (!token) return { ...none, failure: null };

    // the session, its user and the user's scope in one statement: every request starts here
    const rows: Array<Record<string, unknown> & ScopeRow> = await this.ds.query(
      `SELECT s.id, s.audience, s.expires_at, s.revoked_at, s.updated_at,
              u.id AS user_id, u.brand_id, u.role, u.side, u.distributor_id, u.disabled_at, ${SCOPE_COLUMNS}
         FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row || row.audience !== audience) return { ...none, failure: ErrorReason.SESSION_EXPIRED };
    const now = Date.now();
    const lastSeen = new Date(row.updated_at as string).getTime();
    if (
      row.revoked_at ||
      new Date(row.expires_at as string).getTime() <= now ||
      lastSeen + this.config.sessionIdleMinutes * 60_000 <= now
    ) {
      return { ...none, failure: ErrorReason.SESSION_EXPIRED };
    }
    if (row.disabled_at) return { ...none, failure: ErrorReason.ACCOUNT_DISABLED };
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await this.ds.query(`UPDATE session SET updated_at = now() WHERE id = $1`, [row.id]);
    }
    const scope = scopeOf({
      id: row.user_id as string,
      brandId: row.brand_id as string,
      role: row.role as User['role'],
      side: row.side as Side,
      distributorId: row.distributor_id as string | null,
    }, row);
    return { scope, sessionId: row.id as string, failure: null };
  }

  async login(
    req: Request,
    res: Response,
    audience: Audience | null,
    email: string,
    password: string,
  ): Promise<User> {
    if (!audience) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Send the ${AUDIENCE_HEADER} header (console or portal)`, 'audience');
    }
    const normalized = email.trim().toLowerCase();
    // Express answers the socket's peer unless the deployment trusts a proxy (config.trustedProxy)
    const ip = req.ip ?? 'unknown';
    const wait = this.throttle.retryAfter(normalized, ip);
    if (wait > 0) {
      throw new AppError(ErrorCode.RATE_LIMITED, `Too many failed logins; try again in ${wait} s`);
    }

    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalized })
      .getOne();
    const verified = await verifyPassword(user?.passwordHash, password);
    // The other front end's account answers exactly as a wrong password does (and counts as a
    // failure): telling it apart would confirm a guessed password. The login pages point to each other.
    if (!verified || !user || audienceOfSide(user.side) !== audience) {
      this.throttle.fail(normalized, ip);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password', undefined, ErrorReason.INVALID_CREDENTIALS);
    }
    if (user.disabledAt) {
      throw new AppError(ErrorCode.FORBIDDEN, 'This account is disabled', undefined, ErrorReason.ACCOUNT_DISABLED);
    }
    this.throttle.succeed(normalized, ip);

    // A new session for a new login, always: the browser's previous session for this front end
    // (whoever's it was) is revoked, so a session id planted or seen before login is worth nothing after.
    const previous = parseCookie(req.headers.cookie ?? '')[cookieName(audience)];
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3_600_000);
    await this.ds.transaction(async (em) => {
      if (previous) {
        await em.query(`UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [sha256(previous)]);
      }
      const inserted = await em.insert(Session, {
        brandId: user.brandId,
        tokenHash: sha256(token),
        userId: user.id,
        audience,
        expiresAt,
        ip,
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) || null,
      });
      await audit(em, { brandId: user.brandId, userId: user.id, side: user.side }, 'LOGIN', 'session', inserted.identifiers[0].id, {
        audience,
      });
    });
    res.cookie(cookieName(audience), token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
    return user;
  }

  /** Revokes the session (idempotent) and clears the cookie. */
  async logout(res: Response, audience: Audience | null, sessionId: string | null, scope: Scope | null): Promise<boolean> {
    if (sessionId && scope) {
      await this.ds.transaction(async (em) => {
        await em.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await audit(em, { brandId: scope.brandId, userId: scope.userId, side: scope.side }, 'LOGOUT', 'session', sessionId);
      });
    }
    if (audience) res.clearCookie(cookieName(audience), { path: '/' });
    return true;
  }
}
