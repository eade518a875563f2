import { Audience, ErrorCode, Side, sideOfRole } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { expectedDistributors, expectedHospitals, foreignHospitals, foreignVisitNotes } from '../../../test/personas';
import { userByEmail } from '../../db/seed/demo-data';
import { SEED_VISIT_NOTES } from '../../db/seed/visit-data';
import { GLOBAL_SEARCH } from './search.isolation';
import type { SeedUser } from '../../db/seed/demo-data';

const readsNote = (user: SeedUser, id: string) => !foreignVisitNotes(user).some((n) => n.id === id);

/**
 * The console's global search: each kind is its list's own search (the same total, the same first
 * records), in the viewer's scope; a kind the role does not list is null; the partner side may not
 * ask; too little text is a coded error.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const CM = 'zhang.cm@huakang.demo';
const ADMIN = 'admin@huakang.demo';
const HEAD = 'zhao.rh@huakang.demo';

type Hits = { totalCount: number; nodes: Array<Record<string, any>> } | null;
type Found = Record<'hospitals' | 'distributors' | 'orders' | 'visitNotes' | 'people', Hits>;

async function as(email: string): Promise<GqlClient> {
  const client = t.client(sideOfRole(userByEmail(email).role) === Side.BRAND ? Audience.CONSOLE : Audience.PORTAL);
  await client.login(email);
  return client;
}

async function search(client: GqlClient, text: string): Promise<Found> {
  const r = await client.request(GLOBAL_SEARCH, { text });
  expect(r.errors).toEqual([]);
  return r.data.globalSearch as Found;
}

const ids = (h: Hits) => (h?.nodes ?? []).map((n) => n.id as string);

describe('each kind is its list’s own search', () => {
  test.each([
    [CM, '医院'],
    [CM, 'SO'],
    [ADMIN, '康达'],
  ])('as %s, “%s”: the same totals and first records as the lists', async (email, text) => {
    const client = await as(email);
    const found = await search(client, text);
    const lists = (
      await client.request(
        `query($s: String) {
          hospitals(first: 10, filter: { search: $s }) { totalCount nodes { id } }
          distributors(first: 10, filter: { search: $s }) { totalCount nodes { id } }
          orders(first: 10, filter: { search: $s }) { totalCount nodes { id } }
          visitNotes(first: 10, filter: { search: $s }) { totalCount nodes { id } } }`,
        { s: text },
      )
    ).data;
    for (const kind of ['hospitals', 'distributors', 'orders', 'visitNotes'] as const) {
      expect({ kind, total: found[kind]?.totalCount, ids: ids(found[kind]) }).toEqual({
        kind,
        total: lists[kind].totalCount,
        ids: lists[kind].nodes.map((n: { id: string }) => n.id),
      });
    }
    expect(found.hospitals!.totalCount + found.orders!.totalCount).toBeGreaterThan(0);
  });
});

test('a channel manager finds only his own distributors, their orders, his hospitals and the notes he reads; no people', async () => {
  const me = userByEmail(CM);
  const found = await search(await as(CM), 'SO');
  const mine = new Set(expectedDistributors(me).map((d) => d.name));
  expect(found.orders!.nodes.length).toBeGreaterThan(0);
  for (const o of found.orders!.nodes) expect(mine).toContain(o.distributor.name);
  expect(found.people).toBeNull();

  const foreign = foreignHospitals(me).find((h) => h.brandId === me.brandId)!;
  const probe = await search(await as(CM), foreign.name);
  expect(ids(probe.hospitals)).not.toContain(foreign.id);
  expect(JSON.stringify(probe)).not.toContain(foreign.name);

  const seen = new Set(expectedHospitals(me).map((h) => h.id));
  const notes = await search(await as(CM), SEED_VISIT_NOTES[0].outcome.slice(0, 6));
  for (const n of notes.visitNotes!.nodes) {
    const seed = SEED_VISIT_NOTES.find((s) => s.id === n.id);
    if (seed) expect(readsNote(me, seed.id)).toBe(true);
    if (n.hospital) expect(seen).toContain(n.hospital.id);
  }
});

test('each kind is found by its name, number, code or words', async () => {
  const admin = await as(ADMIN);
  const { orders } = (await admin.request(`{ orders(first: 1) { nodes { id number } } }`)).data;
  const order = orders.nodes[0];
  expect(ids((await search(admin, order.number.slice(-8))).orders)).toContain(order.id);

  const hospital = expectedHospitals(userByEmail(ADMIN))[0];
  expect(ids((await search(admin, hospital.name)).hospitals)).toContain(hospital.id);

  const distributor = expectedDistributors(userByEmail(ADMIN))[0];
  expect(ids((await search(admin, distributor.code)).distributors)).toContain(distributor.id);

  const note = SEED_VISIT_NOTES.find((n) => readsNote(userByEmail(ADMIN), n.id))!;
  expect(ids((await search(admin, note.outcome.slice(0, 10))).visitNotes)).toContain(note.id);

  const people = (await search(admin, 'zhang.cm')).people!;
  expect(people.nodes.map((p) => p.email)).toEqual([CM]);
});

test('a regional head finds the people of his team only', async () => {
  const head = await as(HEAD);
  const found = await search(head, '@huakang.demo');
  const team = (
    await head.request(
      `{ users(first: 100, filter: { side: BRAND, team: true, search: "@huakang.demo" }) { totalCount } }`,
    )
  ).data.users;
  expect(found.people!.totalCount).toBe(team.totalCount);
  expect(found.people!.nodes.map((p) => p.email)).not.toContain(ADMIN);
});

test('the partner side may not search the console; the other brand finds none of 华康’s records', async () => {
  const owner = await as('boss@kangda.demo');
  expect(codeOf(await owner.request(GLOBAL_SEARCH, { text: '医院' }))).toBe(ErrorCode.FORBIDDEN);

  const other = await as('admin@ruiguang.demo');
  const hospital = expectedHospitals(userByEmail(ADMIN))[0];
  const probe = await search(other, hospital.name);
  expect(JSON.stringify(probe)).not.toContain(hospital.id);
  expect(probe.hospitals!.totalCount).toBe(0);
});

test.each(['', 'a', '  a  ', 'x'.repeat(101)])('“%s” is too little or too much text: BAD_USER_INPUT', async (text) => {
  const r = await (await as(CM)).request(GLOBAL_SEARCH, { text });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
});
