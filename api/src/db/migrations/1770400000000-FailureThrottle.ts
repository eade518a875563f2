import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The failure throttles (failed logins, password resets, public certificate and letter checks)
 * counted in PostgreSQL instead of each process's memory, so that several API processes count the
 * same failures (auth/rate-limiter.ts). Not a brand's data: a login is throttled before anyone
 * knows the brand, so the table has no brand_id (a reference table in the distribution plan).
 * `recent` holds a source's last failures inside the window; `failures` a pair's count.
 */
export class FailureThrottle1770400000000 implements MigrationInterface {
  name = 'FailureThrottle1770400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE failure_throttle (
        name text NOT NULL,
        key text NOT NULL,
        failures integer NOT NULL,
        recent timestamptz[] NOT NULL,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (name, key)
      )`);
    await q.query(`CREATE INDEX failure_throttle_last_at ON failure_throttle (last_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE failure_throttle`);
  }
}
