import { Audience } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from './harness';
import { BrandFixture, createBrand, createCatalog } from './factories';
import { moduleTables } from './module-tables';
import type { SqlCountTable } from './sql-count-table';

/**
 * The SQL statements one GraphQL operation costs must not grow with the page size: nested
 * fields go through per-request DataLoaders, never a query per parent row. Each module keeps its
 * lists, the page of records they show and checks of its own in `<module>/*.sql-count.ts`.
 */
const TABLES = moduleTables('sql-count').map(({ module, file, exports }) => {
  if (!exports.SQL_COUNT) throw new Error(`${module}/${file} exports no SQL_COUNT`);
  return exports.SQL_COUNT as SqlCountTable;
});
const LISTS = TABLES.flatMap((table) => table.lists ?? []);

let t: TestApp;
let brand: BrandFixture;

beforeAll(async () => {
  // counts include the session lookup every time (a warm session would save it from the second request on)
  t = await startTestApp({ sessionCacheSeconds: 0 });
  brand = await createBrand(t.app.ds, 30);
  // for a brand of its own, a page (30) of every kind of record a list shows, each with the nested
  // records its screen asks for, written straight to the database
  const cat = await createCatalog(t.app.ds, brand);
  const userId = async (email: string) =>
    (await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id as string;
  const fixture = {
    ds: t.app.ds,
    brand,
    cat,
    adminId: await userId(brand.adminEmail),
    ownerId: await userId(brand.ownerEmail),
  };
  for (const table of TABLES) await table.seed?.(fixture);
});
afterAll(() => t?.stop());

test.each(LISTS)('$name costs the same SQL for 2 rows as for 25', async ({ query, as, audience, max, jitter }) => {
  const client = t.client(audience ?? Audience.CONSOLE);
  await client.login(as(brand));
  const small = await client.request(query, { n: 2 });
  const large = await client.request(query, { n: 25 });
  expect(small.errors).toEqual([]);
  expect(large.errors).toEqual([]);
  const nodes = (r: typeof small) => Object.values(r.data as Record<string, { nodes: unknown[] }>)[0].nodes.length;
  expect(nodes(small)).toBe(2);
  expect(nodes(large)).toBe(25);
  expect(Math.abs(large.sqlCount - small.sqlCount)).toBeLessThanOrEqual(jitter ?? 0);
  // and the count is small in absolute terms: auth + count + page + one batch per nested level
  expect(large.sqlCount).toBeLessThanOrEqual(max ?? 12);
});

test('every GraphQL response reports its SQL count', async () => {
  const client = t.client(Audience.CONSOLE);
  const r = await client.request(`{ me { id } }`);
  expect(Number.isFinite(r.sqlCount)).toBe(true);
});

test('a session due its once-a-minute touch costs a request no more statements than any other', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login(brand.adminEmail);
  const fresh = await client.request(`{ me { id } }`);
  const { id: userId } = fresh.data.me;
  await t.app.ds.query(`UPDATE session SET updated_at = now() - interval '61 seconds' WHERE user_id = $1`, [userId]);
  const due = await client.request(`{ me { id } }`);
  expect(due.data.me?.id).toBe(userId);
  expect(due.sqlCount).toBe(fresh.sqlCount);
  // the touch itself was written
  const [{ recent }] = await t.app.ds.query(
    `SELECT max(updated_at) > now() - interval '1 minute' AS recent FROM session WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
  expect(recent).toBe(true);
});

for (const table of TABLES) {
  for (const [name, run] of Object.entries(table.tests ?? {})) test(name, () => run({ t, brand }));
}
