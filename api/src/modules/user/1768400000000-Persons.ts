import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One person, several brands: the sign-in identity (e-mail, password) moves to `person`, and each
 * `app_user` row becomes one membership of a person in one brand (side, role, distributor). The
 * e-mail stays on the membership as a copy of the person's, unique within a brand only. Every
 * existing user becomes a person of their own.
 */
export class Persons1768400000000 implements MigrationInterface {
  name = 'Persons1768400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email varchar(254) NOT NULL UNIQUE CHECK (email = lower(email)),
      password_hash varchar(200) NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO person (email, password_hash, created_at)
      SELECT email, password_hash, created_at FROM app_user`);
    await q.query(`ALTER TABLE app_user ADD COLUMN person_id uuid REFERENCES person(id)`);
    await q.query(`UPDATE app_user u SET person_id = p.id FROM person p WHERE p.email = u.email`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN person_id SET NOT NULL`);
    await q.query(`CREATE INDEX app_user_person ON app_user (person_id)`);
    await q.query(`ALTER TABLE app_user DROP COLUMN password_hash`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_email_key`);
    await q.query(`CREATE UNIQUE INDEX app_user_brand_email ON app_user (brand_id, email)`);
    // A membership written without its person (an import, a fixture, hand-written SQL) joins the
    // person of its address, who is created without a password when there is none; either way the
    // membership carries the person's address.
    await q.query(`CREATE FUNCTION app_user_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.person_id IS NULL THEN
          INSERT INTO person (email) VALUES (lower(NEW.email)) ON CONFLICT (email) DO NOTHING;
          NEW.person_id := (SELECT id FROM person WHERE email = lower(NEW.email));
        END IF;
        NEW.email := (SELECT email FROM person WHERE id = NEW.person_id);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER app_user_person BEFORE INSERT OR UPDATE OF person_id, email ON app_user
      FOR EACH ROW EXECUTE FUNCTION app_user_person()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER app_user_person ON app_user`);
    await q.query(`DROP FUNCTION app_user_person()`);
    await q.query(`DROP INDEX app_user_brand_email`);
    await q.query(`ALTER TABLE app_user ADD COLUMN password_hash varchar(200) NOT NULL DEFAULT ''`);
    await q.query(`UPDATE app_user u SET password_hash = p.password_hash FROM person p WHERE p.id = u.person_id`);
    // refused while a person holds several memberships: the old shape has one user per address
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_email_key UNIQUE (email)`);
    await q.query(`ALTER TABLE app_user DROP COLUMN person_id`);
    await q.query(`DROP TABLE person`);
  }
}
