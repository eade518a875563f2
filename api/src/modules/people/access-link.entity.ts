import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

export enum AccessLinkKind {
  INVITATION = 'INVITATION',
  RESET = 'RESET',
}

/**
 * A single-use link that lets one person set a password: an invitation or a password reset. Only
 * the SHA-256 of its token is kept; it is spent on use, and every other open link of the person
 * with it.
 */
@Entity('access_link')
export class AccessLink extends TenantEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AccessLinkKind;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** An invitation's request key: the same key and contents answer the same person. */
  @Column({ name: 'request_key', type: 'uuid', nullable: true })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}
