import { TestApp, startTestApp } from '../../test/harness';
import { fromJsonRow, jsonRow } from './json-rows';

/**
 * fromJsonRow sets plain columns as the JSON brings them and timestamps as Dates, skipping the
 * driver's general hydration: for every entity with rows in the seeded database, the entities it
 * builds from jsonRow's JSON must equal, value for value, what TypeORM's own getMany answers.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

test('every entity read back from its JSON row equals what getMany answers', async () => {
  const ds = t.app.ds;
  const compared: string[] = [];
  for (const metadata of ds.entityMetadatas) {
    if (metadata.tableType !== 'regular' || !metadata.primaryColumns.some((c) => c.databaseName === 'id')) continue;
    const expected = await ds.getRepository(metadata.target).createQueryBuilder('x').orderBy('x.id').limit(5).getMany();
    if (!expected.length) continue;
    const rows: Array<{ j: Record<string, unknown> }> = await ds.query(
      `SELECT ${jsonRow(ds, metadata.target, 'x')} AS j FROM ${ds.driver.escape(metadata.tablePath)} x ORDER BY x.id LIMIT 5`,
    );
    const read = rows.map((r) => fromJsonRow(ds, metadata.target, r.j));
    expect({ entity: metadata.name, rows: read }).toEqual({ entity: metadata.name, rows: expected });
    compared.push(metadata.name);
  }
  // the seeded data reaches the entities the list screens hydrate from JSON
  expect(compared).toEqual(expect.arrayContaining(['Distributor', 'Region', 'User', 'Order']));
});
