import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import type { Scope } from '../../auth/scope';
import { paginate } from '../../common/pagination';
import { SEED_COURSE_CL } from '../../db/seed/training-data';
import { createLoaders } from '../../schema/loaders';
import { certifiedLines } from './readiness-page';
import { READINESS_ORDER } from './training-report.service';
import type { ReadinessArgs } from './training.inputs';
import { pagesOf, readsAsBefore, seedListCertificates, seededPerson } from './training.test-kit';

/**
 * trainingReadiness(...) builds its page of people with each one's enrollment counts, distributor,
 * certificates and the product lines they name in one statement (readiness-page.ts). Each page must
 * list the people the path before the tree listed (the service's own query paged by `paginate`), in
 * its order and count, cursor after cursor, and each row must answer what the per-field path
 * answers for the person read alone: the counts as countsByUserIds counts them, each record through
 * the loader its field resolver reads; for the admin with every filter, a regional head, a trainer,
 * owners and a rep on the portal; another brand sees none of them.
 */
let t: TestApp;
const user = (email: string) => seededPerson(t.app.ds, email);

beforeAll(async () => {
  t = await startTestApp();
  await seedListCertificates((sql, params) => t.app.ds.query(sql, params));
  // one of 杭州康达's reps is overdue on the CL-1000 course
  await t.app.ds.query(
    `UPDATE training_enrollment SET due_on = CURRENT_DATE - 2, passed_at = NULL, started_at = now()
      WHERE user_id = (SELECT id FROM app_user WHERE email = 'sun.rep@kangda.demo') AND course_id = $1`,
    [SEED_COURSE_CL],
  );
});
afterAll(() => t?.stop());

const ROW = `userId assigned inProgress completed overdue user { id displayName role } distributor { id name }
  certifiedLines { productLineId validTo certificateId productLine { id name } }`;

type Node = {
  userId: string;
  assigned: number;
  completed: number;
  overdue: number;
  distributor: { id: string } | null;
  certifiedLines: Array<{ productLineId: string }>;
};
type Filter = Partial<ReadinessArgs>;

/** The people, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string, filter: Filter) {
  const { scope } = await user(email);
  const page = await paginate(
    t.app.services.trainingReports.readinessQuery(scope, filter),
    { first: 1000 },
    READINESS_ORDER,
  );
  return { ids: page.nodes.map((u) => u.id), totalCount: page.totalCount };
}

/** The person read alone: the counts as countsByUserIds counts them, each part through its field's loader. */
async function alone(scope: Scope, userId: string) {
  const loaders = createLoaders(t.app.services, scope);
  const [counts] = await t.app.services.trainingReports.countsByUserIds(scope, [userId]);
  const u = await loaders.userById.load(userId);
  const d = u && (await loaders.distributorById.load(u.distributorId!));
  const lines = certifiedLines(await loaders.certificatesByUserId.load(userId));
  return {
    userId,
    assigned: counts?.assigned ?? 0,
    inProgress: counts?.inProgress ?? 0,
    completed: counts?.completed ?? 0,
    overdue: counts?.overdue ?? 0,
    user: u && { id: u.id, displayName: u.displayName, role: u.role },
    distributor: d && { id: d.id, name: d.name },
    certifiedLines: await Promise.all(
      lines.map(async (l) => {
        const line = await loaders.productLineById.load(l.productLineId);
        return { ...l, productLine: line && { id: line.id, name: line.name } };
      }),
    ),
  };
}

const QUERY = `query($n: Int!, $a: String, $d: ID, $l: ID, $s: String) {
  trainingReadiness(first: $n, after: $a, distributorId: $d, productLineId: $l, search: $s) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;
const pages = (client: GqlClient, filter: Filter, size: number) =>
  pagesOf<Node>(
    client,
    QUERY,
    'trainingReadiness',
    { d: filter.distributorId, l: filter.productLineId, s: filter.search },
    size,
  );

async function compare(email: string, filter: Filter): Promise<Node[]> {
  const { nodes, person } = await readsAsBefore(
    t,
    email,
    (c, size) => pages(c, filter, size),
    () => before(email, filter),
    (n: Node) => n.userId,
  );
  for (const node of nodes) expect(node).toEqual(await alone(person.scope, node.userId));
  return nodes;
}

const IMG = async () =>
  (
    await t.app.ds.query(
      `SELECT id FROM product_line WHERE code = 'IMG' AND brand_id = (SELECT brand_id FROM app_user WHERE email = 'admin@huakang.demo')`,
    )
  )[0].id;

test.each<[string, string, Filter]>([
  ['the admin, everyone', 'admin@huakang.demo', {}],
  ['the admin, by a person’s name', 'admin@huakang.demo', { search: '康达' }],
  ['a regional head', 'zhao.rh@huakang.demo', {}],
  ['a trainer', 'trainer@huakang.demo', {}],
  ['an owner, their team with its second tier', 'boss@kangda.demo', {}],
  ['an owner of a second tier', 'boss@nbruikang.demo', {}],
  ['a rep, themselves', 'li.rep@kangda.demo', {}],
])('the one-statement pages answer what the per-field path answered: %s', async (_, email, filter) => {
  expect((await compare(email, filter)).length).toBeGreaterThan(0);
});

test('the admin, by distributor and by a line held', async () => {
  const [kd] = await t.app.ds.query(`SELECT id FROM distributor WHERE code = 'HK-KD'`);
  expect((await compare('admin@huakang.demo', { distributorId: kd.id })).length).toBeGreaterThan(1);
  expect((await compare('admin@huakang.demo', { productLineId: await IMG() })).length).toBeGreaterThan(1);
  expect((await compare('boss@kangda.demo', { productLineId: await IMG() })).length).toBeGreaterThan(0);
});

test('the parts are really read: counts, lines held today (not lapsed, not yet valid), two lines from one certificate', async () => {
  const rows = await compare('boss@kangda.demo', {});
  expect(rows.some((n) => n.assigned > 0 && n.completed > 0)).toBe(true);
  expect(rows.some((n) => n.overdue > 0)).toBe(true);
  expect(rows.some((n) => n.certifiedLines.length === 2)).toBe(true);
  const lines = async (email: string) => {
    const id = (await user(email)).id;
    return rows.find((n) => n.userId === id)!.certifiedLines.length;
  };
  // li: one valid (CL-1000), the sales one lapsed; sun: his is not valid yet; 宁波瑞康's owner: two lines
  expect(await lines('li.rep@kangda.demo')).toBe(1);
  expect(await lines('sun.rep@kangda.demo')).toBe(0);
  expect(await lines('boss@nbruikang.demo')).toBe(2);
  expect(rows.every((n) => n.distributor !== null)).toBe(true);
  // a certificate is seen under its own distributor's scope, not its holder's
  expect(await lines('zhou.rep@nbruikang.demo')).toBe(1);
  const zhou = (await user('zhou.rep@nbruikang.demo')).id;
  const second = await compare('boss@nbruikang.demo', {});
  expect(second.find((n) => n.userId === zhou)!.certifiedLines).toEqual([]);
});

test('another brand sees none of them', async () => {
  const huakang = new Set((await before('admin@huakang.demo', {})).ids);
  expect(huakang.size).toBeGreaterThan(5);
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@ruiguang.demo');
  const [kd] = await t.app.ds.query(`SELECT id FROM distributor WHERE code = 'HK-KD'`);
  for (const filter of [{}, { search: '康达' }, { productLineId: await IMG() }]) {
    const seen = await pages(client, filter, 20);
    expect(seen.nodes.filter((n) => huakang.has(n.userId))).toEqual([]);
  }
  expect(await pages(client, { distributorId: kd.id }, 5)).toEqual({ nodes: [], totalCount: 0 });
});
