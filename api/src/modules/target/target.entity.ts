import { Column, Entity, VersionColumn } from 'typeorm';
import { TargetStatus, TargetVersionKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/**
 * A department's potential for one product line, one version: the assumptions (beds, yearly
 * surgery or test volume, usage per procedure, prices, beds per instrument, service life) and what
 * they give a year. Appended; an edit is the next version.
 */
@Entity('department_potential')
export class DepartmentPotential extends TenantEntity {
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'integer' })
  beds: number;

  @Column({ name: 'yearly_volume', type: 'integer' })
  yearlyVolume: number;

  /** consumable units used per procedure or test */
  @Column({ name: 'usage_per_procedure', type: 'numeric', precision: 12, scale: 4 })
  usagePerProcedure: string;

  @Column({ name: 'consumable_unit_price', type: 'numeric', precision: 18, scale: 2 })
  consumableUnitPrice: string;

  /** one instrument serves this many beds */
  @Column({ name: 'beds_per_equipment', type: 'integer' })
  bedsPerEquipment: number;

  @Column({ name: 'equipment_unit_price', type: 'numeric', precision: 18, scale: 2 })
  equipmentUnitPrice: string;

  /** an instrument is replaced after this many years */
  @Column({ name: 'equipment_life_years', type: 'integer' })
  equipmentLifeYears: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** yearly consumables potential: volume × usage × unit price */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  consumables: string;

  /** yearly equipment potential: beds ÷ beds per instrument × instrument price ÷ service life */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  equipment: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** 目标: a distributor's target for a product line and a year; its amounts are its latest version's. */
@Entity('sales_target')
export class SalesTarget extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  status: TargetStatus;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'agreed_at', type: 'timestamptz', nullable: true })
  agreedAt: Date | null;

  @Column({ name: 'agreed_by', type: 'uuid', nullable: true })
  agreedBy: string | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}

/** One proposal or counter of a target: yearly and per quarter; never changed. */
@Entity('sales_target_version')
export class SalesTargetVersion extends TenantEntity {
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 16 })
  kind: TargetVersionKind;

  /** the yearly potential a proposal was drawn from (none: a counter, or an amount set by hand) */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  potential: string | null;

  /** the expected share of the potential (0 < share ≤ 1) */
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true })
  share: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  yearly: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  q1: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  q2: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  q3: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  q4: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  /** the request that wrote it: a retry answers this version */
  @Column({ name: 'request_key', type: 'varchar', length: 64 })
  requestKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}
