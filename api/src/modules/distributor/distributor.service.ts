import { DataSource, EntityManager } from 'typeorm';
import { DistributorStage, ErrorReason, Role, STAGE_TRANSITIONS, Side } from '@medchannel/shared-schema';
import { notVisible, visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope, coversRegion } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { User } from '../user/user.entity';
import { withinRegion } from '../region/region.sql';
import { assertVersion } from '../../common/versioning';
import { Distributor, DistributorStageChange } from './distributor.entity';
import { lockCredit } from '../order/credit';
import {
  AssignChannelManagerArgs,
  CreateDistributorInput,
  DistributorFilter,
  DistributorProfileInput,
  MoveStageArgs,
} from './distributor.types';

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
      qb.andWhere(withinRegion('d.region_id'), { regionId: filter.regionId });
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

  byIds(scope: Scope, ids: readonly string[], em?: EntityManager): Promise<Distributor[]> {
    return this.scoped(scope, em).andWhere('d.id = ANY(:ids)', { ids }).getMany();
  }

  /** Second-tier distributors under each parent, as far as the viewer may see them. */
  byParentIds(scope: Scope, parentIds: readonly string[]): Promise<Distributor[]> {
    return this.scoped(scope).andWhere('d.parent_id = ANY(:parentIds)', { parentIds }).orderBy('d.name').getMany();
  }

  /** Loads a visible distributor for a change: locked, and at the version the caller saw. */
  private async lockForChange(scope: Scope, em: EntityManager, id: string, expectedVersion: number): Promise<Distributor> {
    const distributor = await this.scoped(scope, em).andWhere('d.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!distributor) throw notFound('Distributor');
    assertVersion(distributor, expectedVersion, 'distributor');
    return distributor;
  }

  stageHistory(scope: Scope, distributorIds: readonly string[]): Promise<DistributorStageChange[]> {
    const qb = this.ds
      .getRepository(DistributorStageChange)
      .createQueryBuilder('sc')
      .where('sc.distributor_id = ANY(:distributorIds)', { distributorIds });
    return applyScope(qb, scope, 'distributorOwned').orderBy('sc.created_at').getMany();
  }

  /** A prospect enters the pipeline; a channel manager who adds one manages it. */
  async create(scope: Scope, input: CreateDistributorInput): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const region = { id: await visibleId(em, scope, 'region', input.regionId, 'regionId') };
      // A channel manager may bring in a prospect anywhere: they will manage it, so they see it.
      if (scope.role !== Role.CHANNEL_MANAGER && !coversRegion(scope, region.id)) {
        throw badInput('regionId', 'Choose a region you cover');
      }
      if (input.parentId) {
        await visibleId(em, scope, 'distributor', input.parentId, 'parentId');
        // a second tier hangs under a first tier: a parent that has a parent itself is refused
        if (!(await this.scoped(scope, em).andWhere('d.id = :id AND d.parent_id IS NULL', { id: input.parentId }).getCount())) {
          throw badInput('parentId', 'Choose a first-tier distributor you can see');
        }
      }
      if (await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'brand').andWhere('d.code = :code', { code: input.code }).getCount()) {
        throw new AppError(ErrorCode.CONFLICT, `A distributor with code ${input.code} exists already`, 'code');
      }
      const distributor = await em.save(
        em.create(Distributor, {
          ...input.profile,
          brandId: scope.brandId,
          name: input.name,
          code: input.code,
          regionId: region.id,
          parentId: input.parentId ?? null,
          stage: DistributorStage.PROSPECT,
          tier: input.profile?.tier ?? (input.parentId ? 2 : 1),
          channelManagerId: scope.role === Role.CHANNEL_MANAGER ? scope.userId : null,
          classifications: input.profile?.classifications ?? [],
        }),
      );
      await audit(em, scope, 'CREATE', 'distributor', distributor.id, { name: input.name, code: input.code, regionId: region.id });
      return distributor;
    });
  }

  async updateProfile(scope: Scope, id: string, expectedVersion: number, input: DistributorProfileInput): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.lockForChange(scope, em, id, expectedVersion);
      const changes = diff(distributor, input as Partial<Distributor>);
      if (input.classifications && input.classifications.join() === distributor.classifications.join()) delete changes.classifications;
      if (Object.keys(changes).length === 0) return distributor;
      Object.assign(distributor, input);
      const saved = await em.save(distributor);
      await audit(em, scope, 'UPDATE_PROFILE', 'distributor', id, changes);
      return saved;
    });
  }

  /** The most the distributor may owe at once (open orders + receivables); orders beyond it are refused. */
  async setCreditLimit(scope: Scope, id: string, expectedVersion: number, amount: string): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      // The lock orders are placed under: a new limit commits between two credit decisions, never
      // while one is being made (an order already deciding finishes against the limit it read).
      if (isUuid(id)) await lockCredit(em, id);
      const distributor = await this.lockForChange(scope, em, id, expectedVersion);
      if (amount.startsWith('-')) throw badInput('amount', 'A credit limit cannot be negative');
      const changes = diff(distributor, { creditLimit: amount });
      if (Object.keys(changes).length === 0) return distributor;
      distributor.creditLimit = amount;
      const saved = await em.save(distributor);
      await audit(em, scope, 'SET_CREDIT_LIMIT', 'distributor', id, changes);
      return saved;
    });
  }

  /** Moves through the lifecycle along an allowed transition only, with the reason kept in the history. */
  async moveStage(scope: Scope, args: MoveStageArgs): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.lockForChange(scope, em, args.distributorId, args.expectedVersion);
      const from = distributor.stage;
      if (!STAGE_TRANSITIONS[from].includes(args.toStage)) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `A distributor cannot move from ${from} to ${args.toStage}; allowed: ${STAGE_TRANSITIONS[from].join(', ') || 'none'}`,
          'toStage',
          ErrorReason.ILLEGAL_TRANSITION,
        );
      }
      distributor.stage = args.toStage;
      const saved = await em.save(distributor);
      await em.insert(DistributorStageChange, {
        brandId: scope.brandId,
        distributorId: distributor.id,
        fromStage: from,
        toStage: args.toStage,
        reason: args.reason,
        actorId: scope.userId,
      });
      await audit(em, scope, 'MOVE_STAGE', 'distributor', distributor.id, { stage: { from, to: args.toStage }, reason: args.reason });
      return saved;
    });
  }

  async assignChannelManager(scope: Scope, args: AssignChannelManagerArgs): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.lockForChange(scope, em, args.distributorId, args.expectedVersion);
      // someone the viewer cannot see answers like no one; someone they see who is no channel manager is refused
      const manager = isUuid(args.userId)
        ? await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user').andWhere('u.id = :id', { id: args.userId }).getOne()
        : null;
      if (!manager) throw notVisible('user', 'userId');
      if (manager.side !== Side.BRAND || manager.role !== Role.CHANNEL_MANAGER || manager.disabledAt) {
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
