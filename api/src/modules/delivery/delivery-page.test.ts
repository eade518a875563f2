import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * deliveryProjects(...) builds its page with each project's engineer, milestones and files, and
 * its opportunity as the opportunity pages read it, in one statement (delivery-page.ts): each row
 * must answer field for field what deliveryProjectOfOpportunity answers through the per-field
 * loaders, for the brand's admin, its engineer, and a distributor's owner (who does not see the
 * brand's engineer: null for both).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const ROW = `id status overdue engineer { id displayName }
  opportunity { id need stage hospital { id name } distributor { id name } owner { id displayName } productLine { id name } }
  milestones { id kind plannedDate doneDate overdue files { id fileName url } }`;

async function compare(client: GqlClient) {
  const page = await client.request(`{ deliveryProjects(first: 50) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.deliveryProjects;
  expect(nodes.length).toBe(Math.min(totalCount, 50));
  for (const node of nodes) {
    const one = await client.request(`query($o: ID!) { deliveryProjectOfOpportunity(opportunityId: $o) { ${ROW} } }`, {
      o: node.opportunity.id,
    });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.deliveryProjectOfOpportunity);
  }
  return nodes as Array<{ milestones: unknown[]; opportunity: { hospital: unknown } }>;
}

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['the engineer', Audience.CONSOLE, 'engineer@huakang.demo'],
  ["the serving distributor's owner", Audience.PORTAL, 'boss@yuekang.demo'],
])(
  'each row of the one-statement page answers what the project read alone answers, for %s',
  async (_, audience, email) => {
    const client = t.client(audience);
    await client.login(email);
    const rows = await compare(client);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.milestones.length > 0 && r.opportunity.hospital)).toBe(true);
  },
);

test('the list costs the session and one statement, whatever the page names', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const res = await client.request(`{ deliveryProjects(first: 30) { totalCount nodes { ${ROW} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});
