import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { TrialOutcome, TrialStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 试用: an instrument (by serial) lent to an opportunity's hospital department, from one day to another. */
@Entity('trial')
export class Trial extends TenantEntity {
  @Column({ name: 'opportunity_id', type: 'uuid' })
  opportunityId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** as kept: trimmed, upper case (one open trial per serial) */
  @Column({ name: 'serial_number', type: 'varchar', length: 64 })
  serialNumber: string;

  @Column({ name: 'planned_from', type: 'date' })
  plannedFrom: string;

  /** the last day; an extension moves it */
  @Column({ name: 'planned_to', type: 'date' })
  plannedTo: string;

  @Column({ type: 'varchar', length: 2000 })
  protocol: string;

  @Column({ type: 'varchar', length: 16 })
  status: TrialStatus;

  @Column({ name: 'delivered_on', type: 'date', nullable: true })
  deliveredOn: string | null;

  @Column({ name: 'returned_on', type: 'date', nullable: true })
  returnedOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: TrialOutcome | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  result: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  /** the signed agreement, in the file storage under this key (never sent to clients) */
  @Column({ name: 'agreement_key', type: 'varchar', length: 300, nullable: true, select: false })
  agreementKey: string | null;

  @Column({ name: 'agreement_name', type: 'varchar', length: 200, nullable: true })
  agreementName: string | null;

  @Column({ name: 'agreement_mime', type: 'varchar', length: 80, nullable: true })
  agreementMime: string | null;

  @Column({ name: 'agreement_size', type: 'integer', nullable: true })
  agreementSize: number | null;

  @Column({ name: 'agreement_sha256', type: 'char', length: 64, nullable: true })
  agreementSha256: string | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}

/** What a trial event records: a status reached, or the agreement uploaded. */
export type TrialEventKind = 'PLANNED' | 'DELIVERED' | 'EXTENDED' | 'RETURNED' | 'CANCELLED' | 'AGREEMENT';

/** One change of a trial, appended; never changed. */
@Entity('trial_event')
export class TrialEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'trial_id', type: 'uuid' })
  trialId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TrialEventKind;

  /** the last day after this event (planned, extended) */
  @Column({ name: 'planned_to', type: 'date', nullable: true })
  plannedTo: string | null;

  /** the reason, the result or the file's name */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
