import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * visitNotes(...) builds its page with each row's author, hospital (department, contacts),
 * distributor, co-visit (through the co-visit pages' tree), CC list, tasks, commitments, comments
 * and attachments with the people they name in one statement (visit-note-page.ts): each row must
 * answer field for field what visitNote(id) answers through the per-field loaders, for the
 * brand's admin, a regional head, the trainer CC'd on an internal note, a distributor's owner
 * and a rep, who each read different notes (the scope's CC rule) and different people.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // an attachment, a resolved commitment and a contact on a shared note, so those parts are read too
  await t.app.ds.query(
    `UPDATE visit_commitment SET resolution = '按原价', resolved_by = (SELECT id FROM app_user WHERE email = 'zhao.rh@huakang.demo'), resolved_at = now()
      WHERE id = (SELECT id FROM visit_commitment WHERE status = 'DISPUTED' ORDER BY id LIMIT 1)`,
  );
  await t.app.ds.query(
    `INSERT INTO visit_attachment (brand_id, note_id, file_name, file_mime, file_size, file_key, file_sha256, uploaded_by)
     SELECT brand_id, id, 'photo.jpg', 'image/jpeg', 3, 'visit/test-photo', repeat('0', 64), author_id FROM visit_note WHERE visibility = 'SHARED' ORDER BY id LIMIT 1`,
  );
});
afterAll(() => t?.stop());

const PERSON = 'id displayName role side';
const ROW = `id visibility visitedOn outcome nextSteps createdAt version
  author { ${PERSON} } hospital { id name } department { id name } contacts { id name title } distributor { id name }
  coVisit { id status goal startsAt hospital { id name } participants { side user { ${PERSON} } } slots { id proposedBy { ${PERSON} } } notes { id author { ${PERSON} } } }
  cc { ${PERSON} } tasks { id itemNo title done owner { ${PERSON} } }
  commitments { id itemNo status description amount { amount currency } answeredBy { ${PERSON} } resolvedBy { ${PERSON} } resolution }
  comments { id body author { ${PERSON} } } attachments { id fileName url }`;

type Row = { coVisit: unknown; cc: unknown[]; tasks: unknown[]; commitments: unknown[]; comments: unknown[] };

async function compare(client: GqlClient): Promise<Row[]> {
  const page = await client.request(`{ visitNotes(first: 20) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes, totalCount } = page.data.visitNotes;
  expect(nodes.length).toBe(Math.min(totalCount, 20));
  for (const node of nodes) {
    const one = await client.request(`query($id: ID!) { visitNote(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.visitNote);
  }
  return nodes;
}

test.each([
  ['the brand admin', Audience.CONSOLE, 'admin@huakang.demo'],
  ['a regional head', Audience.CONSOLE, 'zhao.rh@huakang.demo'],
  ['the trainer CC’d on an internal note', Audience.CONSOLE, 'trainer@huakang.demo'],
  ["a distributor's owner", Audience.PORTAL, 'boss@kangda.demo'],
  ['a rep', Audience.PORTAL, 'li.rep@kangda.demo'],
])('each row of the one-statement page answers what visitNote(id) answers, for %s', async (_, audience, email) => {
  const client = t.client(audience);
  await client.login(email);
  const rows = await compare(client);
  expect(rows.length).toBeGreaterThan(0);
  // the parts are really read
  expect(rows.some((r) => r.cc.length > 0)).toBe(true);
});

test('the parts are read: co-visits, tasks, commitments and comments', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const rows = await compare(client);
  expect(rows.some((r) => r.coVisit !== null)).toBe(true);
  expect(rows.some((r) => r.tasks.length > 0 && r.commitments.length > 0 && r.comments.length > 0)).toBe(true);
});

test('a partner reads only the shared notes they are CC’d on, as the scope rule says', async () => {
  const client = t.client(Audience.PORTAL);
  await client.login('li.rep@kangda.demo');
  const res = await client.request(`{ visitNotes(first: 50) { totalCount nodes { id visibility } } }`);
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM visit_note vn WHERE vn.visibility = 'SHARED'
        AND EXISTS (SELECT 1 FROM visit_note_cc c JOIN app_user u ON u.id = c.user_id WHERE c.note_id = vn.id AND u.email = 'li.rep@kangda.demo')`,
  );
  expect(res.data.visitNotes.totalCount).toBe(n);
  expect(res.data.visitNotes.nodes.every((r: { visibility: string }) => r.visibility === 'SHARED')).toBe(true);
});

test('the list costs the session and one statement, whatever the page names', async () => {
  for (const [audience, email] of [
    [Audience.CONSOLE, 'admin@huakang.demo'],
    [Audience.PORTAL, 'boss@kangda.demo'],
  ] as const) {
    const client = t.client(audience);
    await client.login(email);
    const res = await client.request(`{ visitNotes(first: 20) { totalCount nodes { ${ROW} } } }`);
    expect(res.errors).toEqual([]);
    expect(res.sqlCount).toBe(2);
  }
});
