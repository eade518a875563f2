import { Audience } from '@medchannel/shared-schema';
import { BRANDS, DISTRIBUTORS, TWO_BRANDS_EMAIL, membershipsOf } from '../src/db/seed/demo-data';
import { QUALIFICATIONS } from '../src/db/seed/authorization-data';
import { SEED_ORDERS } from '../src/db/seed/order-data';
import { GqlClient, GqlResult, TestApp, startTestApp } from './harness';
import { expectedDistributors, expectedOrders, foreignMarkers } from './personas';
import { fetchExport } from './exports';

/**
 * The isolation matrix's person in two brands (the demo's 俞思远: owner of 宁波瑞康 for 华康 and of
 * 杭州瑞达 for 瑞光, one e-mail, one password). Acting for one brand, nothing of the other reaches
 * them by any path: lists, searches, counts (home to-dos), the inbox, the audit trail, files.
 * The one place both brands are named is the switcher (myMemberships), to the person alone.
 */
const [forA, forB] = membershipsOf(TWO_BRANDS_EMAIL);
let t: TestApp;
let client: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  // something of A's waiting in the person's A inbox, so its absence in B's means something
  const order = SEED_ORDERS.find((o) => o.distributorCode === forA.distributorCode)!;
  await t.app.ds.query(
    `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, 'ORDER_PLACED', 'order', $3, '{}')`,
    [forA.brandId, forA.id, order.id],
  );
  client = t.client(Audience.PORTAL);
  await client.login(TWO_BRANDS_EMAIL);
});
afterAll(() => t?.stop());

const MEMBERSHIPS = `{ myMemberships { id brandName distributorName role current } }`;
const SWITCH = `mutation($id: ID!) { switchMembership(userId: $id) { id brand { name } distributor { name } } }`;

/** Every read a partner owner has, each answer checked whole for the other brand's markers. */
const READS: Array<[string, string, Record<string, unknown>?]> = [
  ['me', `{ me { id email displayName brand { id name } distributor { id name code } } }`],
  ['distributors', `{ distributors(first: 100) { totalCount nodes { id name code } } }`],
  ['orders', `{ orders(first: 100) { totalCount nodes { id number distributor { name } } } }`],
  ['hospitals', `{ hospitals(first: 100) { totalCount nodes { id name } } }`],
  [
    'search: distributors by the other brand’s company',
    `query($s: String) { distributors(first: 100, filter: { search: $s }) { totalCount nodes { id name } } }`,
    { s: '宁波' },
  ],
  [
    'search: hospitals by name',
    `query($s: String) { hospitals(first: 100, filter: { search: $s }) { totalCount nodes { id name } } }`,
    { s: '医院' },
  ],
  ['home to-dos', `{ homeTodos { kind count records { id period validTo version } } }`],
  [
    'notifications',
    `{ notifications(first: 100) { totalCount nodes { id kind entity entityId params { name value } } } }`,
  ],
  ['expiring documents', `{ expiringQualifications(withinDays: 365) { id number } }`],
  ['audit trail', `{ auditLog(first: 100) { totalCount nodes { id entity entityId } } }`],
  ['sessions', `{ mySessions { id audience current } }`],
];

function expectNone(result: GqlResult, markers: string[], where: string): void {
  const leaked = markers.filter((m) => result.text.includes(m));
  expect([where, leaked]).toEqual([where, []]);
}

/** What brand B's membership must never receive: the seed's foreign records for it, and A's own name. */
const markersFor = (b: typeof forB, a: typeof forA) => [
  ...foreignMarkers(b),
  Object.values(BRANDS).find((x) => x.id === a.brandId)!.name,
  a.id,
];

async function file(path: string): Promise<number> {
  const res = await fetch(`${t.url}/files${path}`, {
    headers: {
      'x-medchannel-app': 'portal',
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  await res.arrayBuffer();
  return res.status;
}

test('acting for one brand, then the other, nothing of the other reaches the person by any path', async () => {
  for (const [acting, other] of [
    [forA, forB],
    [forB, forA],
  ]) {
    const switched = await client.request(SWITCH, { id: acting.id });
    expect(switched.errors).toEqual([]);
    expect(switched.data.switchMembership.id).toBe(acting.id);
    const markers = markersFor(acting, other);
    for (const [where, query, variables] of READS) {
      const r = await client.request(query, variables);
      expect([where, r.errors]).toEqual([where, []]);
      expectNone(r, markers, `${where} acting for ${acting.brandId}`);
    }
    // the counts are this brand's alone
    const lists = await client.request(`{ distributors(first: 100) { totalCount } orders(first: 100) { totalCount } }`);
    expect(lists.data.distributors.totalCount).toBe(expectedDistributors(acting).length);
    expect(lists.data.orders.totalCount).toBe(expectedOrders(acting).length);
    const inbox = await client.request(`{ notifications(first: 100) { totalCount } }`);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [acting.id]);
    expect(inbox.data.notifications.totalCount).toBe(n);
    // the other brand's records by id: NOT_FOUND, exactly like a missing one
    const theirOrder = SEED_ORDERS.find((o) => o.distributorCode === other.distributorCode)!;
    const byId = await client.request(`query($id: ID!) { order(id: $id) { id } }`, { id: theirOrder.id });
    expect(byId.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    // files: the other company's pack and scans answer 404; one's own pack is there
    const theirs = DISTRIBUTORS.find((d) => d.code === other.distributorCode)!;
    const mine = DISTRIBUTORS.find((d) => d.code === acting.distributorCode)!;
    expect(await file(`/packs/${theirs.id}.zip`)).toBe(404);
    expect(await file(`/packs/${mine.id}.zip`)).toBe(200);
    for (const q of QUALIFICATIONS.filter((x) => x.distributorCode === other.distributorCode))
      expect(await file(`/qualifications/${q.id}`)).toBe(404);
    // the spreadsheet exports: this brand's rows alone (and the orders all of them); the report is the brand's
    for (const name of ['orders.xlsx', 'receivables-aging.xlsx', 'audit.xlsx', 'sell-out.xlsx']) {
      const sheet = await fetchExport(t, client, name);
      expect([name, sheet.status]).toEqual([name, 200]);
      expectNone({ text: JSON.stringify(sheet.rows) } as GqlResult, markers, `${name} acting for ${acting.brandId}`);
      if (name === 'orders.xlsx') expect(sheet.rows.length).toBe(expectedOrders(acting).length);
    }
    expect(await file('/exports/training-completion.xlsx')).toBe(403);
  }
});

test('the switcher lists both memberships, with the brand and company names, the current one marked', async () => {
  await client.request(SWITCH, { id: forB.id });
  const r = await client.request(MEMBERSHIPS);
  expect(r.errors).toEqual([]);
  const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
  expect([...r.data.myMemberships].sort(byId)).toEqual(
    [forA, forB]
      .map((m) => ({
        id: m.id,
        brandName: Object.values(BRANDS).find((x) => x.id === m.brandId)!.name,
        distributorName: DISTRIBUTORS.find((d) => d.code === m.distributorCode)!.name,
        role: m.role,
        current: m.id === forB.id,
      }))
      .sort(byId),
  );
});
