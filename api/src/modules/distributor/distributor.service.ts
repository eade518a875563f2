import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  type AuditAction,
  DistributorStage,
  ErrorReason,
  Role,
  STAGE_TRANSITIONS,
  Side,
} from '@medchannel/shared-schema';
import { notVisible, visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope, coversRegion } from '../../auth/scope';
import { AuditLog, audit, diff } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginateTree } from '../../common/pagination';
import { DistributorNode, DistributorPageParts, distributorPageParts, distributorPageTree } from './distributor-page';
import { User } from '../user';
import { withinRegion } from '../region';
import { assertVersion } from '../../common/versioning';
import { Distributor, DistributorStageChange } from './distributor.entity';
import { lockCredit } from '../order';
import { appendTier } from './distributor-tier';
import { today } from '../../common/dates';
import {
  AssignChannelManagerArgs,
  AssignDistributorsToChannelManagerArgs,
  CreateDistributorInput,
  DistributorFilter,
  DistributorProfileInput,
  MoveStageArgs,
} from './distributor.types';

/** The distributor as the viewer's scope reads it, on the caller's transaction (one outside it answers like none). */
export async function visibleDistributor(em: EntityManager, scope: Scope, id: string): Promise<Distributor> {
  const found = isUuid(id)
    ? await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
        .andWhere('d.id = :id', { id })
        .getOne()
    : null;
  if (!found) throw notFound('Distributor');
  return found;
}

export class DistributorService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor');
  }

  /** A page by name, with what its rows name as `parts` asks: one statement (distributor-page.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: DistributorFilter = {},
    parts: DistributorPageParts = distributorPageParts(undefined),
  ): Promise<Page<DistributorNode>> {
    return paginateTree(
      this.listQuery(scope, filter),
      page,
      [
        { column: 'd.name', value: (d) => d.name },
        { column: 'd.id', value: (d) => d.id },
      ],
      'ASC',
      distributorPageTree(this.ds, scope, parts),
      (n) => n.distributor,
    );
  }

  /** The distributors list's rows before paging (the global search reads the same). */
  listQuery(scope: Scope, filter: DistributorFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.search) {
      qb.andWhere('(d.name ILIKE :search OR d.code ILIKE :search)', { search: containsPattern(filter.search) });
    }
    if (filter.stage) qb.andWhere('d.stage = :stage', { stage: filter.stage });
    if (filter.tier) qb.andWhere('d.tier = :tier', { tier: filter.tier });
    if (filter.regionId) {
      qb.andWhere(withinRegion('d.region_id'), { regionId: filter.regionId });
    }
    return qb;
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
  private async lockForChange(
    scope: Scope,
    em: EntityManager,
    id: string,
    expectedVersion: number,
  ): Promise<Distributor> {
    const distributor = await this.scoped(scope, em)
      .andWhere('d.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
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
        if (
          !(await this.scoped(scope, em)
            .andWhere('d.id = :id AND d.parent_id IS NULL', { id: input.parentId })
            .getCount())
        ) {
          throw badInput('parentId', 'Choose a first-tier distributor you can see');
        }
      }
      if (
        await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'brand')
          .andWhere('d.code = :code', { code: input.code })
          .getCount()
      ) {
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
      await audit(em, scope, 'CREATE', 'distributor', distributor.id, {
        name: input.name,
        code: input.code,
        regionId: region.id,
      });
      return distributor;
    });
  }

  async updateProfile(
    scope: Scope,
    id: string,
    expectedVersion: number,
    input: DistributorProfileInput,
  ): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.lockForChange(scope, em, id, expectedVersion);
      const changes = diff(distributor, input as Partial<Distributor>);
      if (input.classifications && input.classifications.join() === distributor.classifications.join())
        delete changes.classifications;
      if (Object.keys(changes).length === 0) return distributor;
      // a tier set on the profile applies from today through the tier history, like an approved re-tier
      if (changes.tier)
        await appendTier(
          em,
          {
            brandId: distributor.brandId,
            distributorId: id,
            tier: input.tier!,
            from: today(),
            proposalId: null,
            createdBy: scope.userId,
          },
          true,
        );
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

  /**
   * 账期: the days new invoices and shipments' receivables fall due after (what is already owed
   * keeps its due date). Asking again for the terms it already has changes nothing, whatever the
   * version: a retry after the first went through answers the same distributor.
   */
  async setPaymentTerms(scope: Scope, id: string, expectedVersion: number, days: number): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.scoped(scope, em)
        .andWhere('d.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!distributor) throw notFound('Distributor');
      if (distributor.paymentTermsDays === days) return distributor;
      assertVersion(distributor, expectedVersion, 'distributor');
      const changes = { paymentTermsDays: { from: distributor.paymentTermsDays, to: days } };
      distributor.paymentTermsDays = days;
      const saved = await em.save(distributor);
      await audit(em, scope, 'SET_PAYMENT_TERMS', 'distributor', id, changes);
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
      await audit(em, scope, 'MOVE_STAGE', 'distributor', distributor.id, {
        stage: { from, to: args.toStage },
        reason: args.reason,
      });
      return saved;
    });
  }

  async assignChannelManager(scope: Scope, args: AssignChannelManagerArgs): Promise<Distributor> {
    return this.ds.transaction(async (em) => {
      const distributor = await this.lockForChange(scope, em, args.distributorId, args.expectedVersion);
      const manager = await channelManager(em, scope, args.userId);
      const changes = diff(distributor, { channelManagerId: manager.id });
      if (Object.keys(changes).length === 0) return distributor;
      distributor.channelManagerId = manager.id;
      const saved = await em.save(distributor);
      await audit(em, scope, 'ASSIGN_CHANNEL_MANAGER', 'distributor', distributor.id, changes);
      return saved;
    });
  }

  /**
   * Many distributors to one channel manager, in one transaction: every id through the scope (one
   * that is foreign, missing or malformed answers NOT_FOUND for the field, and nothing changes),
   * the rows locked in id order, those already his left alone, one update and one audit row each
   * for the others. Statements do not grow with the selection.
   */
  async assignManyToChannelManager(scope: Scope, args: AssignDistributorsToChannelManagerArgs): Promise<Distributor[]> {
    const ids = [...new Set(args.distributorIds)];
    if (!ids.every(isUuid)) throw notVisible('distributor', 'distributorIds');
    return this.ds.transaction(async (em) => {
      const rows = await this.scoped(scope, em)
        .andWhere('d.id = ANY(:ids)', { ids })
        .orderBy('d.id')
        .setLock('pessimistic_write')
        .getMany();
      if (rows.length !== ids.length) throw notVisible('distributor', 'distributorIds');
      const manager = await channelManager(em, scope, args.userId);
      const moving = rows.filter((d) => d.channelManagerId !== manager.id);
      if (moving.length) {
        await em
          .createQueryBuilder()
          .update(Distributor)
          .set({ channelManagerId: manager.id })
          .where('id = ANY(:ids)', { ids: moving.map((d) => d.id) })
          .execute();
        await em.insert(
          AuditLog,
          moving.map((d) => ({
            brandId: scope.brandId,
            actorId: scope.userId,
            side: scope.side,
            action: 'ASSIGN_CHANNEL_MANAGER' satisfies AuditAction,
            entity: 'distributor',
            entityId: d.id,
            changes: {
              channelManagerId: { from: d.channelManagerId ?? null, to: manager.id },
            } as QueryDeepPartialEntity<Record<string, unknown>>,
          })),
        );
      }
      const after = await this.scoped(scope, em).andWhere('d.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(after.map((d) => [d.id, d]));
      return ids.map((id) => byId.get(id)!);
    });
  }
}

/**
 * The channel manager a distributor is given, read through the viewer's scope: someone the viewer
 * cannot see answers like no one; someone they see who is no active channel manager is refused.
 */
async function channelManager(em: EntityManager, scope: Scope, userId: string): Promise<User> {
  const manager = isUuid(userId)
    ? await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
        .andWhere('u.id = :id', { id: userId })
        .getOne()
    : null;
  if (!manager) throw notVisible('user', 'userId');
  if (manager.side !== Side.BRAND || manager.role !== Role.CHANNEL_MANAGER || manager.disabledAt) {
    throw badInput('userId', 'Choose an active channel manager of this brand');
  }
  return manager;
}
