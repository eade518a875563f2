import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason, Role, Side } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog, withDemoPassword } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * Tenders and bid quotes in a brand of the test's own: distributor D0 (in the province) works an
 * opportunity; its product P2 has a floor of 100.00. A regional head over the province decides
 * quotes below the floor; a head of another province sees none of them.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let rep: GqlClient;
let repId: string;
let otherRep: GqlClient;
let head: GqlClient;
let farHead: GqlClient;
let stranger: GqlClient;
let departmentId: string;

const count = async (sql: string, params: unknown[]) => (await t.app.ds.query(sql, params))[0].n as number;

async function brandUser(role: Role, regionId: string | null): Promise<GqlClient> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@tender.test`;
  const [u] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [brand.brandId, email, `测试${role}`, Side.BRAND, role],
  );
  if (regionId)
    await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
      brand.brandId,
      u.id,
      regionId,
    ]);
  await withDemoPassword(t.app.ds, email);
  const client = t.client(Audience.CONSOLE);
  await client.login(email);
  return client;
}

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  [{ id: departmentId }] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  await t.app.ds.query(
    `INSERT INTO product_floor_price (brand_id, product_id, price, currency, effective_from) VALUES ($1, $2, '100.00', 'CNY', CURRENT_DATE - 30)`,
    [brand.brandId, cat.productII],
  );
  const [far] = await t.app.ds.query(
    `INSERT INTO region (brand_id, level, code, name) VALUES ($1, 'PROVINCE', 'FAR', '远方省') RETURNING id`,
    [brand.brandId],
  );
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  rep = t.client(Audience.PORTAL);
  await rep.login(`rep0-${tag}@test.demo`);
  [{ id: repId }] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [`rep0-${tag}@test.demo`]);
  otherRep = t.client(Audience.PORTAL);
  await otherRep.login(`rep1-${tag}@test.demo`);
  head = await brandUser(Role.REGIONAL_HEAD, cat.provinceId);
  farHead = await brandUser(Role.REGIONAL_HEAD, far.id);
  // another brand's admin
  const other = await createBrand(t.app.ds, 1);
  stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
});
afterAll(() => t?.stop());

const TENDER = `id number purchaser status version winner registrationDeadline bidOpeningAt
  budget { amount currency } winningPrice { amount currency } opportunity { id stage }
  products { productId floorPrice { amount currency } }
  quotes { id status reason decisionNote price { amount } floorPrice { amount } product { id } }`;
const QUOTE = `id status reason decisionNote price { amount currency } floorPrice { amount } requestedBy { id } decidedBy { id }`;
const CREATE = `mutation($i: CreateTenderInput!) { createTender(input: $i) { ${TENDER} } }`;
const ADD = `mutation($i: AddTenderQuoteInput!) { addTenderQuote(input: $i) { ${QUOTE} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitTender(id: $id, expectedVersion: $v) { ${TENDER} } }`;
const RESULT = `mutation($id: ID!, $i: TenderResultInput!) { recordTenderResult(id: $id, input: $i) { ${TENDER} } }`;
const APPROVE = `mutation($id: ID!, $r: String!) { approveTenderQuote(id: $id, reason: $r) { ${QUOTE} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectTenderQuote(id: $id, reason: $r) { ${QUOTE} } }`;
const OF = `query($o: ID!) { tenders(opportunityId: $o) { ${TENDER} } }`;
const QUEUE = `{ tenderQuotesAwaitingApproval(first: 50) { totalCount nodes { id tender { id number } } } }`;

/** An opportunity of D0 worked by its rep, at its NEED_CONFIRMED stage. */
async function opportunity(): Promise<string> {
  const [o] = await t.app.ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
     VALUES ($1, $2, $3, $4, '招标测试', '1000.00', 'CNY', $5, $6, 'NEED_CONFIRMED', $5) RETURNING id`,
    [brand.brandId, cat.hospitalInCity, departmentId, cat.lineId, repId, brand.distributorIds[0]],
  );
  return o.id;
}

async function tender(over: Record<string, unknown> = {}) {
  const res = await rep.request(CREATE, {
    i: {
      opportunityId: await opportunity(),
      number: `ZB-${randomUUID().slice(0, 6)}`,
      purchaser: '测试市医院',
      budget: '5000.00',
      registrationDeadline: addDays(today(), 20),
      bidOpeningAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      idempotencyKey: randomUUID(),
      ...over,
    },
  });
  expect(res.errors).toEqual([]);
  return res.data.createTender;
}

const quote = async (tenderId: string, price: string, reason?: string, client = rep) =>
  client.request(ADD, { i: { tenderId, productId: cat.productII, price, reason, idempotencyKey: randomUUID() } });

test('a tender moves its opportunity to TENDER; a retry with the key answers the first, other contents are refused', async () => {
  const key = randomUUID();
  const input = {
    opportunityId: await opportunity(),
    number: 'ZB-ONCE',
    purchaser: '测试市医院',
    budget: '12345.67',
    registrationDeadline: addDays(today(), 10),
    bidOpeningAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: key,
  };
  const first = await rep.request(CREATE, { i: input });
  expect(first.errors).toEqual([]);
  expect(first.data.createTender).toMatchObject({
    status: 'OPEN',
    budget: { amount: '12345.67', currency: 'CNY' },
    opportunity: { stage: 'TENDER' },
    quotes: [],
  });
  expect(first.data.createTender.products).toContainEqual({
    productId: cat.productII,
    floorPrice: { amount: '100.00', currency: 'CNY' },
  });
  const again = await rep.request(CREATE, { i: input });
  expect(again.data.createTender.id).toBe(first.data.createTender.id);
  const reused = await rep.request(CREATE, { i: { ...input, purchaser: '别的' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await count(`SELECT count(*)::int AS n FROM tender WHERE request_key = $1`, [key])).toBe(1);
});

test('at the floor a quote is usable at once; below it waits and needs a reason', async () => {
  const td = await tender();
  const at = await quote(td.id, '100.00');
  expect(at.errors).toEqual([]);
  expect(at.data.addTenderQuote).toMatchObject({ status: 'USABLE', floorPrice: { amount: '100.00' } });

  const other = await tender();
  const noReason = await quote(other.id, '99.99');
  expect(codeOf(noReason)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(noReason.errors[0]?.extensions?.field).toBe('reason');
  expect(await count(`SELECT count(*)::int AS n FROM tender_quote WHERE tender_id = $1`, [other.id])).toBe(0);
  const below = await quote(other.id, '99.99', '竞品报价更低');
  expect(below.errors).toEqual([]);
  expect(below.data.addTenderQuote).toMatchObject({ status: 'PENDING_APPROVAL', reason: '竞品报价更低' });
  // the same product twice is refused; a product of another line too; neither writes
  expect(codeOf(await quote(other.id, '120.00'))).toBe(ErrorCode.BAD_USER_INPUT);
  const blocked = await rep.request(SUBMIT, { id: other.id, v: other.version });
  expect(reasonOf(blocked)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  expect(await count(`SELECT count(*)::int AS n FROM tender_quote WHERE tender_id = $1`, [other.id])).toBe(1);
  // the approver was told
  expect(
    await count(`SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'TENDER_QUOTE_PENDING'`, [
      other.id,
    ]),
  ).toBeGreaterThan(0);
});

test('the regional head over the distributor approves, once; another region’s head reads NOT_FOUND', async () => {
  const td = await tender();
  const q = (await quote(td.id, '80.00', '院方预算有限')).data.addTenderQuote;
  const queue = await head.request(QUEUE);
  expect(queue.data.tenderQuotesAwaitingApproval.nodes.map((n: { id: string }) => n.id)).toContain(q.id);
  const farQueue = await farHead.request(QUEUE);
  expect(farQueue.data.tenderQuotesAwaitingApproval.nodes.map((n: { id: string }) => n.id)).not.toContain(q.id);

  const far = await farHead.request(APPROVE, { id: q.id, r: '同意' });
  expect(codeOf(far)).toBe(ErrorCode.NOT_FOUND);
  const forbidden = await rep.request(APPROVE, { id: q.id, r: '同意' });
  expect(codeOf(forbidden)).toBe(ErrorCode.FORBIDDEN);
  const empty = await head.request(APPROVE, { id: q.id, r: '' });
  expect(codeOf(empty)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(
    await count(`SELECT count(*)::int AS n FROM tender_quote WHERE id = $1 AND status = 'PENDING_APPROVAL'`, [q.id]),
  ).toBe(1);

  const ok = await head.request(APPROVE, { id: q.id, r: '战略医院，同意' });
  expect(ok.errors).toEqual([]);
  expect(ok.data.approveTenderQuote).toMatchObject({ status: 'USABLE', decisionNote: '战略医院，同意' });
  const again = await head.request(APPROVE, { id: q.id, r: '战略医院，同意' });
  expect(again.data.approveTenderQuote.status).toBe('USABLE');
  const flip = await head.request(REJECT, { id: q.id, r: '改主意' });
  expect(reasonOf(flip)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  expect(
    await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'APPROVE'`, [td.id]),
  ).toBe(1);
  expect(
    await count(
      `SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'TENDER_QUOTE_APPROVED' AND user_id = $2`,
      [td.id, repId],
    ),
  ).toBe(1);
});

test('an admin rejects; the product may be quoted again', async () => {
  const td = await tender();
  const q = (await quote(td.id, '50.00', '清库存')).data.addTenderQuote;
  const res = await admin.request(REJECT, { id: q.id, r: '低于成本' });
  expect(res.data.rejectTenderQuote.status).toBe('REJECTED');
  const requote = await quote(td.id, '100.00');
  expect(requote.data.addTenderQuote.status).toBe('USABLE');
});

test('lifecycle: submitted once every quote is usable, then won, which wins the opportunity', async () => {
  const td = await tender();
  expect(reasonOf(await rep.request(SUBMIT, { id: td.id, v: td.version }))).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const q = (await quote(td.id, '90.00', '量大')).data.addTenderQuote;
  await head.request(APPROVE, { id: q.id, r: '同意' });
  const submitted = await rep.request(SUBMIT, { id: td.id, v: td.version });
  expect(submitted.errors).toEqual([]);
  expect(submitted.data.submitTender.status).toBe('SUBMITTED');
  const retried = await rep.request(SUBMIT, { id: td.id, v: td.version });
  expect(retried.data.submitTender.version).toBe(submitted.data.submitTender.version);
  expect(codeOf(await quote(td.id, '200.00'))).toBe(ErrorCode.CONFLICT);

  const v = submitted.data.submitTender.version;
  const noWinner = await rep.request(RESULT, { id: td.id, i: { expectedVersion: v, won: true, winner: '' } });
  expect(codeOf(noWinner)).toBe(ErrorCode.BAD_USER_INPUT);
  const won = await rep.request(RESULT, {
    id: td.id,
    i: { expectedVersion: v, won: true, winner: '测试经销商 000', winningPrice: '90.00' },
  });
  expect(won.errors).toEqual([]);
  expect(won.data.recordTenderResult).toMatchObject({
    status: 'WON',
    winningPrice: { amount: '90.00', currency: 'CNY' },
    opportunity: { stage: 'WON' },
  });
  const again = await rep.request(RESULT, {
    id: td.id,
    i: { expectedVersion: v, won: true, winner: '测试经销商 000', winningPrice: '90.00' },
  });
  expect(again.errors).toEqual([]);
  expect(
    await count(`SELECT count(*)::int AS n FROM opportunity_stage_fact WHERE opportunity_id = $1 AND stage = 'WON'`, [
      td.opportunity.id,
    ]),
  ).toBe(1);
});

test('a tender is seen where its opportunity is: another distributor and another brand read NOT_FOUND', async () => {
  const td = await tender();
  for (const client of [otherRep, stranger]) {
    expect(codeOf(await quote(td.id, '100.00', undefined, client))).toBe(ErrorCode.NOT_FOUND);
    const listed = await client.request(`query($o: ID!) { tenders(opportunityId: $o) { id } }`, {
      o: td.opportunity.id,
    });
    expect(codeOf(listed)).toBe(ErrorCode.NOT_FOUND);
  }
  const foreign = await stranger.request(CREATE, {
    i: {
      opportunityId: td.opportunity.id,
      number: 'X',
      purchaser: 'X',
      budget: '1.00',
      registrationDeadline: today(),
      bidOpeningAt: new Date().toISOString(),
    },
  });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  expect(await count(`SELECT count(*)::int AS n FROM tender WHERE opportunity_id = $1`, [td.opportunity.id])).toBe(1);
  expect((await head.request(OF, { o: td.opportunity.id })).data.tenders.map((x: { id: string }) => x.id)).toEqual([
    td.id,
  ]);
});

test('deadlines within three days are told to the opportunity’s owner, once', async () => {
  const td = await tender({ registrationDeadline: addDays(today(), 2) });
  const sent = () =>
    count(
      `SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'TENDER_REGISTRATION_DUE' AND user_id = $2`,
      [td.id, repId],
    );
  await t.app.services.noticeJobs.runDaily();
  expect(await sent()).toBe(1);
  await t.app.services.noticeJobs.runDaily();
  expect(await sent()).toBe(1);
  expect(
    await count(`SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'TENDER_OPENING_DUE'`, [
      td.id,
    ]),
  ).toBe(0);
});

test('a floor price is set from a date by those who set prices; the same change again is already so', async () => {
  const SET = `mutation($i: SetFloorPriceInput!) { setFloorPrice(input: $i) { id effectiveFrom price { amount currency } } }`;
  const i = { productId: cat.productIII, price: '77.00', effectiveFrom: addDays(today(), 1) };
  const first = await admin.request(SET, { i });
  expect(first.errors).toEqual([]);
  expect(first.data.setFloorPrice.price).toEqual({ amount: '77.00', currency: 'CNY' });
  expect((await admin.request(SET, { i })).data.setFloorPrice.id).toBe(first.data.setFloorPrice.id);
  expect(codeOf(await admin.request(SET, { i: { ...i, price: '1.00' } }))).toBe(ErrorCode.BAD_USER_INPUT);
  expect(codeOf(await head.request(SET, { i }))).toBe(ErrorCode.FORBIDDEN);
});
