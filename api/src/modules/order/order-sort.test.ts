import { GqlClient, GqlResult, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { ErrorCode } from '@medchannel/shared-schema';

/** The order list sorted on the server, over every page: by total either way, by time either way, newest first by default. */
let t: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@huakang.demo');
});
afterAll(() => t?.stop());

type Row = { id: string; number: string; total: { amount: string } };

/** Every order of the list, walked two at a time with the cursor. */
async function walk(sort?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResult<{ orders: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Row[] } }> =
      await admin.request(
        `query($f: OrderFilter, $after: String) { orders(first: 2, after: $after, filter: $f) { pageInfo { hasNextPage endCursor } nodes { id number total { amount } } } }`,
        { f: sort ? { sort } : null, after },
      );
    expect(r.errors).toEqual([]);
    const { nodes, pageInfo } = r.data!.orders;
    rows.push(...nodes);
    if (!pageInfo.hasNextPage) return rows;
    after = pageInfo.endCursor;
  }
}

const amount = (r: Row) => Number(r.total.amount);

test('sorted by total or by time over every page; the same orders whichever the order', async () => {
  const newest = await walk();
  expect(newest.length).toBeGreaterThan(3);
  expect(newest.map((r) => r.number)).toEqual([...newest.map((r) => r.number)].sort().reverse());
  const oldest = await walk('OLDEST');
  expect(oldest.map((r) => r.id)).toEqual([...newest].reverse().map((r) => r.id));

  const highest = await walk('TOTAL_HIGHEST');
  const lowest = await walk('TOTAL_LOWEST');
  for (const [list, sign] of [
    [highest, -1],
    [lowest, 1],
  ] as const) {
    expect(new Set(list.map((r) => r.id))).toEqual(new Set(newest.map((r) => r.id)));
    expect(list).toHaveLength(newest.length);
    for (let i = 1; i < list.length; i++)
      expect(sign * (amount(list[i]) - amount(list[i - 1]))).toBeGreaterThanOrEqual(0);
  }
  expect(amount(highest[0])).toBe(Math.max(...newest.map(amount)));
});

test('a sort the list does not know is a coded refusal', async () => {
  const r = await admin.request(`query { orders(first: 2, filter: { sort: BIGGEST }) { totalCount } }`);
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
});
