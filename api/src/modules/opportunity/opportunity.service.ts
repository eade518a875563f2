import { DataSource, EntityManager } from 'typeorm';
import { OPPORTUNITY_TRANSITIONS, OpportunityStage, RegistrationStatus, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId, visibleIds } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, illegal, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  earlierByKey,
  fingerprint,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, newestFirstKey, paginateTree } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { today } from '../../common/dates';
import { withinRegion } from '../region';
import { money } from '../product';
import { DealRegistration, Opportunity, OpportunityStageFact } from './opportunity.entity';
import { OpportunityFilter, OpportunityFunnelStageType } from './opportunity.types';
import { CreateOpportunityInput, MoveOpportunityInput } from './opportunity.inputs';
import { OpportunityNode, OpportunityPageParts, opportunityPageParts, opportunityPageTree } from './opportunity-page';
import { funnelCount, funnelRows } from './opportunity-funnel';

/** The latest registration's status as the screens read it: an approved one past its last day is EXPIRED. */
export const registrationStatusOn = (r: Pick<DealRegistration, 'status' | 'protectedUntil'>, on: string) =>
  r.status === RegistrationStatus.APPROVED && r.protectedUntil! < on ? RegistrationStatus.EXPIRED : r.status;

/** registrationStatusOn() of an opportunity's latest registration, as SQL over opportunity `o`. */
const LATEST_REGISTRATION_STATUS = `(SELECT CASE WHEN lr.status = 'APPROVED' AND lr.protected_until < :reg_today::date THEN 'EXPIRED' ELSE lr.status END
  FROM deal_registration lr WHERE lr.opportunity_id = o.id ORDER BY lr.created_at DESC, lr.id DESC LIMIT 1)`;

/**
 * Opportunities (机会点): captured, listed in the viewer's scope (auth/scope.ts, `opportunity`),
 * counted by stage, and moved through their stages, each stage reached appended as a fact.
 */
export class OpportunityService {
  constructor(private readonly ds: DataSource) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Opportunity).createQueryBuilder('o'), scope, 'opportunity');
  }

  /** The scoped opportunities the filter keeps; the stage only when `withStage` (the funnel counts every stage). */
  private filtered(scope: Scope, filter: OpportunityFilter, withStage: boolean) {
    const qb = this.scoped(scope);
    if (withStage && filter.stage) qb.andWhere('o.stage = :stage', { stage: filter.stage });
    if (filter.distributorId) qb.andWhere('o.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.mine) qb.andWhere('o.owner_id = :me', { me: scope.userId });
    if (filter.regionId)
      qb.andWhere(
        `o.hospital_id IN (SELECT fh.id FROM hospital fh WHERE ${withinRegion('fh.region_id', 'regionId')})`,
        {
          regionId: filter.regionId,
        },
      );
    if (filter.search) {
      qb.andWhere(
        `(o.need ILIKE :s OR o.hospital_id IN (SELECT sh.id FROM hospital sh WHERE sh.brand_id = o.brand_id AND sh.name ILIKE :s)
          OR o.department_id IN (SELECT sd.id FROM hospital_department sd WHERE sd.brand_id = o.brand_id AND sd.name ILIKE :s))`,
        { s: containsPattern(filter.search) },
      );
    }
    if (filter.registration)
      qb.andWhere(`${LATEST_REGISTRATION_STATUS} = :registration`, {
        registration: filter.registration,
        reg_today: today(),
      });
    return qb;
  }

  /** A page of the list, newest first, with what its rows name as `parts` asks: one statement (opportunity-page.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: OpportunityFilter = {},
    parts: OpportunityPageParts = opportunityPageParts(undefined),
  ): Promise<Page<OpportunityNode>> {
    const tree = opportunityPageTree(this.ds, scope, parts);
    // the total from the funnel summary when it holds exactly the list's rows (opportunity-funnel.ts)
    const summary = funnelRows(scope, filter, true);
    return paginateTree(
      this.filtered(scope, filter, true),
      page,
      [
        // created_at holds milliseconds, as the cursor does: the column and its truncation are one value
        {
          column: newestFirstKey(scope.side, 'o.created_at', "date_trunc('milliseconds', o.created_at)"),
          value: (o) => o.createdAt.toISOString(),
        },
        { column: 'o.id', value: (o) => o.id },
      ],
      'DESC',
      summary ? { ...tree, total: funnelCount(summary), params: { ...tree.params, ...summary.params } } : tree,
      (n) => n.opportunity,
    );
  }

  /**
   * Count and value by stage, over exactly what the list shows for the same filter (stage aside). One
   * statement: over the funnel summary when it holds exactly those opportunities (opportunity-funnel.ts),
   * else over the opportunities themselves.
   */
  async funnel(scope: Scope, filter: OpportunityFilter = {}): Promise<OpportunityFunnelStageType[]> {
    const summary = funnelRows(scope, filter, false);
    const rows: Array<{ stage: OpportunityStage; currency: string; count: number; amount: string }> = summary
      ? await this.ds
          .createQueryBuilder()
          .select('f.stage', 'stage')
          .addSelect('f.currency', 'currency')
          .addSelect('SUM(f.n)::int', 'count')
          .addSelect('SUM(f.amount)::text', 'amount')
          .from('opportunity_funnel', 'f')
          .where(summary.where, summary.params)
          .groupBy('f.stage')
          .addGroupBy('f.currency')
          // a stage whose opportunities all moved on keeps its row, at zero
          .having('SUM(f.n) > 0')
          .orderBy('f.currency')
          .getRawMany()
      : await this.filtered(scope, filter, false)
          .select('o.stage', 'stage')
          .addSelect('o.currency', 'currency')
          .addSelect('COUNT(*)::int', 'count')
          .addSelect('SUM(o.estimated_value)::text', 'amount')
          .groupBy('o.stage')
          .addGroupBy('o.currency')
          .orderBy('o.currency')
          .getRawMany();
    return Object.values(OpportunityStage).map((stage) => {
      const of = rows.filter((r) => r.stage === stage);
      return {
        stage,
        count: of.reduce((n, r) => n + r.count, 0),
        values: of.map((r) => money(r.amount, r.currency)),
      };
    });
  }

  async get(scope: Scope, id: string): Promise<Opportunity> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('o.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Opportunity');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Opportunity[]> {
    return this.scoped(scope).andWhere('o.id = ANY(:ids)', { ids }).getMany();
  }

  /** The opportunity in the viewer's scope, locked for a change. */
  async locked(em: EntityManager, scope: Scope, id: string): Promise<Opportunity> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('o.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Opportunity');
    return found;
  }

  /** The stages each opportunity reached, oldest first (through the opportunities' scope). */
  stagesByOpportunityIds(scope: Scope, ids: readonly string[]): Promise<OpportunityStageFact[]> {
    const visible = this.scoped(scope).select('o.id').andWhere('o.id = ANY(:ids)', { ids });
    return this.ds
      .getRepository(OpportunityStageFact)
      .createQueryBuilder('f')
      .where(`f.opportunity_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('f.created_at')
      .addOrderBy('f.id')
      .getMany();
  }

  /** The opportunities' registrations, latest first (through the opportunities' scope; a handful each). */
  registrationsByOpportunityIds(scope: Scope, ids: readonly string[]): Promise<DealRegistration[]> {
    const visible = this.scoped(scope).select('o.id').andWhere('o.id = ANY(:ids)', { ids });
    return this.ds
      .getRepository(DealRegistration)
      .createQueryBuilder('r')
      .where(`r.opportunity_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
  }

  /** A new opportunity at a hospital and department the viewer sees; the same request key answers the first one again. */
  async create(scope: Scope, input: CreateOpportunityInput): Promise<Opportunity> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'opportunity_request_key',
      earlier: (em) => earlierByKey(em, Opportunity, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key created another opportunity'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const distributorId = await this.workingDistributor(em, scope, fields.distributorId);
        await visibleId(em, scope, 'hospital', fields.hospitalId, 'hospitalId');
        const [dept] = isUuid(fields.departmentId)
          ? await em.query(`SELECT 1 FROM hospital_department WHERE id = $1 AND hospital_id = $2`, [
              fields.departmentId,
              fields.hospitalId,
            ])
          : [];
        if (!dept) throw new AppError(ErrorCode.NOT_FOUND, 'Department not found', 'departmentId');
        await visibleId(em, scope, 'productLine', fields.productLineId, 'productLineId');
        const productIds = await visibleIds(em, scope, 'product', fields.productIds, 'productIds');
        if (productIds.length) {
          const [{ n }] = await em.query(
            `SELECT count(*)::int AS n FROM product WHERE id = ANY($1) AND product_line_id = $2`,
            [productIds, fields.productLineId],
          );
          if (n !== productIds.length) throw badInput('productIds', 'Name products of the opportunity’s line only');
        }
        const saved = await em.save(
          em.create(Opportunity, {
            brandId: scope.brandId,
            hospitalId: fields.hospitalId,
            departmentId: fields.departmentId,
            productLineId: fields.productLineId,
            productIds,
            need: fields.need.trim(),
            estimatedValue: fields.estimatedValue,
            currency: fields.currency,
            expectedMonth: fields.expectedMonth ?? null,
            competitor: fields.competitor?.trim() || null,
            ownerId: scope.userId,
            distributorId,
            stage: OpportunityStage.LEAD,
            lostReason: null,
            lostTo: null,
            createdBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        await em.insert(OpportunityStageFact, {
          brandId: scope.brandId,
          opportunityId: saved.id,
          stage: OpportunityStage.LEAD,
          recordedBy: scope.userId,
        });
        await audit(em, scope, 'CREATE', 'opportunity', saved.id, { ...fields, productIds, distributorId });
        return saved.id;
      }),
    );
    return this.get(scope, id);
  }

  /** A partner's opportunity is its own distributor's (an owner may name his second tier); a brand user's names one or none. */
  private async workingDistributor(
    em: EntityManager,
    scope: Scope,
    distributorId: string | null | undefined,
  ): Promise<string | null> {
    if (distributorId) return visibleId(em, scope, 'distributor', distributorId, 'distributorId');
    return scope.side === Side.PARTNER ? scope.distributorId : null;
  }

  /** The next stage, at the version the user saw; a lost deal says why. The stage reached is appended as a fact. */
  async move(scope: Scope, id: string, input: MoveOpportunityInput): Promise<Opportunity> {
    return this.ds.transaction(async (em) => {
      const opportunity = await this.locked(em, scope, id);
      assertVersion(opportunity, input.expectedVersion, 'opportunity');
      if (!OPPORTUNITY_TRANSITIONS[opportunity.stage].includes(input.stage))
        throw illegal(`An opportunity does not move from ${opportunity.stage} to ${input.stage}`);
      const note = input.note?.trim() || null;
      const lost = input.stage === OpportunityStage.LOST;
      if (lost && !note) throw badInput('note', 'Say why the deal was lost');
      return this.advanceIn(em, scope, opportunity, input.stage, note, lost ? input.lostTo?.trim() || null : null);
    });
  }

  /**
   * Moves a locked opportunity (locked()) to a stage its transitions allow, inside the caller's
   * transaction, appending the fact and the audit row: how another module (a tender won) moves it.
   */
  async advanceIn(
    em: EntityManager,
    scope: Scope,
    opportunity: Opportunity,
    stage: OpportunityStage,
    note: string | null = null,
    lostTo: string | null = null,
  ): Promise<Opportunity> {
    if (!OPPORTUNITY_TRANSITIONS[opportunity.stage].includes(stage))
      throw illegal(`An opportunity does not move from ${opportunity.stage} to ${stage}`);
    const lost = stage === OpportunityStage.LOST;
    Object.assign(opportunity, { stage, lostReason: lost ? note : null, lostTo });
    const saved = await em.save(opportunity);
    await em.insert(OpportunityStageFact, {
      brandId: scope.brandId,
      opportunityId: opportunity.id,
      stage,
      note,
      lostTo,
      recordedBy: scope.userId,
    });
    await audit(em, scope, 'MOVE_STAGE', 'opportunity', opportunity.id, { stage, note, lostTo });
    return saved;
  }
}
