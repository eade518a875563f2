import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { pdfText } from '../../../test/pdf-text';
import { addDays, today } from '../../common/dates';

/**
 * 授权书 for one tender, issued by the brand: distributor D0 holds a grant for product P2 in the
 * city until day +60; its rep's tender at the city's hospital opens bids on day +30. The letter
 * names the tender and holds to the bid opening; P3 (not granted) is refused; a retry with the key
 * issues one letter; the public check tells which tender it is for, and "revoked" once the grant
 * is; another brand's admin finds neither the tender nor the letter.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let rep: GqlClient;
let stranger: GqlClient;
let grant: { id: string; version: number };
let tenderId: string;
let tenderNumber: string;

const GRANT = `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id version } }`;
const REVOKE = `mutation($id: ID!, $from: LocalDate!, $v: Int!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "退出", expectedVersion: $v) { status } }`;
const CREATE = `mutation($i: CreateTenderInput!) { createTender(input: $i) { id number } }`;
const ISSUE = `mutation($i: IssueTenderLetterInput!) { issueTenderLetter(input: $i) { id project validFrom validTo status products { id name } } }`;
const LETTERS = `query($o: ID!) { tenders(opportunityId: $o) { id letters { id status validTo products { id } } } }`;

const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const download = (c: GqlClient | null, id: string) =>
  fetch(`${t.url}/files/tender-letters/${id}/letter.pdf`, c ? { headers: headers(c) } : {});
const verify = (number: string, code: string) =>
  fetch(`${t.url}/files/verify/letters?${new URLSearchParams({ number, code })}`);
const issue = (c: GqlClient, over: Record<string, unknown> = {}) =>
  c.request(ISSUE, {
    i: {
      tenderId,
      productIds: [cat.productII],
      project: '超声影像设备采购项目',
      idempotencyKey: randomUUID(),
      ...over,
    },
  });
const letterCount = async () =>
  Number((await t.app.ds.query(`SELECT count(*) AS n FROM tender_letter WHERE tender_id = $1`, [tenderId]))[0].n);

let opportunityId: string;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  rep = t.client(Audience.PORTAL);
  await rep.login(`rep0-${tag}@test.demo`);
  const [{ id: repId }] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [`rep0-${tag}@test.demo`]);
  const g = await admin.request(GRANT, {
    i: {
      distributorId: brand.distributorIds[0],
      kind: 'FORMAL',
      productIds: [cat.productII],
      regionIds: [cat.cityId],
      validFrom: addDays(today(), -10),
      validTo: addDays(today(), 60),
    },
  });
  expect(g.errors).toEqual([]);
  grant = g.data.grantAuthorization;
  const [dept] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  [{ id: opportunityId }] = await t.app.ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
     VALUES ($1, $2, $3, $4, '授权书测试', '1000.00', 'CNY', $5, $6, 'NEED_CONFIRMED', $5) RETURNING id`,
    [brand.brandId, cat.hospitalInCity, dept.id, cat.lineId, repId, brand.distributorIds[0]],
  );
  const created = await rep.request(CREATE, {
    i: {
      opportunityId,
      number: `ZB-${randomUUID().slice(0, 6)}`,
      purchaser: '测试市医院',
      budget: '5000.00',
      registrationDeadline: addDays(today(), 20),
      // noon in China on day +30
      bidOpeningAt: `${addDays(today(), 30)}T04:00:00.000Z`,
    },
  });
  expect(created.errors).toEqual([]);
  ({ id: tenderId, number: tenderNumber } = created.data.createTender);
  const other = await createBrand(t.app.ds, 1);
  stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
});
afterAll(() => t?.stop());

test('the brand issues a letter for the tender, valid from today to the bid opening; the PDF names the tender', async () => {
  const res = await issue(admin);
  expect(res.errors).toEqual([]);
  const letter = res.data.issueTenderLetter;
  expect(letter).toMatchObject({
    project: '超声影像设备采购项目',
    validFrom: today(),
    validTo: addDays(today(), 30),
    status: 'ACTIVE',
    products: [{ id: cat.productII }],
  });
  // the tender shows it, to the brand and to the distributor's rep alike
  for (const c of [admin, rep]) {
    const seen = await c.request(LETTERS, { o: opportunityId });
    expect(seen.data.tenders[0].letters).toContainEqual(expect.objectContaining({ id: letter.id, status: 'ACTIVE' }));
  }

  const pdf = await download(rep, letter.id);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  const text = pdfText(Buffer.from(await pdf.arrayBuffer())).join('\n');
  const [hospital] = await t.app.ds.query(`SELECT name FROM hospital WHERE id = $1`, [cat.hospitalInCity]);
  for (const words of [tenderNumber, '测试市医院', '超声影像设备采购项目', hospital.name, letter.id])
    expect(text).toContain(words);
  expect(text).toContain(`${today()} 至 ${addDays(today(), 30)}`);
});

test('a product the distributor’s authorization does not cover is refused with NOT_COMPLIANT and nothing is issued', async () => {
  const before = await letterCount();
  const res = await issue(admin, { productIds: [cat.productII, cat.productIII] });
  expect(codeOf(res)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(reasonOf(res)).toBe(ErrorReason.NOT_COMPLIANT);
  expect((res.errors[0].extensions as { productIds?: string[] }).productIds).toEqual([cat.productIII]);
  expect(await letterCount()).toBe(before);
});

test('sent again with its request key, one letter is issued; the key with other contents is refused', async () => {
  const before = await letterCount();
  const key = randomUUID();
  const first = await issue(admin, { idempotencyKey: key });
  const again = await issue(admin, { idempotencyKey: key });
  expect(again.errors).toEqual([]);
  expect(again.data.issueTenderLetter.id).toBe(first.data.issueTenderLetter.id);
  expect(await letterCount()).toBe(before + 1);
  const other = await issue(admin, { idempotencyKey: key, project: '另一个项目' });
  expect(codeOf(other)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(other)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await letterCount()).toBe(before + 1);
});

test('the distributor’s rep may not issue one (FORBIDDEN); another brand’s admin finds neither the tender nor its letter', async () => {
  expect(codeOf(await issue(rep))).toBe(ErrorCode.FORBIDDEN);
  expect(codeOf(await issue(stranger))).toBe(ErrorCode.NOT_FOUND);
  const [{ id }] = await t.app.ds.query(`SELECT id FROM tender_letter WHERE tender_id = $1 LIMIT 1`, [tenderId]);
  expect((await download(stranger, id)).status).toBe(404);
  expect((await download(null, id)).status).toBe(401);
});

test('the public check says the letter is for this tender; a revoked grant revokes it, and the letter ends with the grant', async () => {
  const { id } = (await issue(admin)).data.issueTenderLetter;
  const bytes = Buffer.from(await (await download(admin, id)).arrayBuffer());
  const code = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(pdfText(bytes).join('\n'))?.[0] ?? '';
  const link = /\/URI \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1] ?? '';
  expect(link).toBe(`${t.app.config.portalUrl}/verify/letter?${new URLSearchParams({ number: id, code })}`);
  const [hospital] = await t.app.ds.query(`SELECT name FROM hospital WHERE id = $1`, [cat.hospitalInCity]);
  const ok = await verify(id, code);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({
    status: 'ACTIVE',
    checkedOn: today(),
    tender: {
      number: tenderNumber,
      purchaser: '测试市医院',
      project: '超声影像设备采购项目',
      hospital: hospital.name,
      validFrom: today(),
      validTo: addDays(today(), 30),
    },
  });
  // the general letter's code for the same number does not open it, nor it the general one
  expect((await verify(grant.id, code)).status).toBe(404);

  // the grant ends before the bid opening: so does a letter issued now
  const ends = addDays(today(), 5);
  const revoked = await admin.request(REVOKE, { id: grant.id, from: ends, v: grant.version });
  expect(revoked.errors).toEqual([]);
  const short = await issue(admin);
  expect(short.data.issueTenderLetter.validTo).toBe(addDays(ends, -1));
  // revoked from a day within the earlier letter's period: it is revoked once that day comes
  await t.app.ds.query(`UPDATE authorization_grant SET revoked_from = $2 WHERE id = $1`, [grant.id, today()]);
  expect(((await (await verify(id, code)).json()) as { status: string }).status).toBe('REVOKED');
  const seen = await admin.request(LETTERS, { o: opportunityId });
  expect(seen.data.tenders[0].letters.find((l: { id: string }) => l.id === id).status).toBe('REVOKED');
  // and no new letter rests on a revoked grant
  expect(reasonOf(await issue(admin))).toBe(ErrorReason.NOT_COMPLIANT);
});
