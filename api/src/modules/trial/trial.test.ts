import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * Trials in a brand of the test's own: an opportunity of the first distributor (its rep owns it),
 * one of the second tier, and a stranger brand whose admin must see none of it.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let repA: GqlClient;
let repB: GqlClient;
let stranger: GqlClient;
let oppA: string;
let oppB: string;

const day = (offset: number) => addDays(today(), offset);

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  const other = await createBrand(t.app.ds, 1);
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const [{ id: dept }] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  const opportunity = async (email: string, distributorId: string) => {
    const [{ id: owner }] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1 AND brand_id = $2`, [
      email,
      brand.brandId,
    ]);
    const [o] = await t.app.ds.query(
      `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, created_by)
       VALUES ($1, $2, $3, $4, '试用测试', '1000.00', 'CNY', $5, $6, $5) RETURNING id`,
      [brand.brandId, cat.hospitalInCity, dept, cat.lineId, owner, distributorId],
    );
    return o.id as string;
  };
  oppA = await opportunity(`rep0-${tag}@test.demo`, brand.distributorIds[0]);
  oppB = await opportunity(`rep1-${tag}@test.demo`, brand.distributorIds[1]);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  repA = t.client(Audience.PORTAL);
  await repA.login(`rep0-${tag}@test.demo`);
  repB = t.client(Audience.PORTAL);
  await repB.login(`rep1-${tag}@test.demo`);
  stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
});
afterAll(() => t?.stop());

const FIELDS = `id opportunityId serialNumber status plannedFrom plannedTo protocol deliveredOn returnedOn outcome result
  version overdue agreement { fileName } hospital { id } product { id } history { kind plannedTo note actor { id } }`;
const PLAN = `mutation($i: PlanTrialInput!) { planTrial(input: $i) { ${FIELDS} } }`;
const DELIVER = `mutation($id: ID!, $i: DeliverTrialInput!) { deliverTrial(id: $id, input: $i) { ${FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $i: ExtendTrialInput!) { extendTrial(id: $id, input: $i) { ${FIELDS} } }`;
const RETURN = `mutation($id: ID!, $i: ReturnTrialInput!) { returnTrial(id: $id, input: $i) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $i: CancelTrialInput!) { cancelTrial(id: $id, input: $i) { ${FIELDS} } }`;
const LIST = `query($f: TrialFilter) { trials(first: 50, filter: $f) { totalCount nodes { id serialNumber status overdue } } }`;

const serial = () => `SN-${randomUUID().slice(0, 8)}`;
const count = async (table: string) => (await t.app.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

const plan = async (client: GqlClient, over: Record<string, unknown> = {}) => {
  const res = await client.request(PLAN, {
    i: {
      opportunityId: oppA,
      productId: cat.productII,
      serialNumber: serial(),
      plannedFrom: day(0),
      plannedTo: day(30),
      protocol: '科室试用 30 天',
      ...over,
    },
  });
  expect(res.errors).toEqual([]);
  return res.data.planTrial;
};

test('a trial is planned, delivered, extended with a reason and returned with a result; each change is an event', async () => {
  const p = await plan(repA, { serialNumber: ' sn-life-' + randomUUID().slice(0, 6) + ' ' });
  expect(p).toMatchObject({ status: 'PLANNED', version: 1, overdue: false });
  expect(p.serialNumber).toMatch(/^SN-LIFE-/);
  const d = await repA.request(DELIVER, { id: p.id, i: { expectedVersion: 1, deliveredOn: day(1) } });
  expect(d.data.deliverTrial).toMatchObject({ status: 'DELIVERED', deliveredOn: day(1) });
  const e = await admin.request(EXTEND, {
    id: p.id,
    i: { expectedVersion: 2, plannedTo: day(45), reason: '覆盖更多病例' },
  });
  expect(e.data.extendTrial).toMatchObject({ status: 'EXTENDED', plannedTo: day(45) });
  const r = await repA.request(RETURN, {
    id: p.id,
    i: { expectedVersion: 3, returnedOn: day(40), outcome: 'POSITIVE', result: '图像清晰，科室满意' },
  });
  expect(r.data.returnTrial).toMatchObject({ status: 'RETURNED', outcome: 'POSITIVE', returnedOn: day(40) });
  const history = r.data.returnTrial.history;
  expect(history.map((h: { kind: string }) => h.kind)).toEqual(['PLANNED', 'DELIVERED', 'EXTENDED', 'RETURNED']);
  expect(history[2]).toMatchObject({ plannedTo: day(45), note: '覆盖更多病例' });
  expect(history.every((h: { actor: unknown }) => h.actor !== undefined)).toBe(true);
  // returned is final; a stale version changes nothing
  const again = await repA.request(CANCEL, { id: p.id, i: { expectedVersion: 4, reason: '不再需要' } });
  expect(reasonOf(again)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const stale = await repA.request(EXTEND, { id: p.id, i: { expectedVersion: 1, plannedTo: day(60), reason: 'x2' } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  // events are append-only
  await expect(t.app.ds.query(`UPDATE trial_event SET note = 'x' WHERE trial_id = $1`, [p.id])).rejects.toThrow();
});

test('one open trial per serial: the second is refused (SERIAL_ON_TRIAL); after the return the serial is free', async () => {
  const sn = serial();
  const first = await plan(repA, { serialNumber: sn });
  const before = await count('trial');
  const second = await admin.request(PLAN, {
    i: {
      opportunityId: oppB,
      productId: cat.productII,
      serialNumber: sn.toLowerCase(),
      plannedFrom: day(0),
      plannedTo: day(5),
      protocol: '再试',
    },
  });
  expect(codeOf(second)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(second)).toBe(ErrorReason.SERIAL_ON_TRIAL);
  expect(await count('trial')).toBe(before);
  await repA.request(CANCEL, { id: first.id, i: { expectedVersion: 1, reason: '科室推迟' } });
  await plan(admin, { opportunityId: oppB, serialNumber: sn });
});

test('concurrent plans of one serial: exactly one wins, the others answer SERIAL_ON_TRIAL', async () => {
  const sn = serial();
  const tries = await Promise.all(
    [repA, admin, admin, repA].map((c, i) =>
      c.request(PLAN, {
        i: {
          opportunityId: oppA,
          productId: cat.productII,
          serialNumber: sn,
          plannedFrom: day(0),
          plannedTo: day(i + 1),
          protocol: `并发 ${i}`,
        },
      }),
    ),
  );
  expect(tries.filter((r) => r.errors.length === 0)).toHaveLength(1);
  expect(tries.filter((r) => reasonOf(r) === ErrorReason.SERIAL_ON_TRIAL)).toHaveLength(3);
  const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM trial WHERE serial_number = $1`, [
    sn.toUpperCase(),
  ]);
  expect(n).toBe(1);
});

test('overdue: an open trial past its last day (China date), not one ending today, not a returned one', async () => {
  const late = await plan(repA, { plannedFrom: day(-10), plannedTo: day(-1) });
  const due = await plan(repA, { plannedFrom: day(-10), plannedTo: day(0) });
  const back = await plan(repA, { plannedFrom: day(-10), plannedTo: day(-2) });
  await repA.request(DELIVER, { id: back.id, i: { expectedVersion: 1, deliveredOn: day(-9) } });
  await repA.request(RETURN, {
    id: back.id,
    i: { expectedVersion: 2, returnedOn: day(-3), outcome: 'NEGATIVE', result: '不合适' },
  });
  const list = await repA.request(LIST, { f: { overdue: true } });
  const ids = list.data.trials.nodes.map((n: { id: string }) => n.id);
  expect(ids).toContain(late.id);
  expect(ids).not.toContain(due.id);
  expect(ids).not.toContain(back.id);
  expect(list.data.trials.nodes.every((n: { overdue: boolean }) => n.overdue)).toBe(true);
  const all = await repA.request(`query($id: ID!) { opportunityTrials(opportunityId: $id) { id overdue } }`, {
    id: oppA,
  });
  const flag = (id: string) => all.data.opportunityTrials.find((x: { id: string }) => x.id === id).overdue;
  expect([flag(late.id), flag(due.id), flag(back.id)]).toEqual([true, false, false]);
});

test('NOT_FOUND across distributors and brands, for reads, changes and ids inside inputs', async () => {
  const mine = await plan(repA);
  for (const c of [repB, stranger]) {
    expect(codeOf(await c.request(`query($id: ID!) { trial(id: $id) { id } }`, { id: mine.id }))).toBe(
      ErrorCode.NOT_FOUND,
    );
    const opp = await c.request(`query($id: ID!) { opportunityTrials(opportunityId: $id) { id } }`, { id: oppA });
    expect(codeOf(opp)).toBe(ErrorCode.NOT_FOUND);
    const d = await c.request(DELIVER, { id: mine.id, i: { expectedVersion: 1, deliveredOn: day(0) } });
    expect(codeOf(d)).toBe(ErrorCode.NOT_FOUND);
    const list = await c.request(LIST, { f: { search: mine.serialNumber } });
    expect(list.data.trials.totalCount).toBe(0);
  }
  const before = await count('trial');
  const foreign = await repB.request(PLAN, {
    i: {
      opportunityId: oppA,
      productId: cat.productII,
      serialNumber: serial(),
      plannedFrom: day(0),
      plannedTo: day(1),
      protocol: '越界',
    },
  });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  expect(foreign.errors[0].message).not.toContain(oppA);
  expect(await count('trial')).toBe(before);
  // the admin of the brand sees it
  expect((await admin.request(`query($id: ID!) { trial(id: $id) { id } }`, { id: mine.id })).errors).toEqual([]);
});

test('a retry with the same request key answers the first trial; other contents are refused', async () => {
  const key = randomUUID();
  const sn = serial();
  const first = await plan(repA, { serialNumber: sn, idempotencyKey: key });
  const before = await count('trial_event');
  const retry = await plan(repA, { serialNumber: sn, idempotencyKey: key });
  expect(retry.id).toBe(first.id);
  expect(await count('trial_event')).toBe(before);
  const other = await repA.request(PLAN, {
    i: {
      opportunityId: oppA,
      productId: cat.productII,
      serialNumber: serial(),
      plannedFrom: day(0),
      plannedTo: day(30),
      protocol: '科室试用 30 天',
      idempotencyKey: key,
    },
  });
  expect(reasonOf(other)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
});

test('invalid input is refused with a coded error and changes nothing', async () => {
  const p = await plan(repA);
  const trials = await count('trial');
  const events = await count('trial_event');
  const base = { opportunityId: oppA, productId: cat.productII, serialNumber: serial(), protocol: '试用' };
  const refused = [
    await repA.request(PLAN, { i: { ...base, plannedFrom: day(5), plannedTo: day(1) } }),
    await repA.request(PLAN, { i: { ...base, plannedFrom: day(0), plannedTo: day(400) } }),
    await repA.request(PLAN, { i: { ...base, serialNumber: '含 空格!', plannedFrom: day(0), plannedTo: day(1) } }),
    await repA.request(EXTEND, { id: p.id, i: { expectedVersion: 1, plannedTo: day(40), reason: '计划不该延期' } }),
    await repA.request(DELIVER, { id: p.id, i: { expectedVersion: 1, deliveredOn: 'tomorrow' } }),
  ];
  for (const r of refused) expect(r.errors.length).toBeGreaterThan(0);
  expect(reasonOf(refused[0])).toBe(ErrorReason.VALIDATION_FAILED);
  expect(reasonOf(refused[3])).toBe(ErrorReason.ILLEGAL_TRANSITION);
  await repA.request(DELIVER, { id: p.id, i: { expectedVersion: 1, deliveredOn: day(0) } });
  const earlier = await repA.request(EXTEND, {
    id: p.id,
    i: { expectedVersion: 2, plannedTo: day(10), reason: '缩短' },
  });
  expect(reasonOf(earlier)).toBe(ErrorReason.VALIDATION_FAILED);
  expect(await count('trial')).toBe(trials);
  expect(await count('trial_event')).toBe(events + 1);
});

test('the signed agreement is uploaded and read back by those who see the trial only', async () => {
  const p = await plan(repA);
  const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(512, 0x20), Buffer.from('\n%%EOF')]);
  const headers = (c: GqlClient) => ({
    'x-medchannel-app': c.audience!.toLowerCase(),
    cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  });
  const url = `${t.url}/files/trials/${p.id}/agreement`;
  const put = (c: GqlClient) =>
    fetch(url, {
      method: 'PUT',
      headers: { ...headers(c), 'x-file-name': encodeURIComponent('试用协议.pdf') },
      body: PDF,
    });
  expect((await put(repB)).status).toBe(404);
  expect((await fetch(url, { headers: headers(repA) })).status).toBe(404);
  expect((await put(repA)).status).toBe(200);
  const got = await fetch(url, { headers: headers(admin) });
  expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  expect((await fetch(url, { headers: headers(stranger) })).status).toBe(404);
  const after = await repA.request(
    `query($id: ID!) { trial(id: $id) { agreement { fileName } history { kind note } } }`,
    { id: p.id },
  );
  expect(after.data.trial.agreement.fileName).toBe('试用协议.pdf');
  expect(after.data.trial.history.map((h: { kind: string }) => h.kind)).toEqual(['PLANNED', 'AGREEMENT']);
});

test('a trial’s audit rows carry its opportunity’s distributor, so that distributor’s owner reads them', async () => {
  const p = await plan(repA);
  const rows: Array<{ distributor_id: string | null }> = await t.app.ds.query(
    `SELECT distributor_id FROM audit_log WHERE entity = 'trial' AND entity_id = $1`,
    [p.id],
  );
  expect(rows).toEqual([{ distributor_id: brand.distributorIds[0] }]);
  const LOG = `query($f: AuditFilter) { auditLog(filter: $f, first: 20) { nodes { entity entityId distributor { id } } } }`;
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const res = await owner.request(LOG, { f: { entity: 'trial', entityId: p.id } });
  expect(res.errors).toEqual([]);
  expect(res.data.auditLog.nodes).toEqual([
    { entity: 'trial', entityId: p.id, distributor: { id: brand.distributorIds[0] } },
  ]);
  const foreign = await stranger.request(LOG, { f: { entity: 'trial', entityId: p.id } });
  expect(foreign.data.auditLog.nodes).toEqual([]);
});
