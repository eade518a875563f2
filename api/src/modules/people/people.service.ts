import { DataSource, EntityManager } from 'typeorm';
import {
  BRAND_ROLES,
  ErrorReason,
  INVITATION_TTL_HOURS,
  OWNER_INVITE_STAGES,
  Role,
  Side,
} from '@medchannel/shared-schema';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { audit, diff } from '../../common/audit';
import { fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { assertVersion } from '../../common/versioning';
import { Scope, applyScope } from '../../auth/scope';
import { visibleIds } from '../../auth/scoped-ids';
import type { MailService } from '../outbox';
import { User, UserRegion } from '../user';
import { AccessLink, AccessLinkKind } from './access-link.entity';
import { AccessService } from './access.service';
import { accessMail, invitationMail, membershipMail, roleChangedMail } from './people.mail';

interface Invitee {
  email: string;
  displayName: string;
  role: Role;
  distributorId: string | null;
  regionIds: string[];
  financeAccess: boolean;
}

/**
 * The brand's and the distributors' people: invitations (a person without a password and a link
 * to set one, idempotent by request key), role and regions, disabling (every session ends at
 * once) and enabling again. Who may act on whom is checked here beside the capability table:
 * the admin on the brand's people, a channel manager on the owners of his distributors, an owner
 * on his own reps.
 */
export class PeopleService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly mail: MailService,
  ) {}

  private async lockVisible(em: EntityManager, scope: Scope, userId: string): Promise<User> {
    const user = isUuid(userId)
      ? await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
          .andWhere('u.id = :id', { id: userId })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!user) throw notFound('User');
    return user;
  }

  /** An admin invites a brand colleague. */
  inviteBrandUser(
    scope: Scope,
    input: { email: string; displayName: string; role: Role; regionIds: string[]; requestKey: string },
  ): Promise<User> {
    if (!BRAND_ROLES.includes(input.role)) throw badInput('role', 'Choose a role of the brand');
    return this.invite(scope, input.requestKey, async (em) => {
      const regionIds = await visibleIds(em, scope, 'region', input.regionIds, 'regionIds');
      return { ...input, regionIds, distributorId: null, financeAccess: false };
    });
  }

  /** A channel manager or an admin invites the owner of a distributor that is temporarily authorized or later. */
  inviteOwner(
    scope: Scope,
    input: { distributorId: string; email: string; displayName: string; requestKey: string },
  ): Promise<User> {
    return this.invite(scope, input.requestKey, async (em) => {
      const [distributor] = isUuid(input.distributorId)
        ? await applyScope(
            em.createQueryBuilder().select(['d.id AS id', 'd.stage AS stage']).from('distributor', 'd'),
            scope,
            'distributor',
            'd',
          )
            .andWhere('d.id = :id', { id: input.distributorId })
            .getRawMany()
        : [];
      if (!distributor) throw notFound('Distributor');
      if (!OWNER_INVITE_STAGES.includes(distributor.stage))
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'Invite the owner once the distributor is temporarily authorized',
          'distributorId',
          ErrorReason.NOT_YET_AUTHORIZED,
        );
      return { ...input, role: Role.OWNER, regionIds: [], financeAccess: true };
    });
  }

  /** An owner invites a rep of his own company. */
  inviteRep(
    scope: Scope,
    input: { email: string; displayName: string; financeAccess: boolean; requestKey: string },
  ): Promise<User> {
    if (scope.side !== Side.PARTNER) throw badInput('role', 'Reps are invited by their owner');
    const distributorId = scope.distributorId;
    return this.invite(scope, input.requestKey, async () => ({
      ...input,
      role: Role.REP,
      distributorId,
      regionIds: [],
    }));
  }

  private async invite(
    scope: Scope,
    requestKey: string,
    resolve: (em: EntityManager) => Promise<Invitee>,
  ): Promise<User> {
    if (!isUuid(requestKey)) throw badInput('requestKey', 'Send a request key (a UUID)');
    let invitee: Invitee | null = null;
    // the fingerprint is of what was asked, before the scope's lookups
    const write = {
      hash: '',
      constraint: 'access_link_request_key',
      earlier: (em: EntityManager) =>
        em
          .getRepository(AccessLink)
          .findOneBy({ createdBy: scope.userId, requestKey })
          .then((l) => (l ? { id: l.userId, requestHash: l.requestHash ?? '' } : null)),
      reused: () => keyReused('This request key was used for another invitation', 'requestKey'),
    };
    const userId = await idempotent(this.ds, write, async (em) => {
      invitee = await resolve(em);
      invitee.email = invitee.email.trim().toLowerCase();
      invitee.displayName = invitee.displayName.trim();
      write.hash = fingerprint(invitee);
      return replayOrInsert(em, write, async () => {
        const who = invitee!;
        // the address may sign in already, for another brand: the same person, one more membership
        const [person]: Array<{ id: string; has_password: boolean; here: boolean }> = await em.query(
          `SELECT p.id, p.password_hash <> '' AS has_password,
                  EXISTS (SELECT 1 FROM app_user u WHERE u.person_id = p.id AND u.brand_id = $2) AS here
             FROM person p WHERE p.email = $1`,
          [who.email, scope.brandId],
        );
        if (person?.here)
          throw new AppError(
            ErrorCode.CONFLICT,
            'Someone already signs in with this e-mail address',
            'email',
            ErrorReason.EMAIL_IN_USE,
          );
        const side = who.distributorId ? Side.PARTNER : Side.BRAND;
        const inserted = await em.insert(User, {
          brandId: scope.brandId,
          ...(person ? { personId: person.id } : {}),
          email: who.email,
          displayName: who.displayName,
          side,
          role: who.role,
          distributorId: who.distributorId,
          financeAccess: who.financeAccess,
          activatedAt: null,
        });
        const user = { id: inserted.identifiers[0].id as string, brandId: scope.brandId, side, ...who };
        for (const regionId of who.regionIds)
          await em.insert(UserRegion, { brandId: scope.brandId, userId: user.id, regionId });
        // a person with a password opens the new membership by signing in with it: the link is
        // only the record of the request (spent at once), so no password is ever set over theirs
        const hasPassword = Boolean(person?.has_password);
        const by = { userId: scope.userId, requestKey, requestHash: write.hash };
        const ttl = INVITATION_TTL_HOURS * 3_600_000;
        const link = await this.access.issueLink(em, user, AccessLinkKind.INVITATION, ttl, by, hasPassword);
        await this.mailInvitation(em, scope, user, hasPassword ? null : link);
        await audit(em, scope, 'INVITE_USER', 'user', user.id, {
          email: who.email,
          role: who.role,
          distributorId: who.distributorId,
          regionIds: who.regionIds,
        });
        return user.id;
      });
    });
    return this.ds.getRepository(User).findOneByOrFail({ id: userId });
  }

  /**
   * The invitation's e-mail: a link to set a password, or (`link` null: the person signs in
   * already, for another brand) word to sign in with the password they have.
   */
  private async mailInvitation(
    em: EntityManager,
    scope: Scope,
    user: { id: string; email: string; displayName: string; side: Side },
    link: string | null,
  ): Promise<void> {
    const [inviter] = await em.query(
      `SELECT u.display_name, b.name AS brand FROM app_user u JOIN brand b ON b.id = u.brand_id WHERE u.id = $1`,
      [scope.userId],
    );
    const mail = link
      ? invitationMail(user, link, inviter.display_name, INVITATION_TTL_HOURS)
      : membershipMail(user, this.access.appUrl(user), inviter.display_name, inviter.brand);
    await this.mail.queue(em, scope.brandId, mail);
  }

  /** Sends a fresh invitation to someone who has not set a password yet (the earlier links stop working). */
  async resendInvitation(scope: Scope, userId: string): Promise<User> {
    return this.ds.transaction(async (em) => {
      const user = await this.lockVisible(em, scope, userId);
      this.assertManages(scope, user, 'userId');
      if (user.activatedAt) throw badInput('userId', 'This person has set a password already');
      await em.query(
        `UPDATE access_link SET used_at = now(), updated_at = now() WHERE user_id = $1 AND used_at IS NULL`,
        [user.id],
      );
      const [{ has_password }] = await em.query(
        `SELECT password_hash <> '' AS has_password FROM person WHERE id = $1`,
        [user.personId],
      );
      const link = has_password
        ? null
        : await this.access.issueLink(em, user, AccessLinkKind.INVITATION, INVITATION_TTL_HOURS * 3_600_000, {
            userId: scope.userId,
          });
      await this.mailInvitation(em, scope, user, link);
      await audit(em, scope, 'RESEND_INVITATION', 'user', user.id);
      return user;
    });
  }

  /**
   * A person the viewer manages (assertManages), read through the scope: NOT_FOUND when unseen.
   * `anyone`: the person handed work need not be managed by the viewer, only seen (a brand colleague, a rep of the company).
   */
  async managed(
    em: EntityManager,
    scope: Scope,
    userId: string,
    lock: boolean,
    field = 'userId',
    anyone = false,
  ): Promise<User> {
    const qb = isUuid(userId)
      ? applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user').andWhere('u.id = :id', { id: userId })
      : null;
    const user = qb ? await (lock ? qb.setLock('pessimistic_write') : qb).getOne() : null;
    if (!user) throw notFound('User');
    if (!anyone) this.assertManages(scope, user, field);
    return user;
  }

  /**
   * Whom the viewer manages, among the people his scope reads (a distributor's people only of the
   * distributors he sees): the admin, anyone of the brand but himself; a channel manager, the
   * partner people (owners and reps) of his distributors; an owner, his own company's reps.
   */
  private assertManages(scope: Scope, user: User, field: string): void {
    const manages =
      user.id !== scope.userId &&
      (scope.role === Role.ADMIN ||
        (scope.side === Side.BRAND && scope.role === Role.CHANNEL_MANAGER && user.side === Side.PARTNER) ||
        (scope.side === Side.PARTNER &&
          scope.role === Role.OWNER &&
          user.role === Role.REP &&
          user.distributorId === scope.distributorId));
    if (!manages) throw badInput(field, 'You cannot manage this person');
  }

  /** The admin changes a brand colleague's role and regions. */
  async updateBrandUser(
    scope: Scope,
    input: { userId: string; role: Role; regionIds: string[]; expectedVersion: number },
  ): Promise<User> {
    return this.ds.transaction(async (em) => {
      const user = await this.lockVisible(em, scope, input.userId);
      if (user.side !== Side.BRAND || user.id === scope.userId)
        throw badInput('userId', 'Choose a brand colleague other than yourself');
      if (!BRAND_ROLES.includes(input.role)) throw badInput('role', 'Choose a role of the brand');
      assertVersion(user, input.expectedVersion, 'User');
      const regionIds = await visibleIds(em, scope, 'region', input.regionIds, 'regionIds');
      const before: string[] = (
        await em.query(`SELECT region_id FROM user_region WHERE user_id = $1 ORDER BY region_id`, [user.id])
      ).map((r: { region_id: string }) => r.region_id);
      const after = [...regionIds].sort();
      const changes: Record<string, unknown> = diff(user, { role: input.role });
      if (before.join() !== after.join()) {
        changes.regionIds = { from: before, to: after };
        await em.query(`DELETE FROM user_region WHERE user_id = $1`, [user.id]);
        for (const regionId of after) await em.insert(UserRegion, { brandId: user.brandId, userId: user.id, regionId });
      }
      if (!Object.keys(changes).length) return user;
      user.role = input.role;
      const saved = await em.save(user);
      await audit(em, scope, 'UPDATE_USER', 'user', user.id, changes);
      const regions: Array<{ name: string }> = await em.query(
        `SELECT name FROM region WHERE id = ANY($1::uuid[]) ORDER BY name`,
        [after],
      );
      await this.mail.queue(
        em,
        user.brandId,
        roleChangedMail(
          user,
          saved.role,
          regions.map((r) => r.name),
        ),
      );
      return saved;
    });
  }

  /** Disables a person (every session ends at once: the next request answers UNAUTHENTICATED) or enables him again. */
  async setDisabled(scope: Scope, userId: string, disabled: boolean): Promise<User> {
    return this.ds.transaction(async (em) => {
      const user = await this.lockVisible(em, scope, userId);
      this.assertManages(scope, user, 'userId');
      if (Boolean(user.disabledAt) === disabled) return user;
      user.disabledAt = disabled ? new Date() : null;
      const saved = await em.save(user);
      if (disabled)
        await em.query(`UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      await audit(em, scope, disabled ? 'DISABLE_USER' : 'ENABLE_USER', 'user', user.id);
      await this.mail.queue(em, user.brandId, accessMail(user, disabled));
      return saved;
    });
  }
}
