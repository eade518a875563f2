import { Column, Entity, VersionColumn } from 'typeorm';
import { CoVisitStatus, Side } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 协同拜访: a hospital visit planned by a brand person and a distributor's rep together. */
@Entity('co_visit')
export class CoVisit extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ name: 'contact_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contactIds: string[];

  @Column({ name: 'product_ids', type: 'uuid', array: true, default: () => "'{}'" })
  productIds: string[];

  @Column({ type: 'varchar', length: 500 })
  goal: string;

  @Column({ type: 'varchar', length: 16 })
  status: CoVisitStatus;

  /** While PROPOSED: the side whose answer is awaited (the side that did not propose last). */
  @Column({ name: 'awaiting_side', type: 'varchar', length: 16, nullable: true })
  awaitingSide: Side | null;

  @Column({ name: 'confirmed_slot_id', type: 'uuid', nullable: true })
  confirmedSlotId: string | null;

  /** Where the calendar shows it: the confirmed slot's start, else the earliest slot proposed. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  /** The first check-in at the hospital. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @VersionColumn()
  version: number;
}

/** A time offered by one side; never edited (the other side answers with a slot of its own). */
@Entity('co_visit_slot')
export class CoVisitSlot extends TenantEntity {
  @Column({ name: 'co_visit_id', type: 'uuid' })
  coVisitId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @Column({ name: 'proposed_side', type: 'varchar', length: 16 })
  proposedSide: Side;
}

@Entity('co_visit_participant')
export class CoVisitParticipant extends TenantEntity {
  @Column({ name: 'co_visit_id', type: 'uuid' })
  coVisitId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  side: Side;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;
}
