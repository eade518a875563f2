import { Column, Entity, Index } from 'typeorm';
import { Audience } from '@medchannel/shared-schema';
import { TenantEntity } from '../common/base.entity';

/**
 * A server-side session. The cookie holds a random token; only its SHA-256 is stored, so a
 * leaked table does not leak sessions. updated_at is the last activity (idle expiry).
 */
@Entity('session')
export class Session extends TenantEntity {
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  audience: Audience;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
