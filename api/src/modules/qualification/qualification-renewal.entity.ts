import { Column, Entity, VersionColumn } from 'typeorm';
import { QualificationDocument } from './qualification.entity';

export enum QualificationRenewalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * An owner's proposed renewal of one of his company's documents. While PENDING (or once REJECTED)
 * it counts for nothing; approved, it has become the document `renewedQualificationId`.
 */
@Entity('qualification_renewal')
export class QualificationRenewal extends QualificationDocument {
  /** The document it renews. */
  @Column({ name: 'qualification_id', type: 'uuid' })
  qualificationId: string;

  @Column({ type: 'varchar', length: 16 })
  status: QualificationRenewalStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'renewed_qualification_id', type: 'uuid', nullable: true })
  renewedQualificationId: string | null;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @VersionColumn()
  version: number;
}
