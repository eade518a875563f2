import { Column, Entity, VersionColumn } from 'typeorm';
import { CommitmentKind, CommitmentStatus, NoteVisibility } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';
import { StoredFileEntity } from '../../common/stored-file.entity';

/**
 * 拜访记录: what happened at a visit. Who may read it is decided in one place (the scope's
 * `visitNote` resource): its author, its CC list and the author's management chain; a partner
 * user only when it is SHARED and they are on the CC list.
 */
@Entity('visit_note')
export class VisitNote extends TenantEntity {
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'co_visit_id', type: 'uuid', nullable: true })
  coVisitId: string | null;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ name: 'contact_ids', type: 'uuid', array: true, default: () => "'{}'" })
  contactIds: string[];

  /** The distributor it concerns; required when it is shared with partner users or makes commitments. */
  @Column({ name: 'distributor_id', type: 'uuid', nullable: true })
  distributorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  visibility: NoteVisibility;

  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Column({ type: 'varchar', length: 4000 })
  outcome: string;

  @Column({ name: 'next_steps', type: 'varchar', length: 4000, nullable: true })
  nextSteps: string | null;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @VersionColumn()
  version: number;
}

@Entity('visit_note_cc')
export class VisitNoteCc extends TenantEntity {
  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;
}

/** A follow-up task with an owner (the author or someone on the CC list). */
@Entity('visit_task')
export class VisitTask extends TenantEntity {
  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @Column({ name: 'item_no', type: 'smallint' })
  itemNo: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy: string | null;

  @VersionColumn()
  version: number;
}

/** What was promised, as a structured item the distributor's owner answers. */
@Entity('visit_commitment')
export class VisitCommitment extends TenantEntity {
  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @Column({ name: 'item_no', type: 'smallint' })
  itemNo: number;

  @Column({ type: 'varchar', length: 24 })
  kind: CommitmentKind;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CommitmentStatus;

  @Column({ name: 'dispute_reason', type: 'varchar', length: 500, nullable: true })
  disputeReason: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @VersionColumn()
  version: number;
}

@Entity('visit_comment')
export class VisitComment extends TenantEntity {
  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;
}

/** A photo or document from the visit, in the same file storage as qualification scans. */
@Entity('visit_attachment')
export class VisitAttachment extends StoredFileEntity {
  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;
}
