import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, OrderStatus, TargetStatus, TargetVersionKind } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
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
import { Decimal } from '../../common/money';
import { assertVersion } from '../../common/versioning';
import { PotentialService } from './potential.service';
import { SeriesRow, seriesSql } from './target-series';
import { SalesTarget, SalesTargetVersion } from './target.entity';
import { CounterTargetInput, ProposeTargetInput, TargetFilter } from './target.types';

/** Orders that count as sell-in: approved, and everything after it but a cancellation. */
const SELL_IN_STATUSES = [
  OrderStatus.APPROVED,
  OrderStatus.PARTIALLY_SHIPPED,
  OrderStatus.SHIPPED,
  OrderStatus.DELIVERED,
  OrderStatus.CLOSED,
];

export interface MonthRow {
  targetId: string;
  month: string;
  amount: string;
}

const locked = () =>
  new AppError(ErrorCode.CONFLICT, 'This target is agreed and locked', undefined, ErrorReason.TARGET_LOCKED);

/** A yearly amount split into four quarters to the cent; the last takes what the division leaves. */
export function evenQuarters(yearly: string): string[] {
  const q = new Decimal(yearly).dividedBy(4).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return [q, q, q, new Decimal(yearly).minus(q.times(3))].map((d) => d.toFixed(2));
}

/**
 * Targets (目标) per distributor, product line and year, seen as the distributor's records
 * (auth/scope.ts, `distributorOwned`). The brand proposes (potential × share); the owner accepts
 * or counters with a reason; the brand proposes again or agrees. Every proposal and counter is a
 * version appended; once agreed the target is locked (TARGET_LOCKED).
 */
export class TargetService {
  constructor(
    private readonly ds: DataSource,
    private readonly potentials: PotentialService,
  ) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(SalesTarget).createQueryBuilder('t'), scope, 'distributorOwned');
  }

  async get(scope: Scope, id: string): Promise<SalesTarget> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('t.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Target');
    return found;
  }

  /** A year's targets of the distributors in view (or of one), by distributor and line. */
  async list(scope: Scope, filter: TargetFilter): Promise<SalesTarget[]> {
    if (filter.distributorId) await this.potentials.distributorInView(scope, filter.distributorId);
    const qb = this.scoped(scope).andWhere('t.year = :year', { year: filter.year });
    if (filter.distributorId) qb.andWhere('t.distributor_id = :d', { d: filter.distributorId });
    return qb.orderBy('t.distributor_id').addOrderBy('t.product_line_id').limit(200).getMany();
  }

  /** Every version of the targets, newest first; one statement. */
  versionsOf(scope: Scope, ids: readonly string[], em: EntityManager = this.ds.manager): Promise<SalesTargetVersion[]> {
    const visible = this.scoped(scope, em).select('t.id').andWhere('t.id = ANY(:ids)', { ids });
    return em
      .getRepository(SalesTargetVersion)
      .createQueryBuilder('v')
      .where(`v.target_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('v.number', 'DESC')
      .getMany();
  }

  /** Sell-in per target and month (China time) in the target's currency: the lines of its line's products at their current prices. */
  monthsOf(scope: Scope, ids: readonly string[], em: EntityManager = this.ds.manager): Promise<MonthRow[]> {
    const visible = this.scoped(scope, em).select('t.id').andWhere('t.id = ANY(:ids)', { ids });
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT st.id AS "targetId", to_char(o.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              SUM(l.quantity * COALESCE(adj.to_unit_price, l.unit_price))::numeric(18,2)::text AS amount
         FROM sales_target st
         JOIN purchase_order o ON o.distributor_id = st.distributor_id AND o.brand_id = st.brand_id
          AND o.currency = st.currency AND o.status = ANY(:statuses)
          AND o.submitted_at >= make_timestamptz(st.year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
          AND o.submitted_at < make_timestamptz(st.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
         JOIN order_line l ON l.order_id = o.id
         JOIN product p ON p.id = l.product_id AND p.product_line_id = st.product_line_id
         LEFT JOIN LATERAL (SELECT a.to_unit_price FROM order_price_adjustment a WHERE a.order_line_id = l.id
           ORDER BY a.created_at DESC, a.id DESC LIMIT 1) adj ON TRUE
        WHERE st.id IN (${visible.getQuery()})
        GROUP BY st.id, month ORDER BY st.id, month`,
      { ...visible.getParameters(), statuses: SELL_IN_STATUSES },
    );
    return em.query(sql, params);
  }

  /** Each target's twelve months of sell-in and reported sell-out (target-series.ts); one statement. */
  seriesOf(scope: Scope, ids: readonly string[]): Promise<SeriesRow[]> {
    const visible = this.scoped(scope).select('t.id').andWhere('t.id = ANY(:ids)', { ids });
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(seriesSql(visible.getQuery()), {
      ...visible.getParameters(),
      statuses: SELL_IN_STATUSES,
    });
    return this.ds.query(sql, params);
  }

  private async lockedTarget(em: EntityManager, scope: Scope, id: string): Promise<SalesTarget> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('t.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Target');
    return found;
  }

  private async appendVersion(
    em: EntityManager,
    scope: Scope,
    target: SalesTarget,
    v: Pick<SalesTargetVersion, 'kind' | 'potential' | 'share' | 'reason'> & { quarters: string[] },
    key: { idempotencyKey: string; hash: string },
  ): Promise<SalesTargetVersion> {
    const [{ last }] = await em.query(
      `SELECT COALESCE(MAX(number), 0) AS last FROM sales_target_version WHERE target_id = $1`,
      [target.id],
    );
    const [q1, q2, q3, q4] = v.quarters.map((q) => new Decimal(q).toFixed(2));
    const yearly = v.quarters.reduce((sum, q) => sum.plus(q), new Decimal(0)).toFixed(2);
    return em.save(
      em.create(SalesTargetVersion, {
        brandId: scope.brandId,
        targetId: target.id,
        number: Number(last) + 1,
        kind: v.kind,
        potential: v.potential,
        share: v.share,
        yearly,
        q1,
        q2,
        q3,
        q4,
        currency: target.currency,
        reason: v.reason,
        createdBy: scope.userId,
        requestKey: key.idempotencyKey,
        requestHash: key.hash,
      }),
    );
  }

  private keyed(scope: Scope, idempotencyKey: string, fields: unknown): IdempotentWrite<KeyedRow> {
    return {
      hash: fingerprint(fields),
      constraint: 'sales_target_version_request_key',
      earlier: (em) => earlierByKey(em, SalesTargetVersion, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key made another version'),
    };
  }

  private async targetOfVersion(scope: Scope, versionId: string): Promise<SalesTarget> {
    const v = await this.ds.getRepository(SalesTargetVersion).findOneByOrFail({ id: versionId });
    return this.get(scope, v.targetId);
  }

  /**
   * The brand's proposal: the distributor's potential for the line × the share (or an amount set
   * by hand), split evenly over the quarters. A first proposal makes the target; a later one (after
   * a counter) is its next version, at the version seen. Agreed: TARGET_LOCKED.
   */
  async propose(scope: Scope, input: ProposeTargetInput): Promise<SalesTarget> {
    const { idempotencyKey, ...fields } = input;
    const write = this.keyed(scope, idempotencyKey, fields);
    const versionId = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        await visibleId(em, scope, 'distributor', fields.distributorId, 'distributorId');
        await visibleId(em, scope, 'productLine', fields.productLineId, 'productLineId');
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('target:' || $1 || ':' || $2 || ':' || $3))`, [
          fields.distributorId,
          fields.productLineId,
          fields.year,
        ]);
        const [sums] = await this.potentials.ofDistributor(
          em,
          scope.brandId,
          fields.distributorId,
          fields.productLineId,
        );
        const potential = sums ? new Decimal(sums.consumables).plus(sums.equipment).toFixed(2) : null;
        const share = new Decimal(fields.share);
        if (share.lte(0)) throw badInput('share', 'The share is above 0');
        const yearly =
          fields.yearlyAmount ??
          (potential ? new Decimal(potential).times(share).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null);
        if (yearly === null)
          throw badInput('productLineId', 'No potential is recorded for this line at the distributor’s hospitals');
        let target = await em.findOne(SalesTarget, {
          where: { distributorId: fields.distributorId, productLineId: fields.productLineId, year: fields.year },
          lock: { mode: 'pessimistic_write' },
        });
        if (target) {
          if (target.status === TargetStatus.AGREED) throw locked();
          assertVersion(target, fields.expectedVersion ?? -1, 'target');
          target.status = TargetStatus.PROPOSED;
          target = await em.save(target);
        } else {
          target = await em.save(
            em.create(SalesTarget, {
              brandId: scope.brandId,
              distributorId: fields.distributorId,
              productLineId: fields.productLineId,
              year: fields.year,
              status: TargetStatus.PROPOSED,
              currency: sums?.currency ?? 'CNY',
              agreedAt: null,
              agreedBy: null,
              createdBy: scope.userId,
            }),
          );
        }
        const version = await this.appendVersion(
          em,
          scope,
          target,
          {
            kind: TargetVersionKind.PROPOSAL,
            potential,
            share: share.toFixed(4),
            reason: null,
            quarters: evenQuarters(yearly),
          },
          { idempotencyKey, hash: write.hash },
        );
        await audit(em, scope, 'PROPOSE_TARGET', 'sales_target', target.id, {
          version: version.number,
          potential,
          share: version.share,
          yearly: version.yearly,
        });
        return version.id;
      }),
    );
    return this.targetOfVersion(scope, versionId);
  }

  /** The owner's counter to the brand's latest proposal: his quarters and his reason, as the next version. */
  async counter(scope: Scope, id: string, input: CounterTargetInput): Promise<SalesTarget> {
    const { idempotencyKey, ...fields } = input;
    const write = this.keyed(scope, idempotencyKey, { id, ...fields });
    const versionId = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const target = await this.lockedTarget(em, scope, id);
        if (target.status === TargetStatus.AGREED) throw locked();
        assertVersion(target, fields.expectedVersion, 'target');
        if (target.status !== TargetStatus.PROPOSED) throw illegal('Only a proposed target is countered');
        const reason = fields.reason.trim();
        if (!reason) throw badInput('reason', 'Say why you counter');
        target.status = TargetStatus.COUNTERED;
        await em.save(target);
        const version = await this.appendVersion(
          em,
          scope,
          target,
          { kind: TargetVersionKind.COUNTER, potential: null, share: null, reason, quarters: fields.quarters },
          { idempotencyKey, hash: write.hash },
        );
        await audit(em, scope, 'COUNTER_TARGET', 'sales_target', target.id, {
          version: version.number,
          yearly: version.yearly,
          reason,
        });
        return version.id;
      }),
    );
    return this.targetOfVersion(scope, versionId);
  }

  /**
   * Agreed, at the version seen: the owner accepts the brand's proposal (PROPOSED), or the brand
   * agrees to the owner's counter (COUNTERED). Sent again: already so.
   */
  async agree(scope: Scope, id: string, expectedVersion: number, from: TargetStatus): Promise<SalesTarget> {
    await this.ds.transaction(async (em) => {
      const target = await this.lockedTarget(em, scope, id);
      if (target.status === TargetStatus.AGREED && target.version === expectedVersion + 1) return;
      if (target.status === TargetStatus.AGREED) throw locked();
      assertVersion(target, expectedVersion, 'target');
      if (target.status !== from)
        throw illegal(
          from === TargetStatus.PROPOSED ? 'Only a proposed target is accepted' : 'Only a countered target is agreed',
        );
      Object.assign(target, { status: TargetStatus.AGREED, agreedAt: new Date(), agreedBy: scope.userId });
      await em.save(target);
      await audit(em, scope, 'AGREE_TARGET', 'sales_target', target.id, { from });
    });
    return this.get(scope, id);
  }
}
