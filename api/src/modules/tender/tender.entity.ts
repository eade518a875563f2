import { Column, Entity, VersionColumn } from 'typeorm';
import { TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** The brand's floor price (底价) for a product from a date (to a date, or until superseded): a bid below it needs approval. */
@Entity('product_floor_price')
export class ProductFloorPrice extends TenantEntity {
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  price: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;
}

/** 招标: a hospital's tender an opportunity is bid in. */
@Entity('tender')
export class Tender extends TenantEntity {
  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'varchar', length: 200 })
  purchaser: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  budget: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** the last day to register for the tender */
  @Column({ name: 'registration_deadline', type: 'date' })
  registrationDeadline: string;

  @Column({ name: 'bid_opening_at', type: 'timestamptz' })
  bidOpeningAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: TenderStatus;

  @Column({ name: 'winning_price', type: 'numeric', precision: 18, scale: 2, nullable: true })
  winningPrice: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  winner: string | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** 投标报价: the price bid for one product, checked against the floor price in force when it was made. */
@Entity('tender_quote')
export class TenderQuote extends TenantEntity {
  @Column({ name: 'tender_id', type: 'uuid' })
  tenderId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  price: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** the floor in force when quoted (none: the product has no floor) */
  @Column({ name: 'floor_price', type: 'numeric', precision: 18, scale: 2, nullable: true })
  floorPrice: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: TenderQuoteStatus;

  /** why a price below the floor is asked for */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** the approver's reason */
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** 授权书 for one tender: the brand authorizes the tender's distributor to bid it for these products. */
@Entity('tender_letter')
export class TenderLetter extends TenantEntity {
  @Column({ name: 'tender_id', type: 'uuid' })
  tenderId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  /** the project's name as the tender documents give it (项目名称) */
  @Column({ type: 'varchar', length: 200 })
  project: string;

  @Column({ name: 'product_ids', type: 'uuid', array: true })
  productIds: string[];

  /** the grants it rests on, one per product: revoking one revokes the letter */
  @Column({ name: 'grant_ids', type: 'uuid', array: true })
  grantIds: string[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** the bid opening's day at the latest, and never past a grant it rests on */
  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}
