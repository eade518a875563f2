import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * The order list's search by hospital name matches only hospitals the viewer may see: 张伟 (杭州) has an order of his
 * distributor for 南京鼓楼医院, outside his regions, whose name the list does not show him; searching that name must not
 * pick the order out either. By a hospital he sees, it does.
 */
let t: TestApp;
let cm: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  cm = await t.as('zhang.cm@huakang.demo');
});
afterAll(() => t?.stop());

const search = async (text: string) => {
  const r = await cm.request(
    `query($s: String!) { orders(first: 50, filter: { search: $s }) { totalCount nodes { number hospital { name } } } }`,
    { s: text },
  );
  expect(r.errors).toEqual([]);
  return r.data.orders as { totalCount: number; nodes: Array<{ number: string; hospital: { name: string } | null }> };
};

test('a hospital out of sight finds none of his orders by its name; one in sight finds them', async () => {
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM purchase_order o JOIN hospital h ON h.id = o.hospital_id JOIN distributor d ON d.id = o.distributor_id
      JOIN app_user u ON u.id = d.channel_manager_id WHERE h.name = '南京鼓楼医院' AND u.email = 'zhang.cm@huakang.demo'`,
  );
  expect(n).toBeGreaterThan(0);
  expect((await search('南京鼓楼医院')).totalCount).toBe(0);
  const inSight = await search('浙江大学医学院附属第一医院');
  expect(inSight.totalCount).toBeGreaterThan(0);
  expect(inSight.nodes.every((o) => o.hospital?.name === '浙江大学医学院附属第一医院')).toBe(true);
});
