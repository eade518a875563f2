import { DataSource, EntityManager } from 'typeorm';
import { Locale, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { User } from './user.entity';
import { UserFilter } from './user.types';

/**
 * People named on a plan or a visit note: each must be an active user the viewer may see, and a
 * partner user must belong to the visit's distributor (never another distributor's people). On the
 * caller's transaction.
 */
export async function namedPeople(
  em: EntityManager,
  scope: Scope,
  ids: string[],
  distributorId: string | null,
  field: string,
  brandOnly = false,
): Promise<User[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (!unique.every(isUuid)) throw notFound('User');
  const users = await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
    .andWhere('u.id = ANY(:ids)', { ids: unique })
    .andWhere('u.disabled_at IS NULL')
    .getMany();
  if (users.length !== unique.length) throw notFound('User');
  for (const u of users.filter((x) => x.side === Side.PARTNER)) {
    if (brandOnly)
      throw badInput(field, 'An internal note is for brand colleagues only: share it to CC the distributor');
    if (!distributorId) throw badInput(field, 'Name the distributor before adding its people');
    if (u.distributorId !== distributorId)
      throw badInput(field, `${u.displayName} works for another distributor than the one this visit is about`);
  }
  return users;
}

/**
 * The management chain over a brand user (the scope's `chainOver`): the regional heads whose
 * regions cover the user's, or when there are none the brand's admins. Who hears of a disputed
 * commitment; whoever disputes it need not see them.
 */
export async function headsOf(em: EntityManager, scope: Scope, userId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await applyScope(
    em.createQueryBuilder().select('c.id', 'id').from('app_user', 'c'),
    scope,
    'chainOver',
    'c',
    userId,
  )
    .orderBy('c.id')
    .getRawMany();
  return rows.map((r) => r.id);
}

/** Told, in the change's transaction, that a person's finance access changed (the people module mails them). */
export type AccessListener = (em: EntityManager, user: User) => Promise<void>;

export class UserService {
  private readonly accessListeners: AccessListener[] = [];

  constructor(private readonly ds: DataSource) {}

  /** A module that tells the person of a change of their access (by e-mail) listens here. */
  onAccessChange(listener: AccessListener): void {
    this.accessListeners.push(listener);
  }

  private scoped(scope: Scope) {
    return applyScope(this.ds.getRepository(User).createQueryBuilder('u'), scope, 'user');
  }

  list(scope: Scope, page: PageArgs, filter: UserFilter = {}): Promise<Page<User>> {
    return paginate(this.listQuery(scope, filter), page, [
      { column: 'u.display_name', value: (u) => u.displayName },
      { column: 'u.id', value: (u) => u.id },
    ]);
  }

  /** The people list's rows before paging (the global search reads the same). */
  listQuery(scope: Scope, filter: UserFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.search) {
      qb.andWhere('(u.display_name ILIKE :search OR u.email ILIKE :search)', {
        search: containsPattern(filter.search),
      });
    }
    if (filter.side) qb.andWhere('u.side = :side', { side: filter.side });
    if (filter.distributorId) qb.andWhere('u.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.team) applyScope(qb, scope, 'team', 'u');
    return qb;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<User[]> {
    return this.scoped(scope).andWhere('u.id = ANY(:ids)', { ids }).getMany();
  }

  async me(scope: Scope): Promise<User> {
    const [user] = await this.byIds(scope, [scope.userId]);
    if (!user) throw notFound('User');
    return user;
  }

  async setLocale(scope: Scope, locale: Locale): Promise<User> {
    return this.ds.transaction(async (em) => {
      const user = await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
        .andWhere('u.id = :id', { id: scope.userId })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) throw notFound('User');
      const changes = diff(user, { locale });
      if (Object.keys(changes).length === 0) return user;
      user.locale = locale;
      await em.save(user);
      await audit(em, scope, 'SET_LOCALE', 'user', user.id, changes);
      return user;
    });
  }

  /** An owner lets one of their reps see the account (invoices, payments, statements), or stops it. */
  async setFinanceAccess(scope: Scope, userId: string, allowed: boolean): Promise<User> {
    return this.ds.transaction(async (em) => {
      const user = isUuid(userId)
        ? await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
            .andWhere('u.id = :id', { id: userId })
            .setLock('pessimistic_write')
            .getOne()
        : null;
      if (!user) throw notFound('User');
      if (
        user.role !== Role.REP ||
        scope.side !== Side.PARTNER ||
        !scope.distributorIds.includes(user.distributorId ?? '')
      ) {
        throw badInput('userId', 'Choose one of your own reps');
      }
      const changes = diff(user, { financeAccess: allowed });
      if (Object.keys(changes).length === 0) return user;
      user.financeAccess = allowed;
      await em.save(user);
      await audit(em, scope, 'SET_FINANCE_ACCESS', 'user', user.id, changes);
      for (const told of this.accessListeners) await told(em, user);
      return user;
    });
  }
}
