import { Column, Entity } from 'typeorm';
import { RetierStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';
import type { Weights } from './scorecard.figures';

/** The brand's weights of the scorecard's figures and its re-tier thresholds: one version per change, never changed. */
@Entity('scorecard_weights')
export class ScorecardWeights extends TenantEntity {
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  weights: Weights;

  @Column({ name: 'up_threshold', type: 'numeric', precision: 5, scale: 2 })
  upThreshold: string;

  @Column({ name: 'down_threshold', type: 'numeric', precision: 5, scale: 2 })
  downThreshold: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}

/** A re-tier proposed from a quarter's score, reviewed by the regional head; an approval applies from a date. */
@Entity('retier_proposal')
export class RetierProposal extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint' })
  quarter: number;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Column({ name: 'weights_version', type: 'integer', nullable: true })
  weightsVersion: number | null;

  @Column({ name: 'from_tier', type: 'smallint' })
  fromTier: number;

  @Column({ name: 'to_tier', type: 'smallint' })
  toTier: number;

  @Column({ type: 'varchar', length: 16 })
  status: RetierStatus;

  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom: string | null;

  @Column({ name: 'review_reason', type: 'varchar', length: 500, nullable: true })
  reviewReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_key', type: 'varchar', length: 64, nullable: true })
  reviewKey: string | null;

  @Column({ name: 'review_hash', type: 'char', length: 64, nullable: true })
  reviewHash: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}

/** A distributor's tier from a date (its tier history); appended by an approved re-tier or a tier set on the profile, never changed. */
@Entity('distributor_tier')
export class DistributorTier extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'smallint' })
  tier: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}
