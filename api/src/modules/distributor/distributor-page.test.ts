import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';

/**
 * distributors(...) builds its page with each row's region (and province), channel manager and first
 * tier in one statement (distributor-page.ts): each row must answer field for field what
 * distributor(id) answers through the per-field loaders, for the brand and for a partner owner (who
 * does not see the brand's people: the manager reads as null for both).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const ROW = `id name code stage tier createdAt region { id name parent { id name } } channelManager { id displayName }
  parent { id name region { id } }`;

async function compare(client: GqlClient, expected: number) {
  const page = await client.request(`{ distributors(first: 50) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.distributors;
  expect([nodes.length, totalCount]).toEqual([expected, expected]);
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { distributor(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.distributor);
  }
  return nodes;
}

test('each row of the one-statement page answers what distributor(id) answers, for the brand and a partner', async () => {
  const brand = await createBrand(t.app.ds, 3);
  const admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  const rows = await compare(admin, 3);
  // the parts are really read: a region with its province, a manager, a first tier
  expect(rows.every((d: { region: unknown }) => d.region)).toBe(true);
  expect(rows.some((d: { region: { parent: unknown } }) => d.region.parent)).toBe(true);
  expect(rows.some((d: { channelManager: unknown }) => d.channelManager)).toBe(true);
  expect(rows.some((d: { parent: unknown }) => d.parent)).toBe(true);

  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const seen = await compare(
    owner,
    (await owner.request(`{ distributors(first: 50) { totalCount } }`)).data.distributors.totalCount,
  );
  expect(seen.length).toBeGreaterThan(0);
});
