import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * teamCoVisits(...) builds its page with each row's distributor, hospital (department, contacts),
 * products, slots and participants with their people, who proposed and cancelled it and the notes
 * the viewer may read about it in one statement (co-visit-page.ts): each row must answer field for
 * field what coVisit(id) answers through the per-field loaders, for the brand's admin and a
 * regional head, who see different plans and notes.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // a plan called off: who cancelled it is read too
  await t.app.ds.query(
    `UPDATE co_visit SET status = 'CANCELLED', cancel_reason = '改期', cancelled_by = proposed_by
      WHERE id = (SELECT id FROM co_visit WHERE status = 'PROPOSED' ORDER BY id LIMIT 1)`,
  );
});
afterAll(() => t?.stop());

/** An INTERNAL note of the brand admin's, CC'd to no one, on a plan the regional head sees. */
let hidden: { id: string; co_visit_id: string };
beforeAll(async () => {
  [hidden] = await t.app.ds.query(
    `INSERT INTO visit_note (brand_id, author_id, co_visit_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     SELECT cv.brand_id, (SELECT id FROM app_user WHERE email = 'admin@huakang.demo'), cv.id, cv.hospital_id, cv.distributor_id,
            'INTERNAL', CURRENT_DATE, '内部', gen_random_uuid(), repeat('0', 64)
       FROM co_visit cv WHERE cv.brand_id = (SELECT brand_id FROM app_user WHERE email = 'admin@huakang.demo')
      ORDER BY cv.starts_at LIMIT 1 RETURNING id, co_visit_id`,
  );
});

const PERSON = 'id displayName role side';
const ROW = `id status version startsAt goal awaitingSide checkedInAt cancelReason checkInOpen myTurn
  distributor { id name } hospital { id name } department { id name } contacts { id name title } products { id code name }
  slots { id startsAt endsAt proposedSide proposedBy { ${PERSON} } } confirmedSlot { id startsAt }
  participants { side checkedInAt user { ${PERSON} } } proposedBy { ${PERSON} } cancelledBy { ${PERSON} }
  notes { id visitedOn outcome author { ${PERSON} } }`;

type Row = { cancelledBy: unknown; notes: unknown[]; contacts: unknown[]; department: unknown; products: unknown[] };

async function compare(client: GqlClient): Promise<Row[]> {
  const page = await client.request(`{ teamCoVisits(first: 50) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.teamCoVisits;
  expect(nodes.length).toBe(Math.min(totalCount, 50));
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { coVisit(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.coVisit);
  }
  return nodes;
}

test.each([
  ['the brand admin', 'admin@huakang.demo'],
  ['a regional head', 'zhao.rh@huakang.demo'],
])('each row of the one-statement page answers what coVisit(id) answers, for %s', async (_, email) => {
  const client = t.client(Audience.CONSOLE);
  await client.login(email);
  const rows = await compare(client);
  expect(rows.length).toBeGreaterThan(0);
  // the parts are really read
  expect(rows.some((r) => r.department && r.contacts.length > 0 && r.products.length > 0)).toBe(true);
  expect(rows.some((r) => r.notes.length > 0)).toBe(true);
  expect(rows.some((r) => r.cancelledBy !== null)).toBe(true);
});

test('a note the viewer may not read is left out of the plan’s notes, as from its loader', async () => {
  const notesOf = async (email: string) => {
    const client = t.client(Audience.CONSOLE);
    await client.login(email);
    const res = await client.request(`{ teamCoVisits(first: 50) { nodes { id notes { id } } } }`);
    expect(res.errors).toEqual([]);
    const plan = res.data.teamCoVisits.nodes.find((n: { id: string }) => n.id === hidden.co_visit_id);
    return plan.notes.map((n: { id: string }) => n.id);
  };
  // the admin wrote it; the regional head sees the plan, not the admin's internal note
  expect(await notesOf('admin@huakang.demo')).toContain(hidden.id);
  expect(await notesOf('zhao.rh@huakang.demo')).not.toContain(hidden.id);
});

test('the list costs the session and one statement, whatever the page names', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const res = await client.request(`{ teamCoVisits(first: 30) { totalCount nodes { ${ROW} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});

/**
 * The week calendar (myCoVisits) reads its plans with the same tree, unpaged (listTree): each plan
 * answers what coVisit(id) answers, for a channel manager in the console and a rep on the portal,
 * over a range that holds the person's seeded plans (from the seed's own dates).
 */
test.each([
  ['a channel manager', Audience.CONSOLE, 'zhang.cm@huakang.demo'],
  ['a rep', Audience.PORTAL, 'li.rep@kangda.demo'],
])('each plan of the week calendar answers what coVisit(id) answers, for %s', async (_, audience, email) => {
  // the 62 days (MAX_CALENDAR_DAYS) from the person's earliest plan, China time
  const [{ from }] = await t.app.ds.query(
    `SELECT to_char(min(cv.starts_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS from
       FROM co_visit cv JOIN co_visit_participant p ON p.co_visit_id = cv.id JOIN app_user u ON u.id = p.user_id
      WHERE u.email = $1`,
    [email],
  );
  expect(from).not.toBeNull();
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 61 * 86_400_000).toISOString().slice(0, 10);
  const client = t.client(audience);
  await client.login(email);
  const week = await client.request(
    `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { ${ROW} } }`,
    {
      f: from,
      t: to,
    },
  );
  expect(week.errors).toEqual([]);
  expect(week.sqlCount).toBe(2);
  const plans: Row[] = week.data.myCoVisits;
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans as Array<Row & { id: string }>) {
    const one = await client.request(`query($id: ID!) { coVisit(id: $id) { ${ROW} } }`, { id: plan.id });
    expect(one.errors).toEqual([]);
    expect(plan).toEqual(one.data.coVisit);
  }
});
