import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * hospitals(...) builds its page with each row's city and province and the distributors serving it
 * in one statement (hospital-page.ts): each row must answer field for field what hospital(id)
 * answers through the per-field loaders (the authorization service's servingDistributorIds and the
 * distributor loader), for the brand's admin, a regional head who sees two provinces, and a
 * distributor's owner, who sees the hospitals his grants cover and no other distributor.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const ROW = `id name grade beds region { id name parent { id name } } servingDistributors { id name }`;

async function compare(client: GqlClient) {
  const page = await client.request(`{ hospitals(first: 60) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.hospitals;
  expect(nodes.length).toBe(Math.min(totalCount, 60));
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { hospital(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.hospital);
  }
  return nodes as Array<{ region: { parent: unknown } | null; servingDistributors: Array<{ id: string }> }>;
}

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['a regional head', Audience.CONSOLE, 'zhao.rh@huakang.demo'],
  ["a distributor's owner", Audience.PORTAL, 'boss@kangda.demo'],
])('each row of the one-statement page answers what hospital(id) answers, for %s', async (_, audience, email) => {
  const client = t.client(audience);
  await client.login(email);
  const rows = await compare(client);
  // the parts are really read: cities under their province, distributors serving
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((h) => h.region?.parent)).toBe(true);
  expect(rows.some((h) => h.servingDistributors.length > 0)).toBe(true);
  if (audience === Audience.PORTAL) {
    // the owner sees his own company and its second tier serve, never a competitor
    const own = await client.request(`{ distributors(first: 50) { nodes { id } } }`);
    const mine = new Set(own.data.distributors.nodes.map((d: { id: string }) => d.id));
    expect(rows.flatMap((h) => h.servingDistributors.map((d) => d.id)).filter((id) => !mine.has(id))).toEqual([]);
  }
});

test('the list costs the session and one statement, whatever the page names', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const res = await client.request(`{ hospitals(first: 30) { totalCount nodes { ${ROW} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});
