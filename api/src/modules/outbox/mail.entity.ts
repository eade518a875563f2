import { Column, Entity } from 'typeorm';
import { MailKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** One e-mail to one person, written with the change it tells of and sent after (mail.service.ts). */
@Entity('mail_message')
export class MailMessage extends TenantEntity {
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 40 })
  kind: MailKind;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** Dropped once sent over SMTP; kept (and shown to admins) when there is no SMTP server. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Delivered into the database (no SMTP_URL): a development setup's mailbox. */
  @Column({ type: 'boolean', default: false })
  kept: boolean;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
