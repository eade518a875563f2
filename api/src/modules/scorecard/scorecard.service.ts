import { DataSource, EntityManager } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { today } from '../../common/dates';
import { earlierByKey, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { Decimal } from '../../common/money';
import type { Distributor, DistributorService } from '../distributor';
import { ScorecardWeights } from './scorecard.entity';
import {
  DEFAULT_THRESHOLDS,
  DEFAULT_WEIGHTS,
  FIGURE_KINDS,
  Figure,
  Weights,
  figuresOf,
  indicated,
  quarterWindow,
  totalScore,
} from './scorecard.figures';
import { QuarterWindow, scorecardInputs } from './scorecard.sql';

/** A distributor's quarter: its figures with their inputs, the weighted score and the re-tier it indicates. */
export interface Scorecard extends QuarterWindow {
  distributor: Distributor;
  tier: number;
  figures: Figure[];
  score: string | null;
  weightsVersion: number | null;
  thresholds: { up: string; down: string };
  indicated: ReturnType<typeof indicated>;
}

export interface WeightsInput {
  weights: { kind: string; weight: number }[];
  upThreshold: string;
  downThreshold: string;
  idempotencyKey: string;
}

const THRESHOLD = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * 经销商评分: a distributor's quarterly scorecard, read in one statement (scorecard.sql.ts) and
 * weighted by the brand's current weights (versions appended, audited).
 */
export class ScorecardService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
  ) {}

  /** The brand's current weights, or none (then every figure weighs alike). */
  currentWeights(scope: Scope, em: EntityManager = this.ds.manager): Promise<ScorecardWeights | null> {
    return applyScope(em.getRepository(ScorecardWeights).createQueryBuilder('w'), scope, 'brand')
      .orderBy('w.version', 'DESC')
      .getOne();
  }

  async setWeights(scope: Scope, input: WeightsInput): Promise<ScorecardWeights> {
    const weights = { ...DEFAULT_WEIGHTS };
    const seen = new Set<string>();
    input.weights.forEach((w, i) => {
      if (!FIGURE_KINDS.includes(w.kind as never) || seen.has(w.kind))
        throw badInput(`weights.${i}.kind`, 'Each figure is weighted once');
      if (!Number.isInteger(w.weight) || w.weight < 0 || w.weight > 100)
        throw badInput(`weights.${i}.weight`, 'A weight is a whole number from 0 to 100');
      seen.add(w.kind);
      weights[w.kind as keyof Weights] = w.weight;
    });
    if (seen.size !== FIGURE_KINDS.length) throw badInput('weights', 'Weigh every figure (0 leaves one out)');
    if (!Object.values(weights).some((w) => w > 0)) throw badInput('weights', 'At least one figure must weigh');
    for (const field of ['upThreshold', 'downThreshold'] as const) {
      if (!THRESHOLD.test(input[field]) || new Decimal(input[field]).gt(100))
        throw badInput(field, 'A threshold is a score from 0 to 100');
    }
    if (new Decimal(input.downThreshold).gte(input.upThreshold))
      throw badInput('downThreshold', 'The threshold down must lie below the threshold up');
    const fields = {
      weights,
      up: new Decimal(input.upThreshold).toFixed(2),
      down: new Decimal(input.downThreshold).toFixed(2),
    };
    const write = {
      hash: fingerprint(fields),
      constraint: 'scorecard_weights_request_key',
      earlier: (em: EntityManager) =>
        earlierByKey(em, ScorecardWeights, 'created_by', scope.userId, input.idempotencyKey),
      reused: () => keyReused('This request key set other weights'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('scorecard_weights:' || $1))`, [scope.brandId]);
        const last = await this.currentWeights(scope, em);
        const row = await em.save(
          em.create(ScorecardWeights, {
            brandId: scope.brandId,
            version: (last?.version ?? 0) + 1,
            weights,
            upThreshold: fields.up,
            downThreshold: fields.down,
            createdBy: scope.userId,
            requestKey: input.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await audit(em, scope, 'SET_SCORECARD_WEIGHTS', 'scorecard_weights', row.id, {
          version: row.version,
          ...fields,
        });
        return row.id;
      }),
    );
    return this.ds.getRepository(ScorecardWeights).findOneByOrFail({ id });
  }

  /** The scorecard of a distributor in view (the partner: his own when none is named) for a quarter. */
  async scorecard(
    scope: Scope,
    distributorId: string | null | undefined,
    year: number,
    quarter: number,
  ): Promise<Scorecard> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'A year from 2000 to 2100');
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('quarter', 'A quarter is 1 to 4');
    const id = distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
    if (!id) throw badInput('distributorId', 'Choose the distributor');
    const [distributor] = await this.distributors.byIds(scope, [id]);
    if (!distributor) throw notFound('Distributor');
    const [weights, w] = [await this.currentWeights(scope), quarterWindow(year, quarter, today())];
    const [row] = await scorecardInputs(this.ds.manager, scope.brandId, [distributor.id], w);
    const figures = figuresOf(row, w, weights?.weights ?? DEFAULT_WEIGHTS);
    const score = totalScore(figures);
    const thresholds = weights ? { up: weights.upThreshold, down: weights.downThreshold } : DEFAULT_THRESHOLDS;
    return {
      ...w,
      distributor,
      tier: row.tier,
      figures,
      score,
      weightsVersion: weights?.version ?? null,
      thresholds,
      indicated: indicated(score, row.tier, thresholds),
    };
  }
}
