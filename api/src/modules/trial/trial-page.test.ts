import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * trials(...) builds its page with each row's product, opportunity (need, hospital, department),
 * overdue flag and history with its actors in one statement (trial-page.ts): each row must answer
 * field for field what trial(id) answers through the per-field loaders, for the brand's admin, a
 * regional head, a distributor's owner and a rep, who each see different trials and people.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // a change by the brand's admin on a trial of 康达's: its people read the actor as null (they do
  // not see the brand's people), and the tree must hide him as the user loader does
  await t.app.ds.query(
    `INSERT INTO trial_event (brand_id, trial_id, kind, planned_to, actor_id)
     SELECT tr.brand_id, tr.id, 'EXTENDED', tr.planned_to, (SELECT id FROM app_user WHERE email = 'admin@huakang.demo' LIMIT 1)
       FROM trial tr JOIN opportunity o ON o.id = tr.opportunity_id JOIN distributor d ON d.id = o.distributor_id
      WHERE d.name LIKE '%康达%' LIMIT 1`,
  );
});
afterAll(() => t?.stop());

const ROW = `id serialNumber status plannedFrom plannedTo overdue agreement { fileName } product { id name }
  opportunityNeed hospital { id name } department { id name } history { id kind plannedTo note actor { id displayName } }`;

async function compare(client: GqlClient) {
  const page = await client.request(`{ trials(first: 50) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.trials;
  expect(nodes.length).toBe(Math.min(totalCount, 50));
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { trial(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.trial);
  }
  return nodes as Array<{ hospital: unknown; department: unknown; history: Array<{ actor: unknown }> }>;
}

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['a regional head', Audience.CONSOLE, 'zhao.rh@huakang.demo'],
  ["a distributor's owner", Audience.PORTAL, 'boss@kangda.demo'],
  ['a rep', Audience.PORTAL, 'li.rep@kangda.demo'],
])('each row of the one-statement page answers what trial(id) answers, for %s', async (_, audience, email) => {
  const client = t.client(audience);
  await client.login(email);
  const rows = await compare(client);
  expect(rows.length).toBeGreaterThan(0);
  // the parts are really read: hospitals, departments and who changed what
  expect(rows.some((r) => r.hospital && r.department)).toBe(true);
  expect(rows.some((r) => r.history.length > 0)).toBe(true);
  if (audience === Audience.PORTAL) expect(rows.some((r) => r.history.some((e) => e.actor === null))).toBe(true);
});

test('the list costs the session and one statement, whatever the page names', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const res = await client.request(`{ trials(first: 30) { totalCount nodes { ${ROW} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});
