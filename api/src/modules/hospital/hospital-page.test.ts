import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * hospitals(...) builds its page with each row's city and province, departments, contacts with
 * their history, authorizations with their product lines, the distributors serving it with their
 * channel manager and the visit notes the viewer may read (with author and CC) in one statement
 * (hospital-page.ts): each row must answer field for field what hospital(id) answers through the
 * per-field loaders, for the brand's admin, a regional head who sees two provinces, a channel
 * manager, and a distributor's owner, who sees the hospitals his grants cover and no other
 * distributor; a note or a grant the viewer may not read is left out, as from its loader.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const PERSON = 'id displayName side';
const BASE = `id name grade beds region { id name parent { id name } } departments { id name yearlyVolume }
  authorizations { id kind status validTo productLines { id name } }
  servingDistributors { id name channelManager { id displayName } }
  visitNotes { id visibility visitedOn outcome author { ${PERSON} } cc { ${PERSON} } }`;
// the decision chain is the brand's own (hospital.readContacts): the portal does not ask it
const CONTACTS = `contacts { id name relation retiredOn history { id kind relation createdAt } }`;
const rowOf = (audience: Audience) => (audience === Audience.CONSOLE ? `${BASE} ${CONTACTS}` : BASE);

interface Row {
  id: string;
  region: { parent: unknown } | null;
  departments: unknown[];
  contacts?: Array<{ history: unknown[] }>;
  authorizations: Array<{ id: string; productLines: unknown[] }>;
  servingDistributors: Array<{ id: string; channelManager: unknown }>;
  visitNotes: Array<{ id: string; cc: unknown[] }>;
}

async function compare(client: GqlClient, row: string, filter: object | null = null): Promise<Row[]> {
  const page = await client.request(
    `query($f: HospitalFilter) { hospitals(first: 60, filter: $f) { totalCount nodes { ${row} } } }`,
    { f: filter },
  );
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.hospitals;
  expect(nodes.length).toBe(Math.min(totalCount, 60));
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { hospital(id: $id) { ${row} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.hospital);
  }
  return nodes;
}

const login = async (audience: Audience, email: string) => {
  const client = t.client(audience);
  await client.login(email);
  return client;
};

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['a regional head', Audience.CONSOLE, 'zhao.rh@huakang.demo'],
  ['a channel manager', Audience.CONSOLE, 'zhang.cm@huakang.demo'],
  ["a distributor's owner", Audience.PORTAL, 'boss@kangda.demo'],
])('each row of the one-statement page answers what hospital(id) answers, for %s', async (_, audience, email) => {
  const client = await login(audience, email);
  const rows = await compare(client, rowOf(audience));
  // the parts are really read: cities under their province, departments, grants with their
  // lines, distributors serving with their manager
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((h) => h.region?.parent)).toBe(true);
  expect(rows.some((h) => h.departments.length > 0)).toBe(true);
  expect(rows.some((h) => h.authorizations.some((a) => a.productLines.length > 0))).toBe(true);
  expect(rows.some((h) => h.servingDistributors.some((d) => d.channelManager))).toBe(true);
  if (audience === Audience.CONSOLE) expect(rows.some((h) => h.contacts?.some((c) => c.history.length > 0))).toBe(true);
  if (email === 'admin@huakang.demo') expect(rows.some((h) => h.visitNotes.some((n) => n.cc.length > 0))).toBe(true);
  if (audience === Audience.PORTAL) {
    // the owner sees his own company and its second tier serve, never a competitor
    const own = await client.request(`{ distributors(first: 50) { nodes { id } } }`);
    const mine = new Set(own.data.distributors.nodes.map((d: { id: string }) => d.id));
    expect(rows.flatMap((h) => h.servingDistributors.map((d) => d.id)).filter((id) => !mine.has(id))).toEqual([]);
  }
});

test("a note or a grant the viewer may not read is left out of the list's row, as from its loader", async () => {
  const owner = await login(Audience.PORTAL, 'boss@kangda.demo');
  const admin = await login(Audience.CONSOLE, 'admin@huakang.demo');
  const [first] = await compare(owner, 'id name');
  const [h] = await t.app.ds.query(`SELECT id, brand_id, name FROM hospital WHERE id = $1`, [first.id]);
  // an internal note of the admin's (no CC) and a grant of a competitor's, both about the hospital
  const [note] = await t.app.ds.query(
    `INSERT INTO visit_note (brand_id, author_id, hospital_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     SELECT $1, id, $2, 'INTERNAL', CURRENT_DATE, '内部拜访', gen_random_uuid(), repeat('0', 64) FROM app_user WHERE email = 'admin@huakang.demo'
     RETURNING id`,
    [h.brand_id, h.id],
  );
  const own = await owner.request(`{ distributors(first: 50) { nodes { id } } }`);
  const mine: string[] = own.data.distributors.nodes.map((d: { id: string }) => d.id);
  const [grant] = await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
     SELECT $1, id, 'FORMAL', ARRAY(SELECT id FROM product_line WHERE brand_id = $1 ORDER BY id LIMIT 1), ARRAY[$2::uuid],
            CURRENT_DATE - 1, CURRENT_DATE + 30 FROM distributor
      WHERE brand_id = $1 AND NOT (id = ANY($3::uuid[])) ORDER BY id LIMIT 1 RETURNING id`,
    [h.brand_id, h.id, mine],
  );
  const ids = (rows: Row[]) => ({
    notes: rows.flatMap((r) => r.visitNotes.map((n) => n.id)),
    grants: rows.flatMap((r) => r.authorizations.map((a) => a.id)),
  });
  // the admin reads both, in the list as alone
  const seen = ids(await compare(admin, rowOf(Audience.CONSOLE), { search: h.name }));
  expect(seen.notes).toContain(note.id);
  expect(seen.grants).toContain(grant.id);
  // the owner reads neither, in the list as alone (compare), yet the hospital's row is there
  const rows = await compare(owner, rowOf(Audience.PORTAL), { search: h.name });
  expect(rows.map((r) => r.id)).toContain(h.id);
  const hidden = ids(rows);
  expect(hidden.notes).not.toContain(note.id);
  expect(hidden.grants).not.toContain(grant.id);
});

test('the list costs the session and one statement, whatever the page names', async () => {
  const client = await login(Audience.CONSOLE, 'admin@huakang.demo');
  const res = await client.request(`{ hospitals(first: 30) { totalCount nodes { ${rowOf(Audience.CONSOLE)} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});
