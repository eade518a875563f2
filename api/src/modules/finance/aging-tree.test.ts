import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * The receivables aging reads its rows' distributors and their regions in its own statement
 * (aging-tree.ts): every row names what `distributor(id)` answers for the same viewer, field for
 * field, and the page costs the session and one statement however many rows it holds.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const NAMED = `id name code stage tier region { id name code }`;
const AGING = `query($first: Int) { receivablesAging(first: $first) { totalCount
  nodes { distributor { ${NAMED} } total { amount } } } }`;
const ONE = `query($id: ID!) { distributor(id: $id) { ${NAMED} } }`;

async function signedIn(audience: Audience, email: string): Promise<GqlClient> {
  const c = t.client(audience);
  await c.login(email);
  return c;
}

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['a regional head (two provinces)', Audience.CONSOLE, 'zhao.rh@huakang.demo'],
  ['finance', Audience.CONSOLE, 'finance@huakang.demo'],
  ['another brand’s finance', Audience.CONSOLE, 'finance@ruiguang.demo'],
  ['a distributor’s owner', Audience.PORTAL, 'boss@kangda.demo'],
])('%s: each row names the distributor and region that distributor(id) answers', async (_, audience, email) => {
  const c = await signedIn(audience, email);
  await c.request(AGING, { first: 1 }); // the session's first request also touches it
  const r = await c.request(AGING, { first: 50 });
  expect(r.errors).toEqual([]);
  const nodes: Array<{ distributor: { id: string } }> = r.data.receivablesAging.nodes;
  expect(nodes.length).toBeGreaterThan(0);
  expect(r.sqlCount).toBe(2);
  for (const node of nodes) {
    const alone = await c.request(ONE, { id: node.distributor.id });
    expect(alone.errors).toEqual([]);
    expect(node.distributor).toEqual(alone.data.distributor);
  }
});

test('a page without the distributor reads none, and one with the region’s province still answers it', async () => {
  const c = await signedIn(Audience.CONSOLE, 'admin@huakang.demo');
  await c.request(AGING, { first: 1 });
  const bare = await c.request(`{ receivablesAging(first: 50) { nodes { total { amount } } } }`);
  expect(bare.errors).toEqual([]);
  expect(bare.sqlCount).toBe(2);
  const deep = await c.request(
    `{ receivablesAging(first: 50) { nodes { distributor { id region { id parent { id name } } } } } }`,
  );
  expect(deep.errors).toEqual([]);
  for (const node of deep.data.receivablesAging.nodes as Array<{ distributor: { id: string } }>) {
    const alone = await c.request(`query($id: ID!) { distributor(id: $id) { id region { id parent { id name } } } }`, {
      id: node.distributor.id,
    });
    expect(node.distributor).toEqual(alone.data.distributor);
  }
});

test('filtered to a province or one distributor, the rows still name what distributor(id) answers', async () => {
  const c = await signedIn(Audience.CONSOLE, 'admin@huakang.demo');
  const { data } = await c.request(`{ regions { id code } }`);
  const zj = (data.regions as Array<{ id: string; code: string }>).find((r) => r.code === 'ZJ')!.id;
  const filtered = `query($filter: AccountFilter) { receivablesAging(first: 50, filter: $filter) { nodes { distributor { ${NAMED} } } } }`;
  const byRegion = await c.request(filtered, { filter: { regionId: zj } });
  expect(byRegion.errors).toEqual([]);
  const nodes: Array<{ distributor: { id: string } }> = byRegion.data.receivablesAging.nodes;
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) {
    expect(node.distributor).toEqual((await c.request(ONE, { id: node.distributor.id })).data.distributor);
  }
  const one = await c.request(filtered, { filter: { distributorId: nodes[0].distributor.id } });
  expect(one.data.receivablesAging.nodes).toEqual([nodes[0]]);
});
