import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason, Role, Side } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog, withDemoPassword } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * Pre-sales work and delivery projects in a brand of the test's own (an engineer of its province,
 * two distributors), and a second brand whose people must learn nothing of the first's.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let other: BrandFixture;
let admin: GqlClient;
let engineer: GqlClient;
let engineerId: string;
let owner: GqlClient;
let rep1: GqlClient;
let otherAdmin: GqlClient;
let departmentId: string;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-delivery-files-'));

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(256, 32), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  t = await startTestApp({ filesDir });
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  other = await createBrand(t.app.ds, 1);
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const email = `engineer-${tag}@test.demo`;
  [{ id: engineerId }] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role) VALUES ($1, $2, '工程师', $3, $4) RETURNING id`,
    [brand.brandId, email, Side.BRAND, Role.ENGINEER],
  );
  await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
    brand.brandId,
    engineerId,
    cat.provinceId,
  ]);
  await withDemoPassword(t.app.ds, email);
  [{ id: departmentId }] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  engineer = t.client(Audience.CONSOLE);
  await engineer.login(email);
  owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  rep1 = t.client(Audience.PORTAL);
  await rep1.login(`rep1-${tag}@test.demo`);
  otherAdmin = t.client(Audience.CONSOLE);
  await otherAdmin.login(other.adminEmail);
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** An opportunity of the first distributor at the city hospital, in the given stage. */
async function opportunity(stage: string): Promise<string> {
  const [o] = await t.app.ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
     VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', (SELECT id FROM app_user WHERE email = $6), $7, $8, (SELECT id FROM app_user WHERE email = $6)) RETURNING id`,
    [
      brand.brandId,
      cat.hospitalInCity,
      departmentId,
      cat.lineId,
      `交付测试 ${randomUUID().slice(0, 6)}`,
      brand.adminEmail,
      brand.distributorIds[0],
      stage,
    ],
  );
  return o.id;
}

const count = async (sql: string, params: unknown[]) => (await t.app.ds.query(sql, params))[0].n as number;
const WORK = `query($o: ID!) { presalesWork(opportunityId: $o) { totalHours entries { id kind workDate hours note reversesId reversed } } }`;
const LOG = `mutation($i: LogPresalesWorkInput!) { logPresalesWork(input: $i) { id hours reversed } }`;
const REVERSE = `mutation($id: ID!) { reversePresalesWork(id: $id, note: "录错") { id hours reversesId } }`;
const PROJECT = `id version status overdue engineer { id displayName } opportunity { id }
  milestones { id kind plannedDate doneDate note overdue files { id kind fileName url } }`;
const CREATE = `mutation($i: CreateDeliveryProjectInput!) { createDeliveryProject(input: $i) { ${PROJECT} } }`;
const OF = `query($o: ID!) { deliveryProjectOfOpportunity(opportunityId: $o) { ${PROJECT} } }`;
const PLAN = `mutation($i: PlanMilestoneInput!) { planDeliveryMilestone(input: $i) { ${PROJECT} } }`;
const COMPLETE = `mutation($i: CompleteMilestoneInput!) { completeDeliveryMilestone(input: $i) { ${PROJECT} } }`;

const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const upload = (c: GqlClient, milestoneId: string, kind: string, body: Buffer) =>
  fetch(`${t.url}/files/delivery-milestones/${milestoneId}/files?kind=${kind}`, {
    method: 'PUT',
    headers: { ...headers(c), 'x-file-name': encodeURIComponent('验收单.pdf') },
    body,
  });

test('pre-sales hours are logged once per key, corrected by a reversal, and summed', async () => {
  const o = await opportunity('NEED_CONFIRMED');
  const key = randomUUID();
  const input = { opportunityId: o, kind: 'DEMO', workDate: today(), hours: '2.5', note: '演示', idempotencyKey: key };
  const first = await engineer.request(LOG, { i: input });
  expect(first.errors).toEqual([]);
  const again = await engineer.request(LOG, { i: input });
  expect(again.data.logPresalesWork.id).toBe(first.data.logPresalesWork.id);
  const reused = await engineer.request(LOG, { i: { ...input, hours: '3' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  const second = await admin.request(LOG, {
    i: { ...input, kind: 'TECHNICAL_SUPPORT', hours: '1.25', idempotencyKey: null },
  });
  expect(second.errors).toEqual([]);
  expect((await engineer.request(WORK, { o })).data.presalesWork.totalHours).toBe('3.75');

  const reversal = await engineer.request(REVERSE, { id: first.data.logPresalesWork.id });
  expect(reversal.errors).toEqual([]);
  expect(reversal.data.reversePresalesWork).toMatchObject({
    hours: '-2.50',
    reversesId: first.data.logPresalesWork.id,
  });
  const work = (await admin.request(WORK, { o })).data.presalesWork;
  expect(work.totalHours).toBe('1.25');
  expect(work.entries).toHaveLength(3);
  expect(work.entries.find((e: { id: string }) => e.id === first.data.logPresalesWork.id).reversed).toBe(true);

  // refusals change nothing: a second reversal, reversing a reversal, hours out of range
  const before = await count(`SELECT count(*)::int AS n FROM presales_log WHERE opportunity_id = $1`, [o]);
  expect(reasonOf(await engineer.request(REVERSE, { id: first.data.logPresalesWork.id }))).toBe(
    ErrorReason.ALREADY_REVERSED,
  );
  expect(reasonOf(await engineer.request(REVERSE, { id: reversal.data.reversePresalesWork.id }))).toBe(
    ErrorReason.ALREADY_REVERSED,
  );
  for (const hours of ['0', '24.01', '-1'])
    expect(codeOf(await engineer.request(LOG, { i: { ...input, hours, idempotencyKey: null } }))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  expect(await count(`SELECT count(*)::int AS n FROM presales_log WHERE opportunity_id = $1`, [o])).toBe(before);
  // partners do not read pre-sales work; a channel manager logs none
  expect(codeOf(await owner.request(WORK, { o }))).toBe(ErrorCode.FORBIDDEN);
});

test('a project follows a win only, is made once per key, and its milestones are done in order', async () => {
  const open = await opportunity('TENDER');
  const refused = await engineer.request(CREATE, {
    i: { opportunityId: open, engineerId, idempotencyKey: randomUUID() },
  });
  expect(reasonOf(refused)).toBe(ErrorReason.OPPORTUNITY_NOT_WON);
  expect(await count(`SELECT count(*)::int AS n FROM delivery_project WHERE opportunity_id = $1`, [open])).toBe(0);

  const won = await opportunity('WON');
  expect((await engineer.request(OF, { o: won })).data.deliveryProjectOfOpportunity).toBeNull();
  const key = randomUUID();
  const created = await engineer.request(CREATE, { i: { opportunityId: won, engineerId, idempotencyKey: key } });
  expect(created.errors).toEqual([]);
  const p = created.data.createDeliveryProject;
  expect(p).toMatchObject({ status: 'IN_PROGRESS', engineer: { id: engineerId }, opportunity: { id: won } });
  expect(p.milestones.map((m: { kind: string }) => m.kind)).toEqual([
    'DELIVERY',
    'INSTALLATION',
    'ACCEPTANCE',
    'STAFF_TRAINING',
  ]);
  const retry = await engineer.request(CREATE, { i: { opportunityId: won, engineerId, idempotencyKey: key } });
  expect(retry.data.createDeliveryProject.id).toBe(p.id);
  const second = await admin.request(CREATE, { i: { opportunityId: won, engineerId, idempotencyKey: randomUUID() } });
  expect(codeOf(second)).toBe(ErrorCode.CONFLICT);
  const notEngineer = await admin.request(CREATE, {
    i: { opportunityId: await opportunity('WON'), engineerId: (await admin.request('{ me { id } }')).data.me.id },
  });
  expect(codeOf(notEngineer)).toBe(ErrorCode.BAD_USER_INPUT);

  const [delivery, installation, acceptance, training] = p.milestones.map((m: { id: string }) => m.id);
  const day = addDays(today(), -3);
  const planned = await engineer.request(PLAN, { i: { milestoneId: delivery, plannedDate: addDays(today(), -5) } });
  expect(planned.data.planDeliveryMilestone).toMatchObject({ overdue: true, version: p.version + 1 });
  // out of order: installation before delivery; nothing changes
  const early = await engineer.request(COMPLETE, { i: { milestoneId: installation, doneDate: day } });
  expect(reasonOf(early)).toBe(ErrorReason.MILESTONE_OUT_OF_ORDER);
  expect(
    await count(`SELECT count(*)::int AS n FROM delivery_milestone WHERE project_id = $1 AND done_date IS NOT NULL`, [
      p.id,
    ]),
  ).toBe(0);
  expect((await engineer.request(COMPLETE, { i: { milestoneId: delivery, doneDate: day } })).errors).toEqual([]);
  // not on a day before the previous one's
  const before = await engineer.request(COMPLETE, { i: { milestoneId: installation, doneDate: addDays(day, -1) } });
  expect(reasonOf(before)).toBe(ErrorReason.MILESTONE_OUT_OF_ORDER);
  expect((await engineer.request(COMPLETE, { i: { milestoneId: installation, doneDate: day } })).errors).toEqual([]);
  // acceptance needs its signed document
  const bare = await engineer.request(COMPLETE, { i: { milestoneId: acceptance, doneDate: today() } });
  expect(reasonOf(bare)).toBe(ErrorReason.ACCEPTANCE_DOCUMENT_REQUIRED);
  expect((await upload(owner, acceptance, 'ACCEPTANCE_DOCUMENT', PDF)).status).toBe(403);
  expect((await upload(engineer, installation, 'ACCEPTANCE_DOCUMENT', PDF)).status).toBe(400);
  const up = await upload(engineer, acceptance, 'ACCEPTANCE_DOCUMENT', PDF);
  expect(up.status).toBe(200);
  const file = (await up.json()) as { id: string; url: string };
  expect(((await (await upload(engineer, acceptance, 'ACCEPTANCE_DOCUMENT', PDF)).json()) as { id: string }).id).toBe(
    file.id,
  );
  expect((await engineer.request(COMPLETE, { i: { milestoneId: acceptance, doneDate: today() } })).errors).toEqual([]);
  const last = await engineer.request(COMPLETE, { i: { milestoneId: training, doneDate: today() } });
  expect(last.data.completeDeliveryMilestone).toMatchObject({ status: 'COMPLETED', overdue: false });
  expect(reasonOf(await engineer.request(COMPLETE, { i: { milestoneId: training, doneDate: today() } }))).toBe(
    ErrorReason.ILLEGAL_TRANSITION,
  );
  expect(
    codeOf(await engineer.request(COMPLETE, { i: { milestoneId: delivery, doneDate: addDays(today(), 1) } })),
  ).toBe(ErrorCode.CONFLICT);

  // the distributor's owner reads the progress and the document, read-only
  const seen = (await owner.request(OF, { o: won })).data.deliveryProjectOfOpportunity;
  expect(seen).toMatchObject({ id: p.id, status: 'COMPLETED' });
  expect(seen.milestones[2].files).toEqual([expect.objectContaining({ id: file.id, kind: 'ACCEPTANCE_DOCUMENT' })]);
  expect((await fetch(`${t.url}${file.url}`, { headers: headers(owner) })).status).toBe(200);
  expect(codeOf(await owner.request(COMPLETE, { i: { milestoneId: training, doneDate: today() } }))).toBe(
    ErrorCode.FORBIDDEN,
  );
  // the other distributor (not the opportunity's) sees nothing of it
  expect(codeOf(await rep1.request(OF, { o: won }))).toBe(ErrorCode.NOT_FOUND);
  const list = await rep1.request(`{ deliveryProjects(first: 50) { totalCount nodes { id } } }`);
  expect(list.data.deliveryProjects.nodes.map((n: { id: string }) => n.id)).not.toContain(p.id);
  expect((await fetch(`${t.url}${file.url}`, { headers: headers(rep1) })).status).toBe(404);
  // another brand: every id answers NOT_FOUND, and the list holds none of it
  expect(codeOf(await otherAdmin.request(OF, { o: won }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await otherAdmin.request(WORK, { o: won }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await otherAdmin.request(PLAN, { i: { milestoneId: delivery, plannedDate: today() } }))).toBe(
    ErrorCode.NOT_FOUND,
  );
  expect(
    codeOf(await otherAdmin.request(LOG, { i: { opportunityId: won, kind: 'DEMO', workDate: today(), hours: '1' } })),
  ).toBe(ErrorCode.NOT_FOUND);
  expect((await upload(otherAdmin, acceptance, 'PHOTO', PDF)).status).toBe(404);
  expect((await fetch(`${t.url}${file.url}`, { headers: headers(otherAdmin) })).status).toBe(404);
  const theirs = await otherAdmin.request(`{ deliveryProjects(first: 50) { totalCount } }`);
  expect(theirs.data.deliveryProjects.totalCount).toBe(0);
});

test('the list filters by status, engineer and overdue milestones', async () => {
  const won = await opportunity('WON');
  const made = await admin.request(CREATE, { i: { opportunityId: won, engineerId } });
  const p = made.data.createDeliveryProject;
  await admin.request(PLAN, { i: { milestoneId: p.milestones[0].id, plannedDate: addDays(today(), -1) } });
  const LIST = `query($f: DeliveryProjectFilter) { deliveryProjects(first: 50, filter: $f) { totalCount nodes { id status overdue } } }`;
  const ids = async (f: Record<string, unknown>) =>
    ((await admin.request(LIST, { f })).data.deliveryProjects.nodes as Array<{ id: string }>).map((n) => n.id);
  expect(await ids({ overdue: true })).toContain(p.id);
  expect(await ids({ status: 'IN_PROGRESS', engineerId })).toContain(p.id);
  expect(await ids({ status: 'COMPLETED' })).not.toContain(p.id);
  expect(await ids({ engineerId: randomUUID() })).toEqual([]);
});
