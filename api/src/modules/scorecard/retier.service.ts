import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, ErrorReason, RetierStatus } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, badInput, illegal, notFound } from '../../common/errors';
import { isIsoDate, today } from '../../common/dates';
import { earlierByKey, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { appendTier, tierOnSql } from '../distributor';
import { RetierProposal } from './scorecard.entity';
import { indicated } from './scorecard.figures';
import type { ScorecardService } from './scorecard.service';

export interface ProposeRetierInput {
  distributorId: string;
  year: number;
  quarter: number;
  idempotencyKey: string;
}

export interface ReviewRetierInput {
  approve: boolean;
  effectiveFrom?: string | null;
  reason?: string | null;
  idempotencyKey: string;
}

/**
 * 调级: a re-tier proposed from a quarter's score against the brand's thresholds, reviewed by the
 * distributor's regional head. An approval appends the tier to the distributor's history from its
 * date (not before today), which the catalog and order pricing read (tierOnSql): orders placed
 * before keep their prices. Both moves are idempotent by request key and audited.
 */
export class RetierService {
  constructor(
    private readonly ds: DataSource,
    private readonly scorecards: ScorecardService,
  ) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(RetierProposal).createQueryBuilder('p'), scope, 'distributorOwned');
  }

  /** Proposals in view, newest first: of one status, of one distributor, or all. */
  list(
    scope: Scope,
    filter: { status?: RetierStatus | null; distributorId?: string | null },
  ): Promise<RetierProposal[]> {
    const qb = this.scoped(scope).orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(200);
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.distributorId) {
      if (!isUuid(filter.distributorId)) return Promise.resolve([]);
      qb.andWhere('p.distributor_id = :d', { d: filter.distributorId });
    }
    return qb.getMany();
  }

  private async tierOn(em: EntityManager, distributorId: string, on: string): Promise<number> {
    const [row] = await em.query(`SELECT ${tierOnSql('$1::uuid', '$2::date')}::int AS tier`, [distributorId, on]);
    return row.tier;
  }

  async propose(scope: Scope, input: ProposeRetierInput): Promise<RetierProposal> {
    const card = await this.scorecards.scorecard(scope, input.distributorId, input.year, input.quarter);
    const write = {
      hash: fingerprint({ d: card.distributor.id, y: input.year, q: input.quarter }),
      constraint: 'retier_proposal_request_key',
      earlier: (em: EntityManager) =>
        earlierByKey(em, RetierProposal, 'created_by', scope.userId, input.idempotencyKey),
      reused: () => keyReused('This request key proposed another re-tier'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        await em.query(`SELECT id FROM distributor WHERE id = $1 FOR UPDATE`, [card.distributor.id]);
        const open = await em.getRepository(RetierProposal).countBy({
          distributorId: card.distributor.id,
          status: RetierStatus.PROPOSED,
        });
        if (open) throw illegal('A re-tier of this distributor waits for review already');
        const tier = await this.tierOn(em, card.distributor.id, today());
        const move = indicated(card.score, tier, card.thresholds);
        if (!move)
          throw new AppError(
            ErrorCode.CONFLICT,
            `A score of ${card.score ?? '—'} lies between the thresholds (${card.thresholds.down}–${card.thresholds.up}) or the tier is at its end`,
            'quarter',
            ErrorReason.RETIER_NOT_INDICATED,
            { score: card.score },
          );
        const row = await em.save(
          em.create(RetierProposal, {
            brandId: scope.brandId,
            distributorId: card.distributor.id,
            year: input.year,
            quarter: input.quarter,
            score: card.score!,
            weightsVersion: card.weightsVersion,
            fromTier: tier,
            toTier: move.toTier,
            status: RetierStatus.PROPOSED,
            createdBy: scope.userId,
            requestKey: input.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await audit(em, scope, 'PROPOSE_RETIER', 'distributor', card.distributor.id, {
          proposalId: row.id,
          year: input.year,
          quarter: input.quarter,
          score: card.score,
          figures: card.figures.map((f) => ({ kind: f.kind, score: f.score, weight: f.weight })),
          from: tier,
          to: move.toTier,
        });
        return row.id;
      }),
    );
    return this.scoped(scope).andWhere('p.id = :id', { id }).getOneOrFail();
  }

  /** Approve (from a date, today or later) or reject; sent again with its key, answers the same. */
  async review(scope: Scope, id: string, input: ReviewRetierInput): Promise<RetierProposal> {
    const hash = fingerprint({ a: input.approve, f: input.effectiveFrom ?? null, r: input.reason ?? null });
    if (input.approve) {
      if (!isIsoDate(input.effectiveFrom)) throw badInput('effectiveFrom', 'Choose the date the new tier applies from');
      if (input.effectiveFrom < today()) throw badInput('effectiveFrom', 'A new tier applies from today or later');
    } else if (!input.reason?.trim()) throw badInput('reason', 'Say why the re-tier is rejected');
    await this.ds.transaction(async (em) => {
      const p = isUuid(id)
        ? await this.scoped(scope, em).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne()
        : null;
      if (!p) throw notFound('Re-tier proposal');
      if (p.status !== RetierStatus.PROPOSED) {
        if (p.reviewKey === input.idempotencyKey && p.reviewedBy === scope.userId) {
          if (p.reviewHash !== hash) throw keyReused('This request key reviewed the proposal otherwise');
          return;
        }
        throw illegal('The re-tier was reviewed already');
      }
      if (input.approve) {
        const from = input.effectiveFrom!;
        if ((await this.tierOn(em, p.distributorId, from)) !== p.fromTier)
          throw illegal('The distributor’s tier has changed since the proposal');
        await appendTier(em, {
          brandId: p.brandId,
          distributorId: p.distributorId,
          tier: p.toTier,
          from,
          proposalId: p.id,
          createdBy: scope.userId,
        });
        // the profile's tier is the one in force today; a later date's is moved on the day (applyTiersDue)
        if (from <= today())
          await em.query(`UPDATE distributor SET tier = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
            p.distributorId,
            p.toTier,
          ]);
      }
      await em.update(RetierProposal, p.id, {
        status: input.approve ? RetierStatus.APPROVED : RetierStatus.REJECTED,
        effectiveFrom: input.approve ? input.effectiveFrom! : null,
        reviewReason: input.reason?.trim() || null,
        reviewedBy: scope.userId,
        reviewedAt: new Date(),
        reviewKey: input.idempotencyKey,
        reviewHash: hash,
      });
      await audit(em, scope, input.approve ? 'APPROVE_RETIER' : 'REJECT_RETIER', 'distributor', p.distributorId, {
        proposalId: p.id,
        from: p.fromTier,
        to: p.toTier,
        effectiveFrom: input.effectiveFrom ?? null,
        reason: input.reason ?? null,
      });
    });
    return this.scoped(scope).andWhere('p.id = :id', { id }).getOneOrFail();
  }
}
