import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import {
  CommitmentPeriod,
  InstrumentCondition,
  PlacementEventKind,
  PlacementSource,
  PlacementStatus,
  StocktakeFinding,
  StocktakeStatus,
} from './placement.enums';
import { TenantEntity } from '../../common/base.entity';

/** 设备投放: an instrument (product, serial) placed at a hospital department under a reagent commitment. */
@Entity('placement')
export class Placement extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** as kept: trimmed, upper case (one open placement per serial); a replacement changes it */
  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ type: 'varchar', length: 8 })
  source: PlacementSource;

  @Column({ name: 'trial_id', type: 'uuid', nullable: true })
  trialId: string | null;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  /** the reagents the commitment is counted in */
  @Column({ name: 'reagent_line_id', type: 'uuid' })
  reagentLineId: string;

  @Column({ name: 'commitment_quantity', type: 'integer' })
  commitmentQuantity: number;

  @Column({ name: 'commitment_period', type: 'varchar', length: 8 })
  commitmentPeriod: CommitmentPeriod;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 8 })
  status: PlacementStatus;

  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true, select: false })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false })
  requestHash: string | null;
}

/** One step of a placement's history: where the instrument stood from that day, which serial. Never changed. */
@Entity('placement_event')
export class PlacementEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PlacementEventKind;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 盘点: the brand's stocktake of a year, open until closed; closed, its results never change. */
@Entity('stocktake_campaign')
export class StocktakeCampaign extends TenantEntity {
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 8 })
  status: StocktakeStatus;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true, select: false })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false })
  requestHash: string | null;
}

/** A placed instrument to confirm in a campaign, with its place when the campaign opened and what was found. */
@Entity('stocktake_item')
export class StocktakeItem extends TenantEntity {
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'placement_id', type: 'uuid' })
  placementId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  finding: StocktakeFinding | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  condition: InstrumentCondition | null;

  /** where it stood when it was found in the wrong place */
  @Column({ name: 'found_at', type: 'varchar', length: 200, nullable: true })
  foundAt: string | null;

  @Column({ name: 'meter_reading', type: 'integer', nullable: true })
  meterReading: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** the photo, in the file storage under this key (never sent to clients) */
  @Column({ name: 'photo_key', type: 'varchar', length: 300, nullable: true, select: false })
  photoKey: string | null;

  @Column({ name: 'photo_name', type: 'varchar', length: 200, nullable: true })
  photoName: string | null;

  @Column({ name: 'photo_mime', type: 'varchar', length: 80, nullable: true })
  photoMime: string | null;

  @Column({ name: 'photo_size', type: 'integer', nullable: true })
  photoSize: number | null;

  @Column({ name: 'photo_sha256', type: 'char', length: 64, nullable: true })
  photoSha256: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}

/** A distributor's count of one batch in a campaign, beside the stock its movements derive at the count. */
@Entity('stocktake_count')
export class StocktakeCount extends TenantEntity {
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  @Column({ type: 'integer' })
  counted: number;

  @Column({ type: 'integer' })
  derived: number;

  @Column({ name: 'counted_by', type: 'uuid' })
  countedBy: string;
}
