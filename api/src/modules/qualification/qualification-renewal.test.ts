import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DeviceClass, ErrorCode, ErrorReason, QualificationType } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { QUALIFICATIONS } from '../../db/seed/authorization-data';
import { BRANDS, distributorByCode } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { addDays, today } from '../../common/dates';

/**
 * The owner proposes a renewal of one of his company's documents with a new scan; the brand approves
 * (it becomes the current document) or rejects it with a reason. Until approved it counts for nothing.
 * Huaning's class III licence expired ten days before the seed's today.
 */
let t: TestApp;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-renewal-'));
const HN = distributorByCode('HK-HN');
const expired = QUALIFICATIONS.find(
  (q) => q.distributorCode === 'HK-HN' && q.type === QualificationType.OPERATING_LICENSE_III,
)!;
const businessLicence = QUALIFICATIONS.find(
  (q) => q.distributorCode === 'HK-HN' && q.type === QualificationType.BUSINESS_LICENSE,
)!;
const classIII = PRODUCTS.find((p) => p.brandId === BRANDS.huakang.id && p.deviceClass === DeviceClass.III)!;
const hospital = HOSPITALS.find((h) => h.brandId === BRANDS.huakang.id)!;
let owner: GqlClient;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp({ filesDir });
  owner = await t.as('boss@huaning.demo');
  admin = await t.as('admin@huakang.demo');
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF')]);
const RENEWAL = `id status rejectReason version number validTo file { name url }`;
const PROPOSE = `mutation($i: ProposeQualificationRenewalInput!) { proposeQualificationRenewal(input: $i) { ${RENEWAL} } }`;
const APPROVE = `mutation($i: DecideQualificationRenewalInput!) { approveQualificationRenewal(input: $i) { ${RENEWAL} } }`;
const REJECT = `mutation($i: RejectQualificationRenewalInput!) { rejectQualificationRenewal(input: $i) { ${RENEWAL} } }`;

const proposal = (over: object = {}) => ({
  qualificationId: expired.id,
  number: `苏宁食药监械经营许${Math.floor(Math.random() * 1e8)}号`,
  deviceClasses: ['II', 'III'],
  validFrom: addDays(today(), -5),
  validTo: addDays(today(), 1800),
  idempotencyKey: randomUUID(),
  ...over,
});

function upload(client: GqlClient, id: string, body: Buffer) {
  return fetch(`${t.url}/files/qualifications/${id}`, {
    method: 'PUT',
    headers: {
      'x-medchannel-app': client.audience!.toLowerCase(),
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('许可证.pdf'),
    },
    body,
  });
}

async function propose(over: object = {}) {
  const r = await owner.request(PROPOSE, { i: proposal(over) });
  expect(r.errors).toEqual([]);
  return r.data.proposeQualificationRenewal as { id: string; version: number; number: string; status: string };
}

const expiringNumbers = async () => {
  const r = await admin.request(`{ expiringQualifications(withinDays: 60) { number } }`);
  expect(r.errors).toEqual([]);
  return r.data.expiringQualifications.map((q: { number: string }) => q.number);
};

const qualificationReasons = async () => {
  const r = await admin.request(
    `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { findings { reason } } }`,
    { d: HN.id, p: classIII.id, h: hospital.id, on: today() },
  );
  expect(r.errors).toEqual([]);
  return r.data.complianceCheck.findings
    .map((f: { reason: string }) => f.reason)
    .filter((x: string) => x.startsWith('QUALIFICATION'));
};

const documents = async (client: GqlClient) => {
  const r = await client.request(
    `query($id: ID!) { distributor(id: $id) { qualifications { id number validTo latestRenewal { id status rejectReason } } } }`,
    { id: HN.id },
  );
  expect(r.errors).toEqual([]);
  return r.data.distributor.qualifications as Array<{
    id: string;
    number: string;
    latestRenewal: { id: string; status: string; rejectReason: string | null } | null;
  }>;
};

test('a pending proposal counts for nothing; rejected, the owner reads why and proposes again; approved, it is the current document', async () => {
  const before = await qualificationReasons();
  expect(before).toContain('QUALIFICATION_EXPIRED');
  const first = await propose();
  expect(first.status).toBe('PENDING');
  expect(await qualificationReasons()).toEqual(before);
  expect(await expiringNumbers()).toContain(expired.number);
  expect((await documents(admin)).map((q) => q.number)).not.toContain(first.number);

  // a second proposal of the same document waits for the first one's answer
  const again = await owner.request(PROPOSE, { i: proposal() });
  expect(reasonOf(again)).toBe(ErrorReason.ILLEGAL_TRANSITION);

  const rejected = await admin.request(REJECT, {
    i: { renewalId: first.id, expectedVersion: first.version, reason: '扫描件不清晰' },
  });
  expect(rejected.errors).toEqual([]);
  expect(rejected.data.rejectQualificationRenewal).toMatchObject({ status: 'REJECTED', rejectReason: '扫描件不清晰' });
  const seen = (await documents(owner)).find((q) => q.id === expired.id)!;
  expect(seen.latestRenewal).toMatchObject({ id: first.id, status: 'REJECTED', rejectReason: '扫描件不清晰' });

  const second = await propose();
  // no scan yet: not approvable
  const early = await admin.request(APPROVE, { i: { renewalId: second.id, expectedVersion: second.version } });
  expect(reasonOf(early)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  expect((await upload(owner, second.id, PDF)).status).toBe(200);
  expect(await qualificationReasons()).toEqual(before);

  const stale = await admin.request(APPROVE, { i: { renewalId: second.id, expectedVersion: second.version } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  const approved = await admin.request(APPROVE, { i: { renewalId: second.id, expectedVersion: second.version + 1 } });
  expect(approved.errors).toEqual([]);
  expect(approved.data.approveQualificationRenewal.status).toBe('APPROVED');

  const current = (await documents(owner)).find((q) => q.number === second.number)!;
  expect(current).toBeDefined();
  expect(await qualificationReasons()).toEqual([]);
  expect(await expiringNumbers()).not.toContain(expired.number);
  const scan = await fetch(`${t.url}/files/qualifications/${current.id}`, {
    headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(Buffer.from(await scan.arrayBuffer())).toEqual(PDF);

  const twice = await admin.request(REJECT, {
    i: { renewalId: second.id, expectedVersion: second.version + 2, reason: '太晚' },
  });
  expect(reasonOf(twice)).toBe(ErrorReason.ILLEGAL_TRANSITION);
});

test('a retry with the same key is the same proposal; the scope must fit the kind of document', async () => {
  const i = proposal({ qualificationId: businessLicence.id, deviceClasses: [], validTo: null });
  const a = await owner.request(PROPOSE, { i });
  const b = await owner.request(PROPOSE, { i });
  expect([a.errors, b.errors]).toEqual([[], []]);
  expect(b.data.proposeQualificationRenewal.id).toBe(a.data.proposeQualificationRenewal.id);
  const reused = await owner.request(PROPOSE, { i: { ...i, number: 'OTHER-NUMBER' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);

  const wrongScope = await owner.request(PROPOSE, { i: proposal({ deviceClasses: ['II'] }) });
  expect(codeOf(wrongScope)).toBe(ErrorCode.BAD_USER_INPUT);
  const backwards = await owner.request(PROPOSE, {
    i: proposal({
      qualificationId: businessLicence.id,
      deviceClasses: [],
      validFrom: today(),
      validTo: addDays(today(), -1),
    }),
  });
  expect(codeOf(backwards)).toBe(ErrorCode.BAD_USER_INPUT);
});

test("another distributor's owner, and the brand, cannot propose on Huaning's documents", async () => {
  const stranger = await t.as('boss@yuekang.demo');
  expect(codeOf(await stranger.request(PROPOSE, { i: proposal() }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await admin.request(PROPOSE, { i: proposal() }))).toBe(ErrorCode.FORBIDDEN);
  expect(codeOf(await owner.request(APPROVE, { i: { renewalId: randomUUID(), expectedVersion: 1 } }))).toBe(
    ErrorCode.FORBIDDEN,
  );
});
