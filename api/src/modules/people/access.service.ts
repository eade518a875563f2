import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Audience,
  ErrorReason,
  RESET_TTL_MINUTES,
  SET_PASSWORD_PATH,
  Side,
  passwordProblems,
} from '@medchannel/shared-schema';
import type { Config } from '../../config';
import { AppError, ErrorCode, badInput } from '../../common/errors';
import { audit } from '../../common/audit';
import { isUuid } from '../../common/ids';
import { Scope } from '../../auth/scope';
import { hashPassword, verifyPassword } from '../../auth/password';
import { LoginThrottle } from '../../auth/rate-limiter';
import type { MailService } from '../outbox';
import { Person, User } from '../user';
import { AccessLink, AccessLinkKind } from './access-link.entity';
import { passwordChangedMail, resetMail } from './people.mail';
import { deviceOf } from './device';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  id: string;
  audience: Audience;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  current: boolean;
}

/** The one refusal of a link, whether it is unknown, spent or expired. */
const linkInvalid = () =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    'This link is no longer valid: ask for a new one',
    'token',
    ErrorReason.LINK_INVALID,
  );

/** Refuses a password the policy (shared-schema people.ts) does not accept, naming what is wrong. */
function checkPolicy(password: string, person: { email: string; displayName: string }, field: string): void {
  const problems = passwordProblems(password, { email: person.email, name: person.displayName });
  if (problems.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Choose a stronger password', field, ErrorReason.WEAK_PASSWORD, {
      problems,
    });
}

/**
 * Passwords and sessions: single-use links (invitation, reset) turned into a password, "forgot
 * password" (one answer whether or not the address is known, throttled), changing one's password,
 * and one's own sessions. Every change is audited and the person told by e-mail.
 */
export class AccessService {
  /** Reset requests counted per address and per address and e-mail, like failed logins. */
  readonly resetThrottle: LoginThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly mail: MailService,
  ) {
    // an office behind one address asks more often than it fails logins; an address is still not a mail cannon
    this.resetThrottle = new LoginThrottle(ds, 'password-reset', config.loginAttemptsPerMinute * 4);
  }

  /** The front end a membership signs in to. */
  appUrl(user: Pick<User, 'side'>): string {
    return user.side === Side.BRAND ? this.config.consoleUrl : this.config.portalUrl;
  }

  /**
   * A fresh link for a person, in the caller's transaction: answers the URL to mail. `spent`: the
   * record of an invitation that needs no password (the person has one), kept for its request key
   * and never usable.
   */
  async issueLink(
    em: EntityManager,
    user: Pick<User, 'id' | 'brandId' | 'side'>,
    kind: AccessLinkKind,
    ttlMs: number,
    by: { userId: string | null; requestKey?: string; requestHash?: string },
    spent = false,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await em.insert(AccessLink, {
      brandId: user.brandId,
      userId: user.id,
      kind,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + ttlMs),
      createdBy: by.userId,
      requestKey: by.requestKey ?? null,
      requestHash: by.requestHash ?? null,
      usedAt: spent ? new Date() : null,
    });
    return `${this.appUrl(user)}${SET_PASSWORD_PATH}?token=${token}`;
  }

  /** "Forgot password": mails a reset link to an active person of this app, and answers the same either way. */
  async requestReset(audience: Audience | null, email: string, ip: string): Promise<boolean> {
    // without the header no app is named, so no account can match: the same answer as any miss
    if (!audience) return true;
    const normalized = email.trim().toLowerCase();
    const wait = await this.resetThrottle.retryAfter(normalized, ip);
    if (wait > 0) throw new AppError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${wait} s`);
    await this.resetThrottle.fail(normalized, ip);
    // the person's active membership on this app that was used last: the link and its e-mail are in its name
    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Person, 'p', 'p.id = u.person_id')
      .where('p.email = :email AND u.side = :side AND u.disabled_at IS NULL', {
        email: normalized,
        side: audience === Audience.CONSOLE ? Side.BRAND : Side.PARTNER,
      })
      .orderBy('u.last_sign_in_at', 'DESC', 'NULLS LAST')
      .addOrderBy('u.id')
      .getOne();
    if (!user) return true;
    await this.ds.transaction(async (em) => {
      const link = await this.issueLink(em, user, AccessLinkKind.RESET, RESET_TTL_MINUTES * 60_000, {
        userId: null,
      });
      await this.mail.queue(em, user.brandId, resetMail(user, link, RESET_TTL_MINUTES));
      await audit(
        em,
        { brandId: user.brandId, userId: user.id, side: user.side },
        'REQUEST_PASSWORD_RESET',
        'user',
        user.id,
      );
    });
    return true;
  }

  /**
   * Spends a link: sets the person's password (every membership's), ends every session and every
   * other open link of the person, in whichever brand.
   */
  async setPasswordWithLink(token: string, password: string): Promise<User> {
    return this.ds.transaction(async (em) => {
      const link = await em
        .getRepository(AccessLink)
        .createQueryBuilder('l')
        .where('l.token_hash = :h', { h: sha256(token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) throw linkInvalid();
      const user = await em.findOneBy(User, { id: link.userId });
      if (!user || user.disabledAt) throw linkInvalid();
      checkPolicy(password, user, 'password');
      await em.query(`UPDATE person SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        user.personId,
        await hashPassword(password),
      ]);
      await em.query(
        `UPDATE app_user SET activated_at = COALESCE(activated_at, now()), updated_at = now() WHERE id = $1`,
        [user.id],
      );
      await em.query(
        `UPDATE access_link SET used_at = now(), updated_at = now()
          WHERE user_id IN (SELECT id FROM app_user WHERE person_id = $1) AND used_at IS NULL`,
        [user.personId],
      );
      await em.query(
        `UPDATE session SET revoked_at = now()
          WHERE user_id IN (SELECT id FROM app_user WHERE person_id = $1) AND revoked_at IS NULL`,
        [user.personId],
      );
      const actor = { brandId: user.brandId, userId: user.id, side: user.side };
      await audit(
        em,
        actor,
        link.kind === AccessLinkKind.INVITATION ? 'ACCEPT_INVITATION' : 'RESET_PASSWORD',
        'user',
        user.id,
      );
      await this.mail.queue(em, user.brandId, passwordChangedMail(user));
      return user;
    });
  }

  /**
   * Changes one's own password (the current one required): the person's, so every membership's;
   * other sessions end, in every brand, and this one stays.
   */
  async changePassword(scope: Scope, sessionId: string | null, current: string, next: string): Promise<boolean> {
    const user = await this.ds.getRepository(User).findOneByOrFail({ id: scope.userId });
    const person = await this.ds
      .getRepository(Person)
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.id = :id', { id: user.personId })
      .getOneOrFail();
    if (!(await verifyPassword(person.passwordHash || undefined, current)))
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'The current password is not right',
        'currentPassword',
        ErrorReason.WRONG_PASSWORD,
      );
    checkPolicy(next, user, 'newPassword');
    if (next === current) throw badInput('newPassword', 'Choose a password other than the current one');
    const hash = await hashPassword(next);
    await this.ds.transaction(async (em) => {
      await em.query(`UPDATE person SET password_hash = $2, updated_at = now() WHERE id = $1`, [person.id, hash]);
      await em.query(
        `UPDATE session SET revoked_at = now()
          WHERE user_id IN (SELECT id FROM app_user WHERE person_id = $1) AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
        [person.id, sessionId],
      );
      await audit(em, scope, 'CHANGE_PASSWORD', 'user', user.id);
      await this.mail.queue(em, user.brandId, passwordChangedMail(user));
    });
    return true;
  }

  /** One's own live sessions, the last used first. */
  async sessions(scope: Scope, currentId: string | null): Promise<SessionInfo[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT id, audience, user_agent, ip, created_at, updated_at FROM session
        WHERE user_id = $1 AND brand_id = $2 AND revoked_at IS NULL AND expires_at > now()
          AND updated_at > now() - make_interval(mins => $3)
        ORDER BY updated_at DESC, id`,
      [scope.userId, scope.brandId, this.config.sessionIdleMinutes],
    );
    return rows.map((r) => ({
      id: r.id as string,
      audience: r.audience as Audience,
      device: deviceOf(r.user_agent as string | null),
      ip: r.ip as string | null,
      createdAt: r.created_at as Date,
      lastUsedAt: r.updated_at as Date,
      current: r.id === currentId,
    }));
  }

  /** Ends one of one's own sessions (another's answers NOT_FOUND), or every other one. */
  async revokeSessions(scope: Scope, currentId: string | null, sessionId: string | null): Promise<number> {
    if (sessionId !== null && !isUuid(sessionId)) throw new AppError(ErrorCode.NOT_FOUND, 'Session not found');
    return this.ds.transaction(async (em) => {
      const [rows]: [Array<{ id: string }>, number] = await em.query(
        `UPDATE session SET revoked_at = now() WHERE user_id = $1 AND brand_id = $2 AND revoked_at IS NULL
            AND ($3::uuid IS NULL OR id = $3::uuid) AND id IS DISTINCT FROM $4::uuid
          RETURNING id`,
        [scope.userId, scope.brandId, sessionId, currentId],
      );
      if (sessionId && rows.length === 0) throw new AppError(ErrorCode.NOT_FOUND, 'Session not found');
      for (const r of rows) await audit(em, scope, 'REVOKE_SESSION', 'session', r.id);
      return rows.length;
    });
  }
}
