import { Client } from 'pg';
import { testConnection } from './locks';

/**
 * Facts are appended: the database refuses UPDATE and DELETE on them, and TRUNCATE too (which
 * fires no row trigger). Each attempt runs in a transaction that is rolled back, so a table that
 * did let itself be emptied is not left empty for the other tests.
 */
let c: Client;
beforeAll(async () => {
  c = await testConnection();
});
afterAll(() => c?.end());

/** Tables whose rows refuse change, from the catalog. */
async function appendOnlyTables(): Promise<string[]> {
  const rows: Array<{ name: string }> = await c
    .query(
      `SELECT DISTINCT c.relname::text AS name FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
      WHERE NOT tg.tgisinternal AND tg.tgtype & 1 = 1 AND tg.tgfoid IN ('refuse_change'::regproc, 'course_version_frozen'::regproc)
      ORDER BY 1`,
    )
    .then((r) => r.rows);
  return rows.map((r) => r.name);
}

async function truncateFails(table: string): Promise<string | null> {
  await c.query('BEGIN');
  try {
    await c.query(`TRUNCATE ${table} CASCADE`);
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.query('ROLLBACK');
  }
}

test('the ledger and the other fact tables are among the append-only ones', async () => {
  expect(await appendOnlyTables()).toEqual(
    expect.arrayContaining([
      'audit_log',
      'ledger_entry',
      'order_event',
      'order_line',
      'shipment',
      'shipment_item',
      'payment',
      'payment_allocation',
      'quiz_attempt',
      'certificate',
      'webhook_delivery',
      'course_version',
    ]),
  );
});

test('TRUNCATE is refused on every append-only table', async () => {
  const tables = await appendOnlyTables();
  const refused: Record<string, string | null> = {};
  for (const table of tables) refused[table] = await truncateFails(table);
  expect(refused).toEqual(Object.fromEntries(tables.map((t) => [t, expect.stringMatching(/is append-only/)])));
});
