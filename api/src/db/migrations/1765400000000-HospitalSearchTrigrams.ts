import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hospital search matches `name ILIKE '%…%' OR address ILIKE '%…%'`, which no b-tree can
 * answer: every search counted its hits by reading all hospitals. Trigram indexes answer both
 * sides (a BitmapOr; before and after in BENCHMARKS.md, "Figures behind code decisions"). pg_trgm ships with
 * PostgreSQL's contrib (trusted: a database owner may create it) and with PGlite, which loads it
 * at creation (db/embedded.ts). A search shorter than three characters has no trigram and still
 * reads the table, as before.
 */
export class HospitalSearchTrigrams1765400000000 implements MigrationInterface {
  name = 'HospitalSearchTrigrams1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX hospital_name_trgm ON hospital USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX hospital_address_trgm ON hospital USING gin (address gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX hospital_address_trgm`);
    await q.query(`DROP INDEX hospital_name_trgm`);
  }
}
