import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the benchmark's slowest statements still read (before and after each: BENCHMARKS.md,
 * "Figures behind code decisions").
 *
 * - A distributor's balance sums its ledger entries (`account summary`): a few thousand rows
 *   scattered over the whole ledger. A covering index answers the sum from the index alone.
 * - Which distributors serve a page of hospitals (hospital search) compared every live grant with
 *   every hospital of the page, array against array. GIN indexes on the grants' hospital and
 *   region arrays let each hospital look its grants up (`@>` / `&&`, authorization.service.ts).
 * - Hospital search matched `name ILIKE … OR address ILIKE …`, lower-casing both columns of every
 *   candidate the trigram indexes let through. The text is now kept lower-cased in one column
 *   (`search_text`, name and address on two lines: a search box cannot type a line break, so no
 *   match spans both) with one trigram index, and searched with LIKE. It replaces the two indexes
 *   of HospitalSearchTrigrams.
 */
export class ReadPathIndexes1765600000000 implements MigrationInterface {
  name = 'ReadPathIndexes1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_entry_balance ON ledger_entry (distributor_id) INCLUDE (brand_id, amount)`);
    await q.query(`CREATE INDEX authorization_hospitals ON authorization_grant USING gin (hospital_ids)`);
    await q.query(`CREATE INDEX authorization_regions ON authorization_grant USING gin (region_ids)`);
    await q.query(`ALTER TABLE hospital ADD COLUMN search_text text NOT NULL
      GENERATED ALWAYS AS (lower(name || E'\\n' || COALESCE(address, ''))) STORED`);
    await q.query(`CREATE INDEX hospital_search_trgm ON hospital USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX hospital_name_trgm`);
    await q.query(`DROP INDEX hospital_address_trgm`);
    await q.query(`ANALYZE hospital, authorization_grant`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hospital_name_trgm ON hospital USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX hospital_address_trgm ON hospital USING gin (address gin_trgm_ops)`);
    await q.query(`ALTER TABLE hospital DROP COLUMN search_text`);
    await q.query(`DROP INDEX authorization_regions`);
    await q.query(`DROP INDEX authorization_hospitals`);
    await q.query(`DROP INDEX ledger_entry_balance`);
  }
}
