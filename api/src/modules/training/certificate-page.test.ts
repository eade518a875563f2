import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import { paginate } from '../../common/pagination';
import { SEED_COURSE_CL } from '../../db/seed/training-data';
import { createLoaders } from '../../schema/loaders';
import { CERTIFICATE_ORDER } from './certification.service';
import type { CertificateFilter } from './training.inputs';
import { pagesOf, readsAsBefore, seedListCertificates, seededPerson } from './training.test-kit';

/**
 * certificates(...) builds its page with each row's product lines, person, distributor, course and
 * version in one statement (certificate-page.ts). Each page must list what the path before the tree
 * listed (the service's own query paged by `paginate`), in its order and count, cursor after cursor,
 * and each row must answer what the per-field path answers for the certificate read alone: its row
 * under the scope, and each record through the loader its field resolver reads (and, where it is the
 * person's latest from the course, enrollment(id).certificate through GraphQL), for the admin with
 * every filter, a regional head, a trainer, owners and reps on the portal; another brand sees none.
 */
let t: TestApp;
/** How many rows were also compared with enrollment(id).certificate. */
let viaEnrollment = 0;
const user = (email: string) => seededPerson(t.app.ds, email);

beforeAll(async () => {
  t = await startTestApp();
  await seedListCertificates((sql, params) => t.app.ds.query(sql, params));
});
afterAll(() => t?.stop());

const ROW = `id number issuedOn validTo valid productLines { id name } user { id displayName role }
  distributor { id name } course { id title kind } courseVersion { id version status }`;

type Named = { id: string } | null;
type Node = { id: string; user: Named; course: Named };
type Filter = Partial<CertificateFilter>;

/** The ids, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string, filter: Filter) {
  const { scope } = await user(email);
  const query = t.app.services.certifications.listQuery(scope, filter);
  const page = await paginate(query, { first: 1000 }, CERTIFICATE_ORDER, 'DESC');
  return { ids: page.nodes.map((c) => c.id), totalCount: page.totalCount };
}

/** The certificate read alone: its row under the scope, each part through its field's loader. */
async function alone(scope: Scope, id: string) {
  const loaders = createLoaders(t.app.services, scope);
  const c = await t.app.services.certifications.scoped(scope).andWhere('cert.id = :id', { id }).getOne();
  if (!c) return null;
  const [lines, u, d, course, version] = await Promise.all([
    Promise.all(c.productLineIds.map((l) => loaders.productLineById.load(l))),
    loaders.userById.load(c.userId),
    loaders.distributorById.load(c.distributorId),
    loaders.courseById.load(c.courseId),
    loaders.courseVersionById.load(c.courseVersionId),
  ]);
  return {
    id: c.id,
    number: c.number,
    issuedOn: c.issuedOn,
    validTo: c.validTo,
    valid: c.issuedOn <= today() && c.validTo >= today(),
    productLines: lines.filter((l) => l !== null).map((l) => ({ id: l!.id, name: l!.name })),
    user: u && { id: u.id, displayName: u.displayName, role: u.role },
    distributor: d && { id: d.id, name: d.name },
    course: course && { id: course.id, title: course.title, kind: course.kind },
    courseVersion: version && { id: version.id, version: version.version, status: version.status },
  };
}

const QUERY = `query($n: Int!, $a: String, $f: CertificateFilter) { certificates(first: $n, after: $a, filter: $f) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;
const pages = (client: GqlClient, filter: Filter, size: number) =>
  pagesOf<Node>(client, QUERY, 'certificates', { f: filter }, size);

async function compare(email: string, filter: Filter): Promise<Node[]> {
  const { nodes, client, person } = await readsAsBefore(
    t,
    email,
    (c, size) => pages(c, filter, size),
    () => before(email, filter),
    (n: Node) => n.id,
  );
  for (const node of nodes) {
    expect(node).toEqual(await alone(person.scope, node.id));
    // the person's latest from the course is also what enrollment(id).certificate answers, field by field
    const [e] = await t.app.ds.query(
      `SELECT e.id FROM training_enrollment e JOIN certificate c ON c.user_id = e.user_id AND c.course_id = e.course_id WHERE c.id = $1`,
      [node.id],
    );
    const one = await client.request(`query($id: ID!) { enrollment(id: $id) { certificate { ${ROW} } } }`, {
      id: e.id,
    });
    if (one.data?.enrollment?.certificate?.id === node.id) {
      expect(node).toEqual(one.data.enrollment.certificate);
      viaEnrollment++;
    }
  }
  return nodes;
}

test.each<[string, string, Filter]>([
  ['the admin, every certificate', 'admin@huakang.demo', {}],
  ['the admin, valid today', 'admin@huakang.demo', { validOnly: true }],
  ['a regional head', 'zhao.rh@huakang.demo', {}],
  ['a trainer', 'trainer@huakang.demo', {}],
  ['an owner, their team with its second tier', 'boss@kangda.demo', {}],
  ['an owner of a second tier', 'boss@nbruikang.demo', {}],
  ['a rep, their own', 'li.rep@kangda.demo', {}],
])('the one-statement pages answer what the per-field path answered: %s', async (_, email, filter) => {
  expect((await compare(email, filter)).length).toBeGreaterThan(0);
});

test('the admin, by distributor, person and product line', async () => {
  const [kd] = await t.app.ds.query(`SELECT id FROM distributor WHERE code = 'HK-KD'`);
  expect((await compare('admin@huakang.demo', { distributorId: kd.id })).length).toBeGreaterThan(1);
  const li = await user('li.rep@kangda.demo');
  expect((await compare('admin@huakang.demo', { userId: li.id })).length).toBe(2);
  const [img] = await t.app.ds.query(`SELECT id FROM product_line WHERE code = 'IMG' AND brand_id = $1`, [li.brandId]);
  const lines = await compare('admin@huakang.demo', { productLineId: img.id, validOnly: true });
  expect(lines.length).toBeGreaterThan(1);
});

test('the parts are really read: the archived course is null to distributor staff, shown to the brand', async () => {
  const rep = await compare('li.rep@kangda.demo', {});
  expect(rep.filter((n) => n.course === null).length).toBe(1);
  expect(rep.every((n) => n.user !== null)).toBe(true);
  const admin = await compare('admin@huakang.demo', {});
  expect(admin.every((n) => n.course !== null && n.user !== null)).toBe(true);
  expect(admin.some((n) => n.course?.id === SEED_COURSE_CL)).toBe(true);
  expect(viaEnrollment).toBeGreaterThan(5);
});

test('another brand sees none of them', async () => {
  const huakang = new Set((await before('admin@huakang.demo', {})).ids);
  expect(huakang.size).toBeGreaterThan(5);
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@ruiguang.demo');
  const li = await user('li.rep@kangda.demo');
  for (const filter of [{}, { validOnly: true }]) {
    const seen = await pages(client, filter, 20);
    expect(seen.nodes.filter((n) => huakang.has(n.id))).toEqual([]);
  }
  expect(await pages(client, { userId: li.id }, 5)).toEqual({ nodes: [], totalCount: 0 });
});
