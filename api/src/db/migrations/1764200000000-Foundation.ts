import { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation: tenants, territories, users, distributors (for scoping), sessions, audit log. */
export class Foundation1764200000000 implements MigrationInterface {
  name = 'Foundation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brand (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        parent_id uuid REFERENCES region(id),
        level varchar(16) NOT NULL CHECK (level IN ('PROVINCE', 'CITY')),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((level = 'PROVINCE') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX region_brand_code ON region (brand_id, code)`);
    await q.query(`CREATE INDEX region_parent ON region (parent_id)`);
    await q.query(`
      CREATE TABLE distributor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        name varchar(200) NOT NULL,
        code varchar(32) NOT NULL,
        stage varchar(24) NOT NULL DEFAULT 'PROSPECT',
        tier smallint NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 9),
        region_id uuid REFERENCES region(id),
        channel_manager_id uuid,
        parent_id uuid REFERENCES distributor(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX distributor_brand_code ON distributor (brand_id, code)`);
    await q.query(`CREATE INDEX distributor_brand_name ON distributor (brand_id, name, id)`);
    await q.query(`CREATE INDEX distributor_brand_region ON distributor (brand_id, region_id)`);
    await q.query(`CREATE INDEX distributor_brand_cm ON distributor (brand_id, channel_manager_id)`);
    await q.query(`CREATE INDEX distributor_parent ON distributor (parent_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        email varchar(254) NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash varchar(200) NOT NULL,
        display_name varchar(100) NOT NULL,
        side varchar(16) NOT NULL CHECK (side IN ('BRAND', 'PARTNER')),
        role varchar(32) NOT NULL,
        distributor_id uuid REFERENCES distributor(id),
        locale varchar(8) NOT NULL DEFAULT 'ZH_CN',
        disabled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((side = 'PARTNER') = (distributor_id IS NOT NULL)),
        CHECK ((side = 'PARTNER' AND role IN ('OWNER', 'REP')) OR (side = 'BRAND' AND role IN
          ('ADMIN', 'REGIONAL_HEAD', 'CHANNEL_MANAGER', 'ORDER_DESK', 'FINANCE', 'TRAINER', 'ENGINEER')))
      )`);
    await q.query(`CREATE INDEX app_user_distributor ON app_user (distributor_id)`);
    await q.query(`CREATE INDEX app_user_brand_side ON app_user (brand_id, side, display_name, id)`);
    await q.query(`ALTER TABLE distributor ADD CONSTRAINT distributor_channel_manager_fk
      FOREIGN KEY (channel_manager_id) REFERENCES app_user(id)`);
    await q.query(`
      CREATE TABLE user_region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX user_region_user_region ON user_region (user_id, region_id)`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        token_hash varchar(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        audience varchar(16) NOT NULL CHECK (audience IN ('CONSOLE', 'PORTAL')),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip varchar(64),
        user_agent varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX session_by_user ON session (user_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        actor_id uuid REFERENCES app_user(id),
        side varchar(16) NOT NULL,
        action varchar(64) NOT NULL,
        entity varchar(64) NOT NULL,
        entity_id uuid NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (brand_id, entity, entity_id)`);
    // The audit trail is a fact: the database itself refuses to rewrite it.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE user_region`);
    await q.query(`ALTER TABLE distributor DROP CONSTRAINT distributor_channel_manager_fk`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE distributor`);
    await q.query(`DROP TABLE region`);
    await q.query(`DROP TABLE brand`);
  }
}
