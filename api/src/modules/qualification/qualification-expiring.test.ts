import { ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, brandAndOther } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/** What expires when: the brand adds and renews a distributor's documents, and the list says what still warns. */

let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  ({ brand, other, admin } = await brandAndOther(t, 3, 1));
});
afterAll(() => t?.stop());

const ADD = `mutation($i: AddQualificationInput!) { addQualification(input: $i) { id type number validTo expiry { level daysLeft } } }`;
const EXPIRING = `query($d: Int!, $f: ExpiringQualificationFilter) {
  expiringQualifications(withinDays: $d, filter: $f) { id number validTo expiry { level } distributor { id name } } }`;

async function add(distributorId: string, type: string, number: string, validTo: string | null) {
  const r = await admin.request(ADD, {
    i: { distributorId, type, number, deviceClasses: ['II'], validFrom: addDays(today(), -300), validTo },
  });
  expect(r.errors).toEqual([]);
  return r.data.addQualification as { id: string; expiry: { level: string; daysLeft: number | null } };
}

const numbers = async (withinDays: number, f?: object) => {
  const r = await admin.request(EXPIRING, { d: withinDays, f });
  expect(r.errors).toEqual([]);
  return r.data.expiringQualifications.map((q: { number: string }) => q.number);
};

test('an added document warns as its day nears; renewed by a later one of its kind, it warns no more', async () => {
  const [d] = brand.distributorIds;
  const old = await add(d, 'OPERATING_LICENSE_III', 'EXP-OLD', addDays(today(), 20));
  expect(old.expiry).toEqual({ level: 'WITHIN_30_DAYS', daysLeft: 20 });
  const oneOff = await add(d, 'OTHER', 'EXP-OTHER-1', addDays(today(), 5));
  expect(await numbers(60)).toEqual(['EXP-OTHER-1', 'EXP-OLD']);
  expect(await numbers(10)).toEqual(['EXP-OTHER-1']);

  // the renewal: same kind, lasting longer; an OTHER document renews nothing
  await add(d, 'OPERATING_LICENSE_III', 'EXP-NEW', addDays(today(), 1800));
  await add(d, 'OTHER', 'EXP-OTHER-2', null);
  expect(await numbers(60)).toEqual(['EXP-OTHER-1']);

  // nor is anyone told of it by the daily job; the OTHER one still is
  await t.app.services.noticeJobs.runDaily();
  const told = await t.app.ds.query(
    `SELECT entity_id FROM notification WHERE entity = 'qualification' AND entity_id = ANY($1) GROUP BY entity_id`,
    [[old.id, oneOff.id]],
  );
  expect(told.map((r: { entity_id: string }) => r.entity_id)).toEqual([oneOff.id]);
});

test('filters by the distributor’s region and by kind; another brand’s documents never show', async () => {
  const [, d2, d3] = brand.distributorIds;
  await add(d2, 'FILING_CERTIFICATE_II', 'EXP-FILING', addDays(today(), -3));
  await add(d3, 'BUSINESS_LICENSE', 'EXP-BIZ', addDays(today(), 40));
  const [{ region_id }] = await t.app.ds.query(`SELECT region_id FROM distributor WHERE id = $1`, [d2]);
  const [foreign] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 LIMIT 1`, [other.brandId]);
  await t.app.ds.query(
    `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to) VALUES ($1, $2, 'OTHER', 'EXP-FOREIGN', $3, $4)`,
    [other.brandId, other.distributorIds[0], addDays(today(), -10), addDays(today(), 3)],
  );

  expect(await numbers(60, { types: ['FILING_CERTIFICATE_II', 'BUSINESS_LICENSE'] })).toEqual([
    'EXP-FILING',
    'EXP-BIZ',
  ]);
  expect(await numbers(60, { regionId: region_id, types: ['FILING_CERTIFICATE_II'] })).toEqual(['EXP-FILING']);
  expect(await numbers(60, { regionId: foreign.id })).toEqual([]);
  expect(await numbers(366)).not.toContain('EXP-FOREIGN');
});

test('a document that ends before it starts is refused and nothing is written', async () => {
  const [d] = brand.distributorIds;
  const r = await admin.request(ADD, {
    i: { distributorId: d, type: 'OTHER', number: 'EXP-BAD', validFrom: today(), validTo: addDays(today(), -1) },
  });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0].extensions?.field).toBe('validTo');
  const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM qualification WHERE number = 'EXP-BAD'`);
  expect(n).toBe(0);
});
