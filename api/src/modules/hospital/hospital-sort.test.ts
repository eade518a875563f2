import { GqlClient, GqlResult, TestApp, startTestApp } from '../../../test/harness';

/** The hospitals list by name (the default) or largest first, over every page: the same hospitals either way. */
let t: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@huakang.demo');
  // one without beds given: it counts as none, and still has its place in every walk
  await t.app.ds.query(
    `UPDATE hospital SET beds = NULL WHERE id = (SELECT id FROM hospital WHERE brand_id = (SELECT brand_id FROM hospital ORDER BY name LIMIT 1) ORDER BY name LIMIT 1)`,
  );
});
afterAll(() => t?.stop());

type Row = { id: string; name: string; beds: number | null };

async function walk(sort?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResult<{ hospitals: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Row[] } }> =
      await admin.request(
        `query($f: HospitalFilter, $after: String) { hospitals(first: 3, after: $after, filter: $f) { pageInfo { hasNextPage endCursor } nodes { id name beds } } }`,
        { f: sort ? { sort } : null, after },
      );
    expect(r.errors).toEqual([]);
    const { nodes, pageInfo } = r.data!.hospitals;
    rows.push(...nodes);
    if (!pageInfo.hasNextPage) return rows;
    after = pageInfo.endCursor;
  }
}

test('largest first over every page, the same hospitals as by name', async () => {
  const byName = await walk();
  expect(byName.length).toBeGreaterThan(5);
  const largest = await walk('BEDS_MOST');
  expect(largest.map((h) => h.id).sort()).toEqual(byName.map((h) => h.id).sort());
  const beds = largest.map((h) => h.beds ?? 0);
  expect(beds).toEqual([...beds].sort((a, b) => b - a));
  expect(largest.some((h) => h.beds === null)).toBe(true);
});
