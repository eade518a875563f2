import { DataSource, EntityManager } from 'typeorm';
import { LedgerEntryKind, TargetStatus } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { badInput, illegal, notFound } from '../../common/errors';
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
import { Decimal } from '../../common/money';
import type { LedgerService } from '../ledger';
import { RebateBand, RebateOutcome, checkBands, quarterSellIn, rebateDifference, rebateFor } from './rebate.bands';
import { RebatePolicy, RebatePosting } from './rebate.entity';
import { SalesTarget } from './target.entity';
import type { TargetService } from './target.service';

/** A target's quarter as rebates read it: the agreed amount, the sell-in, the band and what is posted. */
export interface RebateQuarter extends RebateOutcome {
  target: SalesTarget;
  quarter: number;
  quarterAmount: string;
  sellIn: string;
  policy: RebatePolicy | null;
  /** the sum of the approvals' postings so far */
  posted: string;
  /** what an approval now would post (rebate − posted) */
  pending: string;
  /** whether the quarter has ended (China time), so that it may be approved */
  ended: boolean;
}

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** The last day of a quarter, "YYYY-MM-DD": the date a rebate is posted at (or the open period's first day). */
function quarterEnd(year: number, quarter: number): string {
  const lastMonth = quarter * 3;
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * 返利 on agreed targets. The brand sets a policy per line (bands, appended as versions); a
 * quarter's rebate is computed from the target's agreed quarter amount and the sell-in the target
 * module's own progress reads (TargetService.monthsOf). Finance approves a quarter: the difference
 * between what is due now and what earlier approvals posted goes to the ledger as a REBATE entry
 * (a credit; a claw-back when negative). Nothing due anew: nothing posted, so a retry doubles nothing.
 */
export class RebateService {
  constructor(
    private readonly ds: DataSource,
    private readonly targets: TargetService,
    private readonly ledger: LedgerService,
  ) {}

  private policies(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(RebatePolicy).createQueryBuilder('p'), scope, 'brand');
  }

  /** The current policy of each line (its latest version); of the given lines, or of all. */
  currentPolicies(scope: Scope, lineIds?: readonly string[], em?: EntityManager): Promise<RebatePolicy[]> {
    const qb = this.policies(scope, em)
      .distinctOn(['p.product_line_id'])
      .orderBy('p.product_line_id')
      .addOrderBy('p.version', 'DESC');
    if (lineIds) qb.andWhere('p.product_line_id = ANY(:lines)', { lines: lineIds });
    return qb.getMany();
  }

  private keyed(scope: Scope, idempotencyKey: string, fields: unknown): IdempotentWrite<KeyedRow> {
    return {
      hash: fingerprint(fields),
      constraint: 'rebate_policy_request_key',
      earlier: (em) => earlierByKey(em, RebatePolicy, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key set another policy'),
    };
  }

  /** A line's bands as its next policy version. */
  async setPolicy(
    scope: Scope,
    input: { productLineId: string; bands: RebateBand[]; idempotencyKey: string },
  ): Promise<RebatePolicy> {
    const bands = checkBands(input.bands);
    const write = this.keyed(scope, input.idempotencyKey, { l: input.productLineId, bands });
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        await visibleId(em, scope, 'productLine', input.productLineId, 'productLineId');
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('rebate_policy:' || $1))`, [input.productLineId]);
        const [{ last }] = await em.query(
          `SELECT COALESCE(MAX(version), 0) AS last FROM rebate_policy WHERE product_line_id = $1`,
          [input.productLineId],
        );
        const policy = await em.save(
          em.create(RebatePolicy, {
            brandId: scope.brandId,
            productLineId: input.productLineId,
            version: Number(last) + 1,
            bands,
            createdBy: scope.userId,
            requestKey: input.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await audit(em, scope, 'SET_REBATE_POLICY', 'rebate_policy', policy.id, {
          productLineId: policy.productLineId,
          version: policy.version,
          bands,
        });
        return policy.id;
      }),
    );
    return this.policies(scope).andWhere('p.id = :id', { id }).getOneOrFail();
  }

  /**
   * The quarter of each agreed target given (in view), in one pass over progress, versions, policies
   * and postings; read through `em` inside a write's transaction (which, on one connection, is the only way in).
   */
  async quartersOf(
    scope: Scope,
    targets: readonly SalesTarget[],
    quarter: number,
    em: EntityManager = this.ds.manager,
  ): Promise<RebateQuarter[]> {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('quarter', 'A quarter is 1 to 4');
    const agreed = targets.filter((t) => t.status === TargetStatus.AGREED);
    if (!agreed.length) return [];
    const ids = agreed.map((t) => t.id);
    const reads = [
      () => this.targets.monthsOf(scope, ids, em),
      () => this.targets.versionsOf(scope, ids, em),
      () => this.currentPolicies(scope, [...new Set(agreed.map((t) => t.productLineId))], em),
      () => this.postedOf(em, ids, quarter),
      () => this.endedYears(em, agreed, quarter),
    ] as const;
    // a transaction is one connection, which takes one query at a time: in turn there, at once on the pool
    const [months, versions, policies, posted, ended] = em.queryRunner
      ? ([await reads[0](), await reads[1](), await reads[2](), await reads[3](), await reads[4]()] as const)
      : await Promise.all([reads[0](), reads[1](), reads[2](), reads[3](), reads[4]()]);
    return agreed.map((t) => {
      const current = versions.find((v) => v.targetId === t.id)!; // newest first
      const quarterAmount = current[QUARTERS[quarter - 1]];
      const sellIn = quarterSellIn(months, t.id, quarter);
      const policy = policies.find((p) => p.productLineId === t.productLineId) ?? null;
      const outcome: RebateOutcome = policy
        ? rebateFor(policy.bands, quarterAmount, sellIn)
        : { attainment: null, band: null, rebate: '0.00', nextBand: null, moreToNext: null };
      const sum = posted.get(t.id) ?? '0.00';
      return {
        ...outcome,
        target: t,
        quarter,
        quarterAmount: new Decimal(quarterAmount).toFixed(2),
        sellIn,
        policy,
        posted: sum,
        pending: rebateDifference(outcome.rebate, [sum]),
        ended: ended.has(t.year),
      };
    });
  }

  private async postedOf(
    em: EntityManager,
    targetIds: readonly string[],
    quarter: number,
  ): Promise<Map<string, string>> {
    const rows: { targetId: string; sum: string }[] = await em.query(
      `SELECT target_id AS "targetId", SUM(amount)::numeric(18,2)::text AS sum FROM rebate_posting
        WHERE target_id = ANY($1) AND quarter = $2 GROUP BY target_id`,
      [targetIds, quarter],
    );
    return new Map(rows.map((r) => [r.targetId, r.sum]));
  }

  /** The years (of the targets) whose quarter has ended in China time. */
  private async endedYears(em: EntityManager, targets: readonly SalesTarget[], quarter: number): Promise<Set<number>> {
    const years = [...new Set(targets.map((t) => t.year))];
    const rows: { year: number }[] = await em.query(
      `SELECT y AS year FROM unnest($1::int[]) y
        WHERE make_timestamptz(y + ($2::int * 3) / 12, ($2::int * 3) % 12 + 1, 1, 0, 0, 0, 'Asia/Shanghai') <= now()`,
      [years, quarter],
    );
    return new Set(rows.map((r) => Number(r.year)));
  }

  /** The agreed targets of a year in view (of one distributor, or all), with their quarter. */
  async quarter(scope: Scope, year: number, quarter: number, distributorId?: string): Promise<RebateQuarter[]> {
    const targets = await this.targets.list(scope, { year, distributorId });
    return this.quartersOf(scope, targets, quarter);
  }

  /**
   * Finance approves an ended quarter of an agreed target: what is due now less what was posted
   * goes to the ledger (dated the quarter's last day; a closed month moves it to the open period).
   * Under the target's lock, so two approvals never post the same difference twice; the posting
   * keeps the request key, so a retry of an approval answers it and posts nothing again.
   */
  async approve(
    scope: Scope,
    input: { targetId: string; quarter: number; idempotencyKey: string },
  ): Promise<RebateQuarter> {
    const { targetId, quarter } = input;
    if (!isUuid(targetId)) throw notFound('Target');
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint({ t: targetId, q: quarter }),
      constraint: 'rebate_posting_request_key',
      earlier: (em) => earlierByKey(em, RebatePosting, 'created_by', scope.userId, input.idempotencyKey),
      reused: () => keyReused('This request key approved another quarter'),
    };
    await idempotent(this.ds, write, async (em) => {
      const target = await applyScope(em.getRepository(SalesTarget).createQueryBuilder('t'), scope, 'distributorOwned')
        .andWhere('t.id = :id', { id: targetId })
        .setLock('pessimistic_write')
        .getOne();
      if (!target) throw notFound('Target');
      return replayOrInsert(em, write, () => this.post(em, scope, target, quarter, write.hash, input.idempotencyKey));
    });
    const [after] = await this.quartersOf(scope, [await this.targets.get(scope, targetId)], quarter);
    return after;
  }

  /** Posts what is due now less what was posted (nothing when that is zero); the posting's id, or the target's. */
  private async post(
    em: EntityManager,
    scope: Scope,
    target: SalesTarget,
    quarter: number,
    requestHash: string,
    requestKey: string,
  ): Promise<string> {
    const [q] = await this.quartersOf(scope, [target], quarter, em);
    if (!q) throw illegal('Only an agreed target earns a rebate');
    if (!q.ended) throw illegal('The quarter has not ended yet');
    if (!q.policy) throw illegal('The product line has no rebate policy');
    if (new Decimal(q.pending).isZero()) return target.id;
    const [{ last }] = await em.query(
      `SELECT COALESCE(MAX(number), 0) AS last FROM rebate_posting WHERE target_id = $1 AND quarter = $2`,
      [target.id, quarter],
    );
    const posting = await em.save(
      em.create(RebatePosting, {
        brandId: target.brandId,
        distributorId: target.distributorId,
        targetId: target.id,
        quarter,
        number: Number(last) + 1,
        policyId: q.policy.id,
        quarterAmount: q.quarterAmount,
        sellIn: q.sellIn,
        rate: q.band?.rate ?? '0.0000',
        due: q.rebate,
        amount: q.pending,
        currency: target.currency,
        createdBy: scope.userId,
        requestKey,
        requestHash,
      }),
    );
    await this.ledger.append(em, {
      brandId: target.brandId,
      distributorId: target.distributorId,
      kind: LedgerEntryKind.REBATE,
      amount: new Decimal(q.pending).negated().toFixed(2),
      currency: target.currency,
      occurredOn: quarterEnd(target.year, quarter),
      sourceType: 'rebate_posting',
      sourceId: posting.id,
      memo: `返利 ${target.year}Q${quarter}`,
      createdBy: scope.userId,
    });
    await audit(em, scope, 'APPROVE_REBATE', 'sales_target', target.id, {
      quarter,
      number: posting.number,
      due: posting.due,
      amount: posting.amount,
    });
    return posting.id;
  }
}
