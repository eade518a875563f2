import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import { DataSource, IsNull } from 'typeorm';
import { AUDIENCE_HEADER, Audience, ErrorReason, Role, Side } from '@medchannel/shared-schema';
import type { Config } from '../config';
import { AppError, ErrorCode, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { audit } from '../common/audit';
import { User } from '../modules/user';
import { Session } from './session.entity';
import { LoginThrottle } from './rate-limiter';
import { verifyPassword } from './password';
import { SCOPE_COLUMNS, Scope, ScopeRow, scopeOf } from './scope';
import { SessionCache } from './session-cache';
import { requestStats } from '../common/request-context';

const TOUCH_EVERY_MS = 60_000;

export function audienceOf(req: Request): Audience | null {
  const raw = String(req.headers[AUDIENCE_HEADER] ?? '').toUpperCase();
  return raw === Audience.CONSOLE || raw === Audience.PORTAL ? raw : null;
}

/** One cookie per front end, so the console and the portal keep separate sessions in one browser. */
function cookieName(audience: Audience): string {
  return `mc_${audience.toLowerCase()}_sid`;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** What the session lookup answers: the session, its user and what the user's scope is built from. */
interface SessionRow extends ScopeRow {
  id: string;
  audience: Audience;
  expires_at: string | Date;
  revoked_at: string | Date | null;
  updated_at: string | Date;
  user_id: string;
  brand_id: string;
  role: User['role'];
  side: Side;
  distributor_id: string | null;
  disabled_at: string | Date | null;
}

/** One membership of the viewer's person, as the brand switcher lists it. */
export interface MembershipRow {
  id: string;
  role: Role;
  brandName: string;
  distributorName: string | null;
  current: boolean;
}

const sideOfAudience = (audience: Audience): Side => (audience === Audience.CONSOLE ? Side.BRAND : Side.PARTNER);

export interface Authenticated {
  scope: Scope | null;
  sessionId: string | null;
  failure: ErrorReason | null;
}

export class SessionService {
  readonly throttle: LoginThrottle;
  /** warm sessions; the app starts its listener on PostgreSQL (never on PGlite, one session for every socket) */
  readonly cache: SessionCache<SessionRow>;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
  ) {
    this.throttle = new LoginThrottle(ds, 'login', config.loginAttemptsPerMinute);
    this.cache = new SessionCache(config.sessionCacheSeconds * 1000);
  }

  /** Turns the request's cookie into a scope. Expired or revoked sessions answer with a reason and write nothing. */
  async authenticate(req: Request, audience: Audience | null): Promise<Authenticated> {
    const none = { scope: null, sessionId: null };
    if (!audience) return { ...none, failure: null };
    const token = parseCookie(req.headers.cookie ?? '')[cookieName(audience)];
    if (!token) return { ...none, failure: null };
    const tokenHash = sha256(token);

    // a warm session that passes every check and needs no touch answers without a statement;
    // anything else is read afresh (another process may have touched it meanwhile)
    const warm = this.cache.get(tokenHash);
    if (warm) {
      const verdict = this.judge(warm, audience, Date.now());
      if (verdict === 'ok') return { scope: this.scopeOfRow(warm), sessionId: warm.id, failure: null };
      this.cache.drop(tokenHash);
    }

    const mark = this.cache.mark();
    // the session, its user and the user's scope in one statement: every request starts here
    const rows: SessionRow[] = await this.ds.query(
      `SELECT s.id, s.audience, s.expires_at, s.revoked_at, s.updated_at,
              u.id AS user_id, u.brand_id, u.role, u.side, u.distributor_id, u.disabled_at, ${SCOPE_COLUMNS}
         FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    const now = Date.now();
    const verdict = row ? this.judge(row, audience, now) : ErrorReason.SESSION_EXPIRED;
    if (verdict !== 'ok' && verdict !== 'touch') return { ...none, failure: verdict };
    if (verdict === 'touch') {
      // the session's own bookkeeping, once a minute at most: not a cost of the screen asked for, so the
      // request's statement count (x-sql-count, the SQL-count check) leaves it out and stays the same every minute
      await requestStats.exit(() => this.ds.query(`UPDATE session SET updated_at = now() WHERE id = $1`, [row.id]));
      row.updated_at = new Date(now).toISOString();
    }
    this.cache.keep(tokenHash, row.user_id, row, mark);
    return { scope: this.scopeOfRow(row), sessionId: row.id, failure: null };
  }

  /** Whether a session row lets its request in now ('touch': yes, and its last activity is due to be written). */
  private judge(row: SessionRow, audience: Audience, now: number): 'ok' | 'touch' | ErrorReason {
    if (row.audience !== audience) return ErrorReason.SESSION_EXPIRED;
    const lastSeen = new Date(row.updated_at).getTime();
    if (
      row.revoked_at ||
      new Date(row.expires_at).getTime() <= now ||
      lastSeen + this.config.sessionIdleMinutes * 60_000 <= now
    ) {
      return ErrorReason.SESSION_EXPIRED;
    }
    if (row.disabled_at) return ErrorReason.ACCOUNT_DISABLED;
    return now - lastSeen > TOUCH_EVERY_MS ? 'touch' : 'ok';
  }

  private scopeOfRow(row: SessionRow): Scope {
    return scopeOf(
      { id: row.user_id, brandId: row.brand_id, role: row.role, side: row.side, distributorId: row.distributor_id },
      row,
    );
  }

  async login(req: Request, res: Response, audience: Audience | null, email: string, password: string): Promise<User> {
    if (!audience) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Send the ${AUDIENCE_HEADER} header (console or portal)`,
        'audience',
      );
    }
    const normalized = email.trim().toLowerCase();
    // Express answers the socket's peer unless the deployment trusts a proxy (config.trustedProxy)
    const ip = req.ip ?? 'unknown';
    const wait = await this.throttle.retryAfter(normalized, ip);
    if (wait > 0) {
      throw new AppError(ErrorCode.RATE_LIMITED, `Too many failed logins; try again in ${wait} s`);
    }

    // the person and their memberships on this front end's side: the last used first, a disabled one last
    const rows: Array<{ password_hash: string; id: string | null; disabled: boolean }> = await this.ds.query(
      `SELECT p.password_hash, m.id, m.disabled_at IS NOT NULL AS disabled
         FROM person p LEFT JOIN app_user m ON m.person_id = p.id AND m.side = $2
        WHERE p.email = $1
        ORDER BY m.disabled_at IS NOT NULL, m.last_sign_in_at DESC NULLS LAST, m.created_at, m.id`,
      [normalized, sideOfAudience(audience)],
    );
    const verified = await verifyPassword(rows[0]?.password_hash || undefined, password);
    const memberships = verified ? rows.filter((r): r is typeof r & { id: string } => r.id !== null) : [];
    // The other front end's account answers exactly as a wrong password does (and counts as a
    // failure): telling it apart would confirm a guessed password. The login pages point to each other.
    if (!memberships.length) {
      await this.throttle.fail(normalized, ip);
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Wrong email or password',
        undefined,
        ErrorReason.INVALID_CREDENTIALS,
      );
    }
    if (memberships[0].disabled) {
      throw new AppError(ErrorCode.FORBIDDEN, 'This account is disabled', undefined, ErrorReason.ACCOUNT_DISABLED);
    }
    await this.throttle.succeed(normalized, ip);
    return this.open(req, res, audience, memberships[0].id);
  }

  /**
   * The person's active memberships on the front end of the viewer's session (the viewer's own
   * among them): what the brand switcher offers.
   */
  memberships(scope: Scope): Promise<MembershipRow[]> {
    return this.ds.query(
      `SELECT m.id, m.role, b.name AS "brandName", d.name AS "distributorName", m.id = me.id AS current
         FROM app_user me
         JOIN app_user m ON m.person_id = me.person_id AND m.side = me.side AND m.disabled_at IS NULL
         JOIN brand b ON b.id = m.brand_id
         LEFT JOIN distributor d ON d.id = m.distributor_id
        WHERE me.id = $1
        ORDER BY b.name, d.name NULLS FIRST, m.id`,
      [scope.userId],
    );
  }

  /**
   * Moves the session to another membership of the same person on the same front end: the current
   * session ends and a new one begins for the membership. Anything but the person's own active
   * membership answers NOT_FOUND.
   */
  async switchMembership(
    req: Request,
    res: Response,
    audience: Audience | null,
    scope: Scope,
    sessionId: string | null,
    userId: string,
  ): Promise<User> {
    const [target]: Array<{ id: string }> = isUuid(userId)
      ? await this.ds.query(
          `SELECT m.id FROM app_user me JOIN app_user m ON m.person_id = me.person_id
            WHERE me.id = $1 AND m.id = $2 AND m.side = me.side AND m.disabled_at IS NULL`,
          [scope.userId, userId],
        )
      : [];
    if (!target || !audience) throw notFound('User');
    if (sessionId) await this.end(sessionId, scope);
    return this.open(req, res, audience, target.id);
  }

  /**
   * A new session for a membership, always: the browser's previous session for this front end
   * (whoever's it was) is revoked, so a session id planted or seen before is worth nothing after.
   * Opening a membership the person was invited to accepts the invitation.
   */
  private async open(req: Request, res: Response, audience: Audience, userId: string): Promise<User> {
    const previous = parseCookie(req.headers.cookie ?? '')[cookieName(audience)];
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3_600_000);
    const ip = req.ip ?? 'unknown';
    const user = await this.ds.transaction(async (em) => {
      if (previous) {
        await em.query(`UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [
          sha256(previous),
        ]);
      }
      const [[accepted]]: [Array<{ invited: boolean }>, number] = await em.query(
        `UPDATE app_user u SET last_sign_in_at = now(), activated_at = COALESCE(u.activated_at, now())
           FROM app_user old WHERE old.id = u.id AND u.id = $1
         RETURNING old.activated_at IS NULL AS invited`,
        [userId],
      );
      const member = await em.findOneByOrFail(User, { id: userId });
      const actor = { brandId: member.brandId, userId: member.id, side: member.side };
      if (accepted.invited) await audit(em, actor, 'ACCEPT_INVITATION', 'user', member.id);
      const inserted = await em.insert(Session, {
        brandId: member.brandId,
        tokenHash: sha256(token),
        userId: member.id,
        audience,
        expiresAt,
        ip,
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) || null,
      });
      await audit(em, actor, 'LOGIN', 'session', inserted.identifiers[0].id, { audience });
      return member;
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

  /** Ends one session of the viewer's (idempotent), audited. */
  private async end(sessionId: string, scope: Scope): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await audit(
        em,
        { brandId: scope.brandId, userId: scope.userId, side: scope.side },
        'LOGOUT',
        'session',
        sessionId,
      );
    });
    this.cache.dropUser(scope.userId);
  }

  /** Revokes the session (idempotent) and clears the cookie. */
  async logout(
    res: Response,
    audience: Audience | null,
    sessionId: string | null,
    scope: Scope | null,
  ): Promise<boolean> {
    if (sessionId && scope) await this.end(sessionId, scope);
    if (audience) res.clearCookie(cookieName(audience), { path: '/' });
    return true;
  }
}
