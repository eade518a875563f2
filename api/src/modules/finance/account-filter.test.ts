import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * The console's finance tabs share a region picker and a distributor picker (AccountFilter): the
 * invoices, payments and statements lists answer, for a province (with its cities) and for a
 * city, exactly the rows of the unfiltered list whose distributor lies there, and for one
 * distributor exactly its rows (account-filter.ts).
 */
let t: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = t.client(Audience.CONSOLE);
  await admin.login('admin@huakang.demo');
});
afterAll(() => t?.stop());

interface Row {
  id: string;
  distributor: { id: string; region: { id: string; parent: { id: string } | null } | null };
}
const ROW = 'id distributor { id region { id parent { id } } }';

/** Every row of a list, page by page. */
async function all(list: string, filter: object | null): Promise<{ rows: Row[]; totalCount: number }> {
  const rows: Row[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const r = await admin.request(
      `query($after: String, $filter: AccountFilter) { ${list}(first: 100, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`,
      { after, filter },
    );
    expect(r.errors).toEqual([]);
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Row[] } =
      r.data[list];
    rows.push(...page.nodes);
    totalCount = page.totalCount;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(rows).toHaveLength(totalCount);
  return { rows, totalCount };
}

const ids = (rows: Row[]) => rows.map((r) => r.id).sort();

test.each(['invoices', 'payments', 'statements'])(
  '%s: a province, a city and a distributor each narrow the list to their own rows',
  async (list) => {
    const { rows } = await all(list, null);
    const provinceOf = (r: Row) => r.distributor.region?.parent?.id ?? r.distributor.region?.id;
    const provinces = [...new Set(rows.map(provinceOf).filter((p): p is string => Boolean(p)))];
    // a province that holds some of the rows, not all: the filter must leave the others out
    const province = provinces.find((p) => rows.some((r) => provinceOf(r) !== p));
    expect(province).toBeDefined();
    const inProvince = rows.filter((r) => provinceOf(r) === province);
    expect(inProvince.length).toBeGreaterThan(0);
    const byProvince = await all(list, { regionId: province });
    expect(ids(byProvince.rows)).toEqual(ids(inProvince));

    const city = inProvince.find((r) => r.distributor.region?.parent)?.distributor.region?.id;
    if (city) {
      const byCity = await all(list, { regionId: city });
      expect(ids(byCity.rows)).toEqual(ids(rows.filter((r) => r.distributor.region?.id === city)));
    }

    const distributor = inProvince[0].distributor.id;
    const byDistributor = await all(list, { distributorId: distributor, regionId: province });
    expect(ids(byDistributor.rows)).toEqual(ids(rows.filter((r) => r.distributor.id === distributor)));
  },
);
