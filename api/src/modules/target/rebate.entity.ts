import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';
import type { RebateBand } from './rebate.bands';

/** 返利政策: a product line's attainment bands, one version per change; never changed. */
@Entity('rebate_policy')
export class RebatePolicy extends TenantEntity {
  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId: string;

  @Column({ type: 'integer' })
  version: number;

  /** sorted by threshold, as checkBands returns them */
  @Column({ type: 'jsonb' })
  bands: RebateBand[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}

/**
 * One approval of a distributor's quarter on a line (its target): what was due at that moment
 * and the difference from the earlier postings, posted to the ledger as a REBATE entry.
 */
@Entity('rebate_posting')
export class RebatePosting extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ type: 'smallint' })
  quarter: number;

  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @Column({ name: 'quarter_amount', type: 'numeric', precision: 18, scale: 2 })
  quarterAmount: string;

  @Column({ name: 'sell_in', type: 'numeric', precision: 18, scale: 2 })
  sellIn: string;

  @Column({ type: 'numeric', precision: 6, scale: 4 })
  rate: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  due: string;

  /** the difference this approval posted (a credit when positive) */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  /** the approval's request key (none on postings from before approvals carried one) */
  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}
