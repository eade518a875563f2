import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TRUNCATE fires no row trigger, so it emptied the ledger and every other append-only table past
 * their UPDATE/DELETE refusal. Each table whose rows refuse change (refuse_change, and the frozen
 * course versions) now refuses TRUNCATE too, with a statement-level trigger of the same function.
 * The tables are found in the catalog, so every append-only table of the earlier migrations is
 * covered; test/append-only.test.ts fails for a later one that is not.
 */
const APPEND_ONLY_TABLES = `
  SELECT DISTINCT c.relname::text AS name FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
   WHERE NOT tg.tgisinternal AND tg.tgfoid IN ('refuse_change'::regproc, 'course_version_frozen'::regproc)
     AND c.relnamespace = current_schema()::regnamespace`;

export class RefuseTruncate1766410000000 implements MigrationInterface {
  name = 'RefuseTruncate1766410000000';

  async up(q: QueryRunner): Promise<void> {
    const tables: Array<{ name: string }> = await q.query(APPEND_ONLY_TABLES);
    for (const { name } of tables) {
      await q.query(
        `CREATE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const tables: Array<{ name: string }> = await q.query(APPEND_ONLY_TABLES);
    for (const { name } of tables) await q.query(`DROP TRIGGER IF EXISTS ${name}_no_truncate ON ${name}`);
  }
}
