import { Audience } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, startTestApp } from '../../../test/harness';
import { scopeOfEmail } from '../../../test/factories';
import { paginate } from '../../common/pagination';
import { StatementDispute } from './finance.entity';

/**
 * statementDisputes(...) builds its page with each row's statement (and distributor), line (and
 * the line's dispute), the people who raised and resolved it and its evidence in one statement
 * (dispute-page.ts). Each page must list what the per-row path listed (the service's own query
 * paged by `paginate`, the path before the tree), in its order and count, cursor after cursor, and
 * each row must answer field for field what the per-field loaders answer for the same dispute read
 * through statement(id) { disputes }, for finance, the admin and a regional head of two brands.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // open disputes on the first two lines of every seeded statement, raised by a person of its distributor
  await t.app.ds.query(
    `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by)
     SELECT l.brand_id, l.statement_id, l.id, '数量不符 ' || l.line_no,
            (SELECT u.id FROM app_user u WHERE u.distributor_id = s.distributor_id ORDER BY u.role, u.id LIMIT 1)
       FROM statement_line l JOIN statement s ON s.id = l.statement_id
      WHERE l.line_no <= 2 AND EXISTS (SELECT 1 FROM app_user u WHERE u.distributor_id = s.distributor_id)`,
  );
  // evidence on one of them in every brand (ids are random: the first overall may be any brand's)
  await t.app.ds.query(
    `INSERT INTO statement_dispute_attachment (brand_id, dispute_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
     SELECT DISTINCT ON (brand_id) brand_id, id, 'dispute/test', 'receipt.jpg', 'image/jpeg', 3, repeat('0', 64), raised_by
       FROM statement_dispute WHERE status = 'OPEN' ORDER BY brand_id, id`,
  );
});
afterAll(() => t?.stop());

const PERSON = 'id displayName role';
const ROW = `id statementId statementLineId comment status resolution createdAt resolvedAt version
  statement { id period version status distributor { id name } }
  line { id lineNo memo occurredOn amount { amount } dispute { id comment status } }
  raisedBy { ${PERSON} } resolvedBy { ${PERSON} } attachments { id fileName url }`;

type Node = { id: string; statementId: string; line: { dispute: { status: string } } | null };

/** The ids, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string) {
  const scope = await scopeOfEmail(t.app.ds, email);
  const page = await paginate<StatementDispute>(t.app.services.statements.openDisputesQuery(scope), { first: 1000 }, [
    { column: "date_trunc('milliseconds', x.created_at)", value: (x) => x.createdAt.toISOString() },
    { column: 'x.id', value: (x) => x.id },
  ]);
  return { ids: page.nodes.map((x) => x.id), totalCount: page.totalCount };
}

/** Pages through the queue `size` rows at a time with the cursor; each request the session and one statement. */
async function pages(client: GqlClient, size: number) {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GqlResult = await client.request(
      `query($n: Int!, $a: String) { statementDisputes(first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`,
      { n: size, a: after },
    );
    expect(res.errors).toEqual([]);
    expect(res.sqlCount).toBe(2);
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } =
      res.data.statementDisputes;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount, endCursor: page.pageInfo.endCursor };
    after = page.pageInfo.endCursor;
  }
}

async function compare(client: GqlClient, email: string): Promise<Node[]> {
  const whole = await pages(client, 20);
  const expected = await before(email);
  expect(whole.totalCount).toBe(expected.totalCount);
  expect(whole.nodes.map((n) => n.id)).toEqual(expected.ids);
  const byThree = await pages(client, 3);
  expect(byThree.nodes).toEqual(whole.nodes);
  for (const node of whole.nodes) {
    const one = await client.request(`query($id: ID!) { statement(id: $id) { disputes { ${ROW} } } }`, {
      id: node.statementId,
    });
    expect(one.errors).toEqual([]);
    expect(node).toEqual(one.data.statement.disputes.find((d: { id: string }) => d.id === node.id));
  }
  return whole.nodes;
}

test.each([
  ['finance', 'finance@huakang.demo'],
  ['the brand admin', 'admin@huakang.demo'],
  ['a regional head', 'zhao.rh@huakang.demo'],
  ["another brand's finance", 'finance@ruiguang.demo'],
])('the queue’s one-statement pages answer what the per-field path answered, for %s', async (_, email) => {
  const client = t.client(Audience.CONSOLE);
  await client.login(email);
  const rows = await compare(client, email);
  expect(rows.length).toBeGreaterThan(0);
});

test('the parts are really read: evidence, and the line with its dispute', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('finance@huakang.demo');
  const rows = (await compare(client, 'finance@huakang.demo')) as Array<Node & { attachments: unknown[] }>;
  expect(rows.some((r) => r.attachments.length > 0)).toBe(true);
  expect(rows.every((r) => r.line?.dispute.status === 'OPEN')).toBe(true);
});

test('an empty queue: no rows, no cursor, as before', async () => {
  await t.app.ds.query(`UPDATE statement_dispute SET status = 'REJECTED' WHERE status = 'OPEN'`);
  try {
    const client = t.client(Audience.CONSOLE);
    await client.login('finance@huakang.demo');
    expect(await pages(client, 5)).toEqual({ nodes: [], totalCount: 0, endCursor: null });
    expect(await before('finance@huakang.demo')).toEqual({ ids: [], totalCount: 0 });
  } finally {
    await t.app.ds.query(`UPDATE statement_dispute SET status = 'OPEN' WHERE comment LIKE '数量不符%'`);
  }
});
