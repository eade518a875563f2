import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail, kept beside the ERP outbox and delivered by the same loop: a message is written in the
 * transaction of the change it tells of and sent after commit, with retries; a claimed message
 * names its claimer like an outbox event. Its body is dropped once sent over SMTP (a link in it
 * may sign someone in); without SMTP it is kept, and only then shown, for a development setup.
 */
export class Mail1767000000000 implements MigrationInterface {
  name = 'Mail1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE mail_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      user_id uuid REFERENCES app_user(id),
      to_address varchar(254) NOT NULL,
      kind varchar(40) NOT NULL,
      subject varchar(200) NOT NULL,
      body text,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      claimed_by integer,
      delivered_at timestamptz,
      kept boolean NOT NULL DEFAULT false,
      last_error varchar(500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX mail_message_pending ON mail_message (next_attempt_at, seq) WHERE delivered_at IS NULL`,
    );
    await q.query(`CREATE INDEX mail_message_brand ON mail_message (brand_id, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_message`);
  }
}
