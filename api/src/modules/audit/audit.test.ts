import ExcelJS from 'exceljs';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { SEED_AUDIT } from './audit.seed';

/**
 * The audit trail, read in scope: an admin the brand's, a regional head his regions' distributors'
 * records, an owner his own company's (never the brand's assessments); filtered, paged and exported.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const LOG = `query($f: AuditFilter, $n: Int, $after: String) { auditLog(filter: $f, first: $n, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { id side action entity entityId createdAt actor { id displayName side } distributor { id name } changes { field from to } } } }`;
type Entry = {
  id: string;
  action: string;
  entity: string;
  actor: { displayName: string } | null;
  distributor: { id: string; name: string } | null;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
};

async function log(c: GqlClient, f: Record<string, unknown> = {}, n = 100) {
  const r = await c.request(LOG, { f, n });
  expect(r.errors).toEqual([]);
  return r.data.auditLog as {
    totalCount: number;
    nodes: Entry[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}
const ids = (entries: Entry[]) => entries.map((e) => e.id);
const KD = distributorByCode('HK-KD');
const YK = distributorByCode('HK-YK');

test('an admin filters by a distributor and reads who changed what, before → after', async () => {
  const admin = await t.as('admin@huakang.demo');
  const page = await log(admin, { distributorId: KD.id });
  const credit = page.nodes.find((e) => e.id === SEED_AUDIT[0].id)!;
  expect(credit).toMatchObject({
    action: 'SET_CREDIT_LIMIT',
    entity: 'distributor',
    actor: { displayName: '孙丽' },
    distributor: { id: KD.id, name: KD.name },
    changes: [{ field: 'creditLimit', from: '3000000.00', to: '5000000.00' }],
  });
  // the rep's finance access belongs to 康达 too (found through the person's distributor)
  expect(ids(page.nodes)).toContain(SEED_AUDIT[2].id);
  expect(page.nodes.every((e) => e.distributor?.id === KD.id)).toBe(true);
  // by person, by record, by days
  const byPerson = await log(admin, { actorId: userByEmail('finance@huakang.demo').id });
  expect(ids(byPerson.nodes)).toContain(SEED_AUDIT[0].id);
  expect(ids(byPerson.nodes)).not.toContain(SEED_AUDIT[3].id);
  const byRecord = await log(admin, { entity: 'distributor', entityId: YK.id });
  expect(ids(byRecord.nodes)).toEqual([SEED_AUDIT[3].id]);
  const [{ day }] = await t.app.ds.query(
    `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM audit_log WHERE id = $1`,
    [SEED_AUDIT[3].id],
  );
  expect(ids((await log(admin, { from: day, to: day, distributorId: YK.id })).nodes)).toEqual([SEED_AUDIT[3].id]);
  expect((await log(admin, { to: day, from: day, entityId: KD.id })).totalCount).toBe(0);
  // the other brand's admin sees none of it
  const other = await t.as('admin@ruiguang.demo');
  expect((await log(other, { distributorId: KD.id })).totalCount).toBe(0);
  expect(ids((await log(other)).nodes)).toContain(SEED_AUDIT[4].id);
});

test('a regional head reads his regions’ distributors, not another region’s', async () => {
  const head = await t.as('zhao.rh@huakang.demo');
  const all = ids((await log(head)).nodes);
  expect(all).toEqual(expect.arrayContaining([SEED_AUDIT[0].id, SEED_AUDIT[1].id, SEED_AUDIT[2].id]));
  expect(all).not.toContain(SEED_AUDIT[3].id);
  expect((await log(head, { distributorId: YK.id })).totalCount).toBe(0);
});

test('an owner reads his company’s trail, his people’s and the brand’s actions, never the brand’s assessment nor another company’s', async () => {
  const owner = await t.as('boss@kangda.demo');
  const mine = await log(owner);
  expect(ids(mine.nodes)).toEqual(expect.arrayContaining([SEED_AUDIT[0].id, SEED_AUDIT[2].id]));
  expect(ids(mine.nodes)).not.toContain(SEED_AUDIT[1].id);
  expect(ids(mine.nodes)).not.toContain(SEED_AUDIT[3].id);
  const access = mine.nodes.find((e) => e.id === SEED_AUDIT[2].id)!;
  expect(access).toMatchObject({
    actor: { displayName: '钱永强' },
    changes: [{ field: 'financeAccess', from: 'false', to: 'true' }],
  });
  const other = await t.as('boss@huaning.demo');
  expect(ids((await log(other)).nodes)).not.toContain(SEED_AUDIT[0].id);
  expect((await log(other, { distributorId: KD.id })).totalCount).toBe(0);
});

test('those the trail is not for are refused', async () => {
  for (const email of ['li.rep@kangda.demo', 'zhang.cm@huakang.demo', 'order@huakang.demo']) {
    const r = await (await t.as(email)).request(LOG, { f: {}, n: 5 });
    expect(r.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  }
});

test('a row written by any module finds its record’s distributor itself, and the list pages newest first by cursor', async () => {
  const [order] = await t.app.ds.query(`SELECT id, brand_id, distributor_id FROM purchase_order LIMIT 1`);
  const admin = userByEmail('admin@huakang.demo');
  const [row] = await t.app.ds.query(
    `INSERT INTO audit_log (brand_id, actor_id, side, action, entity, entity_id) VALUES ($1, $2, 'BRAND', 'TEST', 'order', $3) RETURNING distributor_id`,
    [order.brand_id, admin.id, order.id],
  );
  expect(row.distributor_id).toBe(order.distributor_id);

  const c = await t.as('admin@huakang.demo');
  const whole = await log(c, {}, 100);
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const r = await c.request(LOG, { f: {}, n: 2, after });
    expect(r.errors).toEqual([]);
    const page: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = r.data.auditLog;
    seen.push(...ids(page.nodes));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && seen.length < 100);
  expect(seen).toEqual(ids(whole.nodes).slice(0, seen.length));
  expect(new Set(seen).size).toBe(seen.length);
});

test('bad filters are refused with the field named', async () => {
  const admin = await t.as('admin@huakang.demo');
  const backwards = await admin.request(LOG, { f: { from: '2026-03-02', to: '2026-03-01' } });
  expect(backwards.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  const kind = await admin.request(LOG, { f: { entity: 'Order; DROP' } });
  expect(kind.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

const cookie = (c: GqlClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
async function sheet(c: GqlClient, app: 'console' | 'portal', query: string) {
  const res = await fetch(`${t.url}/files/exports/audit.xlsx?${query}`, {
    headers: { 'x-medchannel-app': app, cookie: cookie(c) },
  });
  return res;
}

test('the export carries the list’s filters into Excel, in the viewer’s scope', async () => {
  const admin = await t.as('admin@huakang.demo');
  const res = await sheet(admin, 'console', `distributor=${KD.id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
  expect(rows.length).toBe((await log(admin, { distributorId: KD.id })).totalCount);
  const credit = rows.find((r) => r[4] === 'SET_CREDIT_LIMIT')!;
  expect(credit[3]).toBe('孙丽');
  expect(credit[7]).toBe(KD.name);
  expect(credit[8]).toBe('creditLimit: 3000000.00 → 5000000.00');

  const owner = await t.as('boss@huaning.demo');
  const foreign = await sheet(owner, 'portal', `distributor=${KD.id}`);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load((await foreign.arrayBuffer()) as ArrayBuffer);
  expect(wb2.worksheets[0].rowCount).toBe(1);

  const rep = await t.as('li.rep@kangda.demo');
  expect((await sheet(rep, 'portal', '')).status).toBe(403);
  expect((await sheet(admin, 'console', 'from=yesterday')).status).toBe(400);
  expect((await sheet(admin, 'console', 'person=1')).status).toBe(400);
  expect((await sheet(admin, 'console', 'from=2026-03-02&to=2026-03-01')).status).toBe(400);
});
