import { Audience, HomeTodoKind, Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { USERS, userByEmail } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';

/**
 * 我的待办: one query answers every to-do of the viewer's role, each counted exactly as the list it
 * links to counts it, for brand and partner personas alike; a role nothing waits on gets none.
 */
let t: TestApp;
beforeAll(async () => {
  // counts include the session lookup every time (a warm session would save it from the second request on)
  t = await startTestApp({ sessionCacheSeconds: 0 });
});
afterAll(() => t?.stop());

const HOME = `{ homeTodos { kind count records { id period version startsAt documentType validTo expiry { level daysLeft } } } }`;
type Todo = { kind: HomeTodoKind; count: number; records: Array<Record<string, unknown>> };

async function as(email: string): Promise<GqlClient> {
  const client = t.client(sideOfRole(userByEmail(email).role) === Side.BRAND ? Audience.CONSOLE : Audience.PORTAL);
  await client.login(email);
  return client;
}

async function one<T = Record<string, unknown>>(client: GqlClient, query: string, variables?: Record<string, unknown>) {
  const r = await client.request(query, variables);
  expect(r.errors).toEqual([]);
  return r.data as T;
}

/** What each to-do's linked list shows, asked the way its page asks it. */
const LIST: Record<HomeTodoKind, (c: GqlClient, email: string) => Promise<{ count: number; ids?: string[] }>> = {
  [HomeTodoKind.ORDERS_AWAITING_APPROVAL]: async (c) => ({
    count: (await one<any>(c, `{ orders(filter: { statuses: [SUBMITTED] }, first: 1) { totalCount } }`)).orders
      .totalCount,
  }),
  [HomeTodoKind.STATEMENT_DISPUTES]: async (c) => ({
    count: (await one<any>(c, `{ statementDisputes(first: 1) { totalCount } }`)).statementDisputes.totalCount,
  }),
  [HomeTodoKind.DISPUTED_COMMITMENTS]: async (c) => ({
    count: (await one<any>(c, `{ disputedCommitments(first: 1) { totalCount } }`)).disputedCommitments.totalCount,
  }),
  [HomeTodoKind.STATEMENT_TO_CONFIRM]: async (c, email) => {
    const { statements } = await one<any>(
      c,
      `query($d: ID) { statements(filter: { distributorId: $d }, status: ISSUED, first: 5) { totalCount nodes { id } } }`,
      { d: USERS.find((u) => u.email === email)!.distributorCode ? ownDistributor(email) : null },
    );
    return { count: statements.totalCount, ids: statements.nodes.map((n: { id: string }) => n.id) };
  },
  [HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE]: async (c) => ({
    count: (await one<any>(c, `{ commitmentInbox(first: 1) { totalCount } }`)).commitmentInbox.totalCount,
  }),
  [HomeTodoKind.CO_VISITS_AWAITING_ME]: async (c) => {
    const { myCoVisits } = await one<any>(
      c,
      `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { id myTurn startsAt } }`,
      { f: today(), t: addDays(today(), 55) },
    );
    const mine = myCoVisits.filter((v: { myTurn: boolean }) => v.myTurn);
    return { count: mine.length, ids: mine.slice(0, 5).map((v: { id: string }) => v.id) };
  },
  [HomeTodoKind.COURSES_DUE]: async (c) => ({
    count: (
      await one<any>(
        c,
        `{ enrollments(filter: { mine: true, statuses: [ASSIGNED, IN_PROGRESS] }, first: 1) { totalCount } }`,
      )
    ).enrollments.totalCount,
  }),
  [HomeTodoKind.DOCUMENTS_EXPIRING]: async (c) => {
    const { me } = await one<any>(c, `{ me { distributor { qualifications { id expiry { level } } } } }`);
    const flagged = me.distributor.qualifications.filter((q: { expiry: { level: string } }) => q.expiry.level !== 'OK');
    return { count: flagged.length, ids: flagged.slice(0, 5).map((q: { id: string }) => q.id) };
  },
};

let distributorIds: Map<string, string>;
const ownDistributor = (email: string) => distributorIds.get(email)!;

const PERSONAS: Array<[string, HomeTodoKind[]]> = [
  [
    'admin@huakang.demo',
    [
      HomeTodoKind.ORDERS_AWAITING_APPROVAL,
      HomeTodoKind.STATEMENT_DISPUTES,
      HomeTodoKind.DISPUTED_COMMITMENTS,
      HomeTodoKind.CO_VISITS_AWAITING_ME,
    ],
  ],
  ['order@huakang.demo', [HomeTodoKind.ORDERS_AWAITING_APPROVAL]],
  ['finance@huakang.demo', [HomeTodoKind.STATEMENT_DISPUTES]],
  [
    'zhao.rh@huakang.demo',
    [HomeTodoKind.STATEMENT_DISPUTES, HomeTodoKind.DISPUTED_COMMITMENTS, HomeTodoKind.CO_VISITS_AWAITING_ME],
  ],
  ['zhang.cm@huakang.demo', [HomeTodoKind.CO_VISITS_AWAITING_ME]],
  ['trainer@huakang.demo', []],
  [
    'boss@kangda.demo',
    [
      HomeTodoKind.STATEMENT_TO_CONFIRM,
      HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE,
      HomeTodoKind.CO_VISITS_AWAITING_ME,
      HomeTodoKind.COURSES_DUE,
      HomeTodoKind.DOCUMENTS_EXPIRING,
    ],
  ],
  ['li.rep@kangda.demo', [HomeTodoKind.CO_VISITS_AWAITING_ME, HomeTodoKind.COURSES_DUE]],
  [
    'boss@huaning.demo',
    [
      HomeTodoKind.STATEMENT_TO_CONFIRM,
      HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE,
      HomeTodoKind.CO_VISITS_AWAITING_ME,
      HomeTodoKind.COURSES_DUE,
      HomeTodoKind.DOCUMENTS_EXPIRING,
    ],
  ],
  [
    'boss@ruida.demo',
    [
      HomeTodoKind.STATEMENT_TO_CONFIRM,
      HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE,
      HomeTodoKind.CO_VISITS_AWAITING_ME,
      HomeTodoKind.COURSES_DUE,
      HomeTodoKind.DOCUMENTS_EXPIRING,
    ],
  ],
];

beforeAll(async () => {
  const rows: Array<{ email: string; distributor_id: string }> = await t.app.ds.query(
    `SELECT email, distributor_id FROM app_user WHERE distributor_id IS NOT NULL`,
  );
  distributorIds = new Map(rows.map((r) => [r.email, r.distributor_id]));
});

test.each(PERSONAS)(
  '%s: one query lists the role’s to-dos, each counted as its list counts it',
  async (email, kinds) => {
    const client = await as(email);
    const answer = await client.request(HOME);
    expect(answer.errors).toEqual([]);
    const todos = answer.data.homeTodos as Todo[];
    expect(todos.map((x) => x.kind)).toEqual(kinds);
    for (const todo of todos) {
      const list = await LIST[todo.kind](client, email);
      expect({ kind: todo.kind, count: todo.count }).toEqual({ kind: todo.kind, count: list.count });
      if (list.ids) expect(todo.records.map((r) => r.id)).toEqual(list.ids);
    }
  },
);

test('the seed gives the to-dos something to count: orders to approve, the rep’s course and co-visit, the owner’s statement', async () => {
  const count = async (email: string, kind: HomeTodoKind) =>
    ((await (await as(email)).request(HOME)).data.homeTodos as Todo[]).find((x) => x.kind === kind)!.count;
  expect(await count('order@huakang.demo', HomeTodoKind.ORDERS_AWAITING_APPROVAL)).toBeGreaterThan(0);
  expect(await count('li.rep@kangda.demo', HomeTodoKind.COURSES_DUE)).toBeGreaterThan(0);
  expect(await count('li.rep@kangda.demo', HomeTodoKind.CO_VISITS_AWAITING_ME)).toBeGreaterThan(0);
  expect(await count('boss@kangda.demo', HomeTodoKind.STATEMENT_TO_CONFIRM)).toBeGreaterThan(0);
});

test('a new order waiting for approval shows in the desk’s count at once, and only in its own brand', async () => {
  const desk = await as('order@huakang.demo');
  const other = await as('order@ruiguang.demo');
  const before = async (c: GqlClient) =>
    ((await c.request(HOME)).data.homeTodos as Todo[]).find((x) => x.kind === HomeTodoKind.ORDERS_AWAITING_APPROVAL)!
      .count;
  const [hk, rg] = [await before(desk), await before(other)];
  const [o] = await t.app.ds.query(
    `SELECT id FROM purchase_order WHERE status = 'SUBMITTED' AND brand_id = $1 LIMIT 1`,
    [userByEmail('order@huakang.demo').brandId],
  );
  expect(o).toBeDefined();
  // an order the desk approves leaves the count
  const { order } = await one<any>(desk, `query($id: ID!) { order(id: $id) { id version } }`, { id: o.id });
  await one(desk, `mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`, {
    id: order.id,
    v: order.version,
  });
  expect(await before(desk)).toBe(hk - 1);
  expect(await before(other)).toBe(rg);
});

test('the whole home page costs the session’s statements and one more, whatever the role', async () => {
  for (const email of ['admin@huakang.demo', 'boss@kangda.demo', 'trainer@huakang.demo']) {
    const client = await as(email);
    const r = await client.request(HOME);
    expect(r.errors).toEqual([]);
    const bare = await client.request(`{ __typename }`);
    // the session lookup, and one statement for every to-do (none when nothing waits)
    const own = userByEmail(email).role === Role.TRAINER ? 0 : 1;
    expect(bare.sqlCount).toBe(1);
    expect(r.sqlCount - bare.sqlCount).toBe(own);
  }
});
