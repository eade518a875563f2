import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and access: single-use links (invitations and password resets, only their SHA-256 kept),
 * when a person last signed in and when they first set a password (an invited person has not yet).
 */
export class People1767000000001 implements MigrationInterface {
  name = 'People1767000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz`);
    // everyone there before invitations existed has a password already
    await q.query(`ALTER TABLE app_user ADD COLUMN activated_at timestamptz DEFAULT now()`);
    await q.query(`CREATE TABLE access_link (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      kind varchar(16) NOT NULL CHECK (kind IN ('INVITATION', 'RESET')),
      token_hash char(64) NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_by uuid REFERENCES app_user(id),
      request_key uuid,
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX access_link_user ON access_link (user_id)`);
    await q.query(
      `CREATE UNIQUE INDEX access_link_request_key ON access_link (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_link`);
    await q.query(`ALTER TABLE app_user DROP COLUMN activated_at, DROP COLUMN last_sign_in_at`);
  }
}
