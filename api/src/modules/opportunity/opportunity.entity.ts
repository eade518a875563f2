import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { OpportunityStage, RegistrationStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 机会点: a hospital × department × product line someone works on, from first lead to won or lost. */
@Entity('opportunity')
export class Opportunity extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId: string;

  /** the line's products it is about, when named (none: the line as a whole) */
  @Column({ name: 'product_ids', type: 'uuid', array: true, default: () => "'{}'" })
  productIds: string[];

  @Column({ type: 'varchar', length: 500 })
  need: string;

  @Column({ name: 'estimated_value', type: 'numeric', precision: 18, scale: 2 })
  estimatedValue: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** YYYY-MM: when the deal is expected */
  @Column({ name: 'expected_month', type: 'char', length: 7, nullable: true })
  expectedMonth: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  competitor: string | null;

  /** who works it: a distributor's rep (or owner), or the brand's channel manager */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** the distributor working it (none: the brand's own lead) */
  @Column({ name: 'distributor_id', type: 'uuid', nullable: true })
  distributorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  stage: OpportunityStage;

  @Column({ name: 'lost_reason', type: 'varchar', length: 500, nullable: true })
  lostReason: string | null;

  @Column({ name: 'lost_to', type: 'varchar', length: 200, nullable: true })
  lostTo: string | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** One stage an opportunity reached, appended; never changed. */
@Entity('opportunity_stage_fact')
export class OpportunityStageFact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: OpportunityStage;

  /** why (a lost deal's reason) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'lost_to', type: 'varchar', length: 200, nullable: true })
  lostTo: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 项目报备: a distributor asks the brand to protect its opportunity. */
@Entity('deal_registration')
export class DealRegistration extends TenantEntity {
  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  /** as stored: PENDING, APPROVED or REJECTED (EXPIRED is read from protectedUntil) */
  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  /** the last day an approved registration protects */
  @Column({ name: 'protected_until', type: 'date', nullable: true })
  protectedUntil: string | null;
}

/** The brand's choices for registrations. */
@Entity('opportunity_setting')
export class OpportunitySetting {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'protection_days', type: 'integer' })
  protectionDays: number;
}
