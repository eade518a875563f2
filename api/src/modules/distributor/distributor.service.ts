import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { User } from '../user/user.entity';
import { Distributor } from './distributor.entity';
import { AssignChannelManagerArgs, DistributorFilter } from './distributor.types';

export class DistributorService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor');
  }

  list(scope: Scope, page: PageArgs, filter: DistributorFilter = {}): Promise<Page<Distributor>> {
    const qb = this.scoped(scope);
    if (filter.search) {
      qb.andWhere('(d.name ILIKE :search OR d.code ILIKE :search)', { search: containsPattern(filter.search) });
    }
    if (filter.stage) qb.andWhere('d.stage = :stage', { stage: filter.stage });
    if (filter.tier) qb.andWhere('d.tier = :tier', { tier: filter.tier });
    if (filter.regionId) {
      qb.andWhere('d.region_id IN (SELECT fr.id FROM region fr WHERE fr.id = :regionId OR fr.parent_id = :regionId)', {
        regionId: filter.regionId,
      });
    }
    return paginate(qb, page, [
      { column: 'd.name', value: (d) => d.name },
      { column: 'd.id', value: (d) => d.id },
    ]);
  }

  async get(scope: Scope, id: string): Promise<Distributor> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('d.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Distributor');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Distributor[]> {
    return this.scoped(scope).andWhere('d.id = ANY(:ids)', { ids }).getMany();
  }

  /** Second-tier distributors under each parent, as far as the viewer may see them. */
  byParentIds(scope: Scope, parentIds: readonly string[]): Promise<Distributor[]> {
    return this.scoped(scope).andWhere('d.parent_id = ANY(:parentIds)', { parentIds }).orderBy('d.name').getMany();
  }

  async assignChannelManager(scope: Scope, args: AssignChannelManagerArgs): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.scoped(scope, em)
        .andWhere('d.id = :id', { id: args.distributorId })
        .setLock('pessimistic_write')
        .getOne();
      if (!distributor) throw notFound('Distributor');
      if (distributor.version !== args.expectedVersion) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'Someone else changed this distributor; reload and try again',
          'expectedVersion',
          ErrorReason.STALE_VERSION,
        );
      }
      const manager = await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
        .andWhere('u.id = :id', { id: args.userId })
        .getOne();
      if (!manager || manager.side !== Side.BRAND || manager.role !== Role.CHANNEL_MANAGER || manager.disabledAt) {
        throw badInput('userId', 'Choose an active channel manager of this brand');
      }
      const changes = diff(distributor, { channelManagerId: manager.id });
      if (Object.keys(changes).length === 0) return distributor;
      distributor.channelManagerId = manager.id;
      const saved = await em.save(distributor);
      await audit(em, scope, 'ASSIGN_CHANNEL_MANAGER', 'distributor', distributor.id, changes);
      return saved;
    });
  }
}
