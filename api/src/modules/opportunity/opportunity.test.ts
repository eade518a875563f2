import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture } from '../../../test/factories';
import { opportunityWorld } from './opportunity.test-kit';
import { addDays, today } from '../../common/dates';

/**
 * Opportunities and registration in a brand of the test's own: two distributors (the second is the
 * first's second tier) both authorized for the line at the city hospital; a third hospital nobody covers.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let repA: GqlClient;
let repB: GqlClient;
let departmentId: string;
let uncovered: string;

beforeAll(async () => {
  t = await startTestApp();
  const world = await opportunityWorld(t, 2);
  ({ brand, cat } = world);
  const tag = world.tag;
  // the province hospital's department, which the second tier's owner is not asked about
  ({ city: departmentId, province: uncovered } = world.departments);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  repA = t.client(Audience.PORTAL);
  await repA.login(`rep0-${tag}@test.demo`);
  repB = t.client(Audience.PORTAL);
  await repB.login(`rep1-${tag}@test.demo`);
});
afterAll(() => t?.stop());

const FIELDS = `id stage version need estimatedValue { amount currency } expectedMonth lostReason lostTo
  hospital { name } department { name } distributor { id } stageHistory { stage note lostTo }
  registration { id status protectedUntil rejectReason }`;
const CREATE = `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $i: MoveOpportunityInput!) { moveOpportunity(id: $id, input: $i) { ${FIELDS} } }`;
const REGISTER = `mutation($id: ID!) { registerOpportunity(id: $id) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveRegistration(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectRegistration(id: $id, reason: $r) { ${FIELDS} } }`;

const count = async (sql: string, params: unknown[]) => (await t.app.ds.query(sql, params))[0].n as number;

const capture = async (client: GqlClient, over: Record<string, unknown> = {}) => {
  const res = await client.request(CREATE, {
    i: {
      hospitalId: cat.hospitalInCity,
      departmentId,
      productLineId: cat.lineId,
      need: '超声科新增彩超两台',
      estimatedValue: '880000.50',
      expectedMonth: '2030-03',
      idempotencyKey: randomUUID(),
      ...over,
    },
  });
  expect(res.errors).toEqual([]);
  return res.data.createOpportunity;
};

test('a capture is made once per request key; a retry answers the first, other contents are refused', async () => {
  const key = randomUUID();
  const input = {
    hospitalId: cat.hospitalInCity,
    departmentId,
    productLineId: cat.lineId,
    productIds: [cat.productII],
    need: '一次性',
    estimatedValue: '100.00',
    idempotencyKey: key,
  };
  const first = await repA.request(CREATE, { i: input });
  expect(first.errors).toEqual([]);
  expect(first.data.createOpportunity).toMatchObject({
    stage: 'LEAD',
    estimatedValue: { amount: '100.00', currency: 'CNY' },
    distributor: { id: brand.distributorIds[0] },
    stageHistory: [{ stage: 'LEAD' }],
  });
  const again = await repA.request(CREATE, { i: input });
  expect(again.data.createOpportunity.id).toBe(first.data.createOpportunity.id);
  const reused = await repA.request(CREATE, { i: { ...input, need: '另一个' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await count(`SELECT count(*)::int AS n FROM opportunity WHERE request_key = $1`, [key])).toBe(1);
});

test('a department of another hospital, or a product of another line, is refused and writes nothing', async () => {
  const before = await count(`SELECT count(*)::int AS n FROM opportunity WHERE brand_id = $1`, [brand.brandId]);
  const wrongDept = await repA.request(CREATE, {
    i: {
      hospitalId: cat.hospitalInCity,
      departmentId: uncovered,
      productLineId: cat.lineId,
      need: '错科室',
      estimatedValue: '1.00',
    },
  });
  expect(codeOf(wrongDept)).toBe(ErrorCode.NOT_FOUND);
  expect(wrongDept.errors[0]?.extensions?.field).toBe('departmentId');
  const [{ id: otherLine }] = await t.app.ds.query(
    `INSERT INTO product_line (brand_id, code, name) VALUES ($1, 'L2', '另一产品线') RETURNING id`,
    [brand.brandId],
  );
  const wrongProduct = await admin.request(CREATE, {
    i: {
      hospitalId: cat.hospitalInCity,
      departmentId,
      productLineId: otherLine,
      productIds: [cat.productII],
      need: '错产品',
      estimatedValue: '1.00',
    },
  });
  expect(codeOf(wrongProduct)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(await count(`SELECT count(*)::int AS n FROM opportunity WHERE brand_id = $1`, [brand.brandId])).toBe(before);
});

test('stages move forward or to lost with a reason; each stage reached is kept', async () => {
  const o = await capture(repA);
  const back = await repA.request(MOVE, { id: o.id, i: { stage: 'TRIAL', expectedVersion: o.version } });
  expect(back.errors).toEqual([]);
  const illegal = await repA.request(MOVE, {
    id: o.id,
    i: { stage: 'NEED_CONFIRMED', expectedVersion: back.data.moveOpportunity.version },
  });
  expect(reasonOf(illegal)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const stale = await repA.request(MOVE, { id: o.id, i: { stage: 'TENDER', expectedVersion: o.version } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  const noReason = await repA.request(MOVE, {
    id: o.id,
    i: { stage: 'LOST', expectedVersion: back.data.moveOpportunity.version },
  });
  expect(noReason.errors[0]?.extensions?.field).toBe('note');
  const lost = await repA.request(MOVE, {
    id: o.id,
    i: { stage: 'LOST', expectedVersion: back.data.moveOpportunity.version, note: '预算取消', lostTo: '竞品甲' },
  });
  expect(lost.data.moveOpportunity).toMatchObject({
    stage: 'LOST',
    lostReason: '预算取消',
    lostTo: '竞品甲',
    stageHistory: [{ stage: 'LEAD' }, { stage: 'TRIAL' }, { stage: 'LOST', note: '预算取消', lostTo: '竞品甲' }],
  });
});

test('an approved registration protects the place from another distributor, who is not told whose it is', async () => {
  const mine = await capture(repA);
  const registered = await repA.request(REGISTER, { id: mine.id });
  expect(registered.data.registerOpportunity.registration.status).toBe('PENDING');
  // a double tap answers the same registration
  const twice = await repA.request(REGISTER, { id: mine.id });
  expect(twice.data.registerOpportunity.registration.id).toBe(registered.data.registerOpportunity.registration.id);

  const approved = await admin.request(APPROVE, { id: registered.data.registerOpportunity.registration.id });
  expect(approved.errors).toEqual([]);
  expect(approved.data.approveRegistration.registration).toMatchObject({
    status: 'APPROVED',
    protectedUntil: addDays(today(), 90),
  });
  const decidedAgain = await admin.request(REJECT, {
    id: registered.data.registerOpportunity.registration.id,
    r: '晚了',
  });
  expect(reasonOf(decidedAgain)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  // the rep hears of it
  const [{ n: notices }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'OPPORTUNITY_REGISTRATION_APPROVED'`,
    [mine.id],
  );
  expect(notices).toBe(1);

  const theirs = await capture(repB);
  const before = await count(`SELECT count(*)::int AS n FROM deal_registration WHERE brand_id = $1`, [brand.brandId]);
  const refused = await repB.request(REGISTER, { id: theirs.id });
  expect(codeOf(refused)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(refused)).toBe(ErrorReason.REGISTRATION_PROTECTED);
  const answer = JSON.stringify(refused);
  expect(answer).not.toContain(brand.distributorIds[0]);
  expect(answer).not.toContain('测试经销商 000');
  expect(answer).not.toContain(mine.id);
  expect(await count(`SELECT count(*)::int AS n FROM deal_registration WHERE brand_id = $1`, [brand.brandId])).toBe(
    before,
  );
  // the same distributor's second opportunity there is its own business
  const again = await repA.request(REGISTER, { id: (await capture(repA)).id });
  expect(again.errors).toEqual([]);
});

test('a rejection says why; a distributor without an authorization there is refused as not compliant', async () => {
  const o = await capture(repB, { hospitalId: cat.hospitalInProvince, departmentId: uncovered });
  const registered = await repB.request(REGISTER, { id: o.id });
  const rejected = await admin.request(REJECT, {
    id: registered.data.registerOpportunity.registration.id,
    r: '信息不全',
  });
  expect(rejected.data.rejectRegistration.registration).toMatchObject({ status: 'REJECTED', rejectReason: '信息不全' });

  await t.app.ds.query(`UPDATE authorization_grant SET revoked_from = CURRENT_DATE WHERE distributor_id = $1`, [
    brand.distributorIds[1],
  ]);
  try {
    // the hospital is out of the rep's sight now: the opportunity's distributor may no longer sell there
    const refused = await repB.request(REGISTER, { id: o.id });
    expect(reasonOf(refused)).toBe(ErrorReason.NOT_COMPLIANT);
    expect((refused.errors[0]?.extensions as { reasons?: string[] } | undefined)?.reasons).toContain(
      'AUTHORIZATION_REVOKED',
    );
  } finally {
    await t.app.ds.query(`UPDATE authorization_grant SET revoked_from = NULL WHERE distributor_id = $1`, [
      brand.distributorIds[1],
    ]);
  }
});

test('the funnel counts by stage exactly what the list shows, with the value in exact decimals', async () => {
  const FUNNEL = `query($f: OpportunityFilter) { opportunityFunnel(filter: $f) { stage count values { amount currency } } }`;
  const LIST = `query($f: OpportunityFilter) { opportunities(first: 1, filter: $f) { totalCount } }`;
  const funnel = (await admin.request(FUNNEL, { f: {} })).data.opportunityFunnel;
  for (const row of funnel) {
    const listed = await admin.request(LIST, { f: { stage: row.stage } });
    expect(listed.data.opportunities.totalCount).toBe(row.count);
  }
  const leads = funnel.find((r: { stage: string }) => r.stage === 'LEAD');
  const [{ sum }] = await t.app.ds.query(
    `SELECT SUM(estimated_value)::text AS sum FROM opportunity WHERE brand_id = $1 AND stage = 'LEAD'`,
    [brand.brandId],
  );
  expect(leads.values).toEqual([{ amount: sum, currency: 'CNY' }]);
  // the second tier's rep sees only its own distributor's
  const theirs = (await repB.request(LIST, { f: {} })).data.opportunities.totalCount;
  const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM opportunity WHERE distributor_id = $1`, [
    brand.distributorIds[1],
  ]);
  expect(theirs).toBe(n);
});

test('the protection period is the brand’s setting', async () => {
  const SET = `mutation($d: Int!) { setRegistrationProtectionDays(input: { days: $d }) }`;
  expect((await admin.request(SET, { d: 30 })).data.setRegistrationProtectionDays).toBe(30);
  const out = await admin.request(SET, { d: 5000 });
  expect(codeOf(out)).toBe(ErrorCode.BAD_USER_INPUT);
  const o = await capture(repA, { departmentId: uncovered, hospitalId: cat.hospitalInProvince });
  const r = await repA.request(REGISTER, { id: o.id });
  const approved = await admin.request(APPROVE, { id: r.data.registerOpportunity.registration.id });
  expect(approved.data.approveRegistration.registration.protectedUntil).toBe(addDays(today(), 30));
  await admin.request(SET, { d: 90 });
});
