import { DataSource } from 'typeorm';
import { Locale, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { User } from './user.entity';
import { UserFilter } from './user.types';

export class UserService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope) {
    return applyScope(this.ds.getRepository(User).createQueryBuilder('u'), scope, 'user');
  }

  list(scope: Scope, page: PageArgs, filter: UserFilter = {}): Promise<Page<User>> {
    const qb = this.scoped(scope);
    if (filter.search) {
      qb.andWhere('(u.display_name ILIKE :search OR u.email ILIKE :search)', { search: containsPattern(filter.search) });
    }
    if (filter.side) qb.andWhere('u.side = :side', { side: filter.side });
    if (filter.distributorId) qb.andWhere('u.distributor_id = :distributorId', { distributorId: filter.distributorId });
    return paginate(qb, page, [
      { column: 'u.display_name', value: (u) => u.displayName },
      { column: 'u.id', value: (u) => u.id },
    ]);
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
        ? await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user').andWhere('u.id = :id', { id: userId }).setLock('pessimistic_write').getOne()
        : null;
      if (!user) throw notFound('User');
      if (user.role !== Role.REP || scope.side !== Side.PARTNER || !scope.distributorIds.includes(user.distributorId ?? '')) {
        throw badInput('userId', 'Choose one of your own reps');
      }
      const changes = diff(user, { financeAccess: allowed });
      if (Object.keys(changes).length === 0) return user;
      user.financeAccess = allowed;
      await em.save(user);
      await audit(em, scope, 'SET_FINANCE_ACCESS', 'user', user.id, changes);
      return user;
    });
  }
}
