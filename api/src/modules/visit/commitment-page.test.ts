import { Audience, CommitmentStatus } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, startTestApp } from '../../../test/harness';
import { scopeOfEmail } from '../../../test/factories';
import { paginate } from '../../common/pagination';
import { VisitCommitment } from './visit-note.entity';

/**
 * commitmentInbox(...) and disputedCommitments(...) build their page with each row's answering
 * and resolving people and its note (through the visit-note pages' tree) in one statement
 * (commitment-page.ts). Each page must list what the per-row path listed (the services' own
 * queries paged by `paginate`, the path before the tree), in its order and count, cursor after
 * cursor, and each row must answer field for field what the per-field loaders answer for the same
 * commitment read through visitNote(id), for the owners and heads who each see different rows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // a resolved commitment, so the resolving person is read too
  await t.app.ds.query(
    `UPDATE visit_commitment SET status = 'RESOLVED', resolution = '按原价', resolved_by = (SELECT id FROM app_user WHERE email = 'zhao.rh@huakang.demo'), resolved_at = now()
      WHERE id = (SELECT id FROM visit_commitment WHERE status = 'DISPUTED' ORDER BY id LIMIT 1)`,
  );
});
afterAll(() => t?.stop());

const PERSON = 'id displayName role side';
const COMMITMENT = `id itemNo kind description dueOn status disputeReason answeredAt resolution resolvedAt version createdAt
  amount { amount currency } answeredBy { ${PERSON} } resolvedBy { ${PERSON} }`;
const NOTE = `id visibility visitedOn outcome nextSteps createdAt version
  author { ${PERSON} } hospital { id name } department { id name } contacts { id name title } distributor { id name }
  coVisit { id status goal participants { side user { ${PERSON} } } slots { id proposedBy { ${PERSON} } } }
  cc { ${PERSON} } tasks { id itemNo title done owner { ${PERSON} } } comments { id body author { ${PERSON} } } attachments { id fileName url }`;
const ROW = `${COMMITMENT} note { ${NOTE} }`;

type Node = { id: string; status: string; note: { id: string } };
type List = 'commitmentInbox' | 'disputedCommitments';
const ALL = Object.values(CommitmentStatus);

const query = (list: List, select: string) =>
  list === 'commitmentInbox'
    ? `query($n: Int!, $a: String, $s: [CommitmentStatus!]!) { commitmentInbox(first: $n, after: $a, statuses: $s) { ${select} } }`
    : `query($n: Int!, $a: String, $s: [CommitmentStatus!]!, $author: ID, $region: ID) {
         disputedCommitments(first: $n, after: $a, filter: { statuses: $s, authorId: $author, regionId: $region }) { ${select} } }`;

/** The ids, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string, list: List, vars: Record<string, unknown>) {
  const scope = await scopeOfEmail(t.app.ds, email);
  const { commitments } = t.app.services;
  const statuses = vars.s as CommitmentStatus[];
  const qb =
    list === 'commitmentInbox'
      ? commitments.inboxQuery(scope, statuses)
      : commitments.disputedQuery(scope, {
          statuses,
          authorId: (vars.author as string) ?? null,
          regionId: (vars.region as string) ?? null,
        });
  const at = list === 'commitmentInbox' ? 'created' : 'updated';
  const page = await paginate<VisitCommitment>(
    qb,
    { first: 100 },
    [
      { column: `c.${at}_at`, value: (c) => (at === 'created' ? c.createdAt : c.updatedAt).toISOString() },
      { column: 'c.id', value: (c) => c.id },
    ],
    'DESC',
  );
  return { ids: page.nodes.map((c) => c.id), totalCount: page.totalCount };
}

/** Pages through the list `size` rows at a time with the cursor; each request the session and one statement. */
async function pages(client: GqlClient, list: List, vars: Record<string, unknown>, size: number) {
  const nodes: Node[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res: GqlResult = await client.request(
      query(list, `totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} }`),
      {
        ...vars,
        n: size,
        a: after,
      },
    );
    expect(res.errors).toEqual([]);
    expect(res.sqlCount).toBe(2);
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } =
      res.data[list];
    totalCount = page.totalCount;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount, endCursor: page.pageInfo.endCursor };
    after = page.pageInfo.endCursor;
  }
}

/** The tree's rows against the path before it: the same rows in order, and each field as the loaders read it. */
async function compare(client: GqlClient, email: string, list: List, vars: Record<string, unknown>): Promise<Node[]> {
  const whole = await pages(client, list, vars, 20);
  const expected = await before(email, list, vars);
  expect(whole.totalCount).toBe(expected.totalCount);
  expect(whole.nodes.map((n) => n.id)).toEqual(expected.ids);
  // two at a time through the cursor: the same rows
  const byTwo = await pages(client, list, vars, 2);
  expect(byTwo.nodes).toEqual(whole.nodes);
  for (const node of whole.nodes) {
    const one = await client.request(
      `query($id: ID!) { visitNote(id: $id) { ${NOTE} commitments { ${COMMITMENT} } } }`,
      {
        id: node.note.id,
      },
    );
    expect(one.errors).toEqual([]);
    const { commitments, ...note } = one.data.visitNote;
    const commitment = commitments.find((c: { id: string }) => c.id === node.id);
    expect(node).toEqual({ ...commitment, note });
  }
  return whole.nodes;
}

test.each([
  ["a distributor's owner, open", Audience.PORTAL, 'boss@kangda.demo', [CommitmentStatus.OPEN]],
  ["a distributor's owner, every status", Audience.PORTAL, 'boss@kangda.demo', ALL],
  ["another distributor's owner", Audience.PORTAL, 'boss@yuekang.demo', ALL],
])('the inbox’s one-statement pages answer what the per-field path answered, for %s', async (_, audience, email, s) => {
  const client = t.client(audience);
  await client.login(email);
  await compare(client, email, 'commitmentInbox', { s });
});

test.each([
  ['the brand admin, disputed', Audience.CONSOLE, 'admin@huakang.demo', [CommitmentStatus.DISPUTED]],
  ['the brand admin, every status', Audience.CONSOLE, 'admin@huakang.demo', ALL],
  ['a regional head, every status', Audience.CONSOLE, 'zhao.rh@huakang.demo', ALL],
])(
  'the disputed queue’s one-statement pages answer what the per-field path answered, for %s',
  async (_, audience, email, s) => {
    const client = t.client(audience);
    await client.login(email);
    await compare(client, email, 'disputedCommitments', { s });
  },
);

test('the parts are really read: answering and resolving people, notes with their parts', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const rows = (await compare(client, 'admin@huakang.demo', 'disputedCommitments', { s: ALL })) as Array<
    Node & { answeredBy: unknown; resolvedBy: unknown; note: { author: unknown; cc: unknown[] } }
  >;
  expect(rows.length).toBeGreaterThan(2);
  expect(rows.some((r) => r.answeredBy !== null)).toBe(true);
  expect(rows.some((r) => r.resolvedBy !== null)).toBe(true);
  expect(rows.every((r) => r.note.author !== null && r.note.cc.length > 0)).toBe(true);
});

test('filters by author and region, and an empty page, answer as before', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const [note] = await t.app.ds.query(
    `SELECT vn.author_id, h.region_id FROM visit_commitment c JOIN visit_note vn ON vn.id = c.note_id JOIN hospital h ON h.id = vn.hospital_id
      ORDER BY c.id LIMIT 1`,
  );
  const byAuthor = await compare(client, 'admin@huakang.demo', 'disputedCommitments', {
    s: ALL,
    author: note.author_id,
  });
  expect(byAuthor.length).toBeGreaterThan(0);
  const byRegion = await compare(client, 'admin@huakang.demo', 'disputedCommitments', {
    s: ALL,
    region: note.region_id,
  });
  expect(byRegion.length).toBeGreaterThan(0);
  // nobody wrote notes as the owner: an empty page, with no cursor
  const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = 'boss@kangda.demo'`);
  const empty = await pages(client, 'disputedCommitments', { s: ALL, author: owner.id }, 5);
  expect(empty).toEqual({ nodes: [], totalCount: 0, endCursor: null });
  expect(await before('admin@huakang.demo', 'disputedCommitments', { s: ALL, author: owner.id })).toEqual({
    ids: [],
    totalCount: 0,
  });
});
