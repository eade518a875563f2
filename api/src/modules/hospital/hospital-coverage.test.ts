import { randomUUID } from 'node:crypto';
import { COVERAGE_BUYING_DAYS, HospitalCoverage, RegionLevel } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { Scope, buildScope } from '../../auth/scope';
import { addDays, today } from '../../common/dates';
import { User } from '../user';

/**
 * 目标医院: a hospital is a target exactly when a grant of its brand, live today, names it, its
 * region, or the province its city lies in — whatever else the brand's grants say. The set-based
 * condition (hospital-coverage.ts) against that reading, grant by grant.
 */
let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let cat: CatalogFixture;
let admin: Scope;
/** the hospitals: in the city, in the province itself, in a second city of the province, in a second province */
let h: { city: string; province: string; city2: string; elsewhere: string };
let regions: { province: string; city: string; city2: string; province2: string };
const on = today();

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
  other = await createBrand(t.app.ds, 1);
  cat = await createCatalog(t.app.ds, brand);
  const region = async (level: RegionLevel, code: string, parent: string | null) =>
    (
      await t.app.ds.query(
        `INSERT INTO region (brand_id, parent_id, level, code, name) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [brand.brandId, parent, level, code],
      )
    )[0].id as string;
  const hospital = async (name: string, regionId: string) =>
    (
      await t.app.ds.query(
        `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_3A', $3) RETURNING id`,
        [brand.brandId, name, regionId],
      )
    )[0].id as string;
  regions = { province: cat.provinceId, city: cat.cityId, city2: '', province2: '' };
  regions.city2 = await region(RegionLevel.CITY, 'C2', cat.provinceId);
  regions.province2 = await region(RegionLevel.PROVINCE, 'P2', null);
  h = {
    city: cat.hospitalInCity,
    province: cat.hospitalInProvince,
    city2: await hospital('第二市医院', regions.city2),
    elsewhere: await hospital('外省医院', regions.province2),
  };
  const users = t.app.ds.getRepository(User);
  admin = await buildScope(t.app.ds.manager, await users.findOneByOrFail({ email: brand.adminEmail }));
});
afterAll(() => t?.stop());

interface Grant {
  of?: BrandFixture;
  hospitals?: string[];
  regions?: string[];
  from?: string;
  to?: string;
  revokedFrom?: string;
}

/** The brand's target hospitals (of the four) under exactly these grants. */
async function targetsUnder(grants: Grant[]): Promise<string[]> {
  await t.app.ds.query(`DELETE FROM authorization_grant WHERE brand_id = ANY($1)`, [[brand.brandId, other.brandId]]);
  for (const g of grants) {
    const b = g.of ?? brand;
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, hospital_ids, valid_from, valid_to, revoked_from)
       VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6, $7, $8)`,
      [
        b.brandId,
        b.distributorIds[0],
        [cat.lineId],
        g.regions ?? [],
        g.hospitals ?? [],
        g.from ?? addDays(on, -30),
        g.to ?? addDays(on, 30),
        g.revokedFrom ?? null,
      ],
    );
  }
  const rows = await t.app.services.hospitals
    .listQuery(admin, { coverage: HospitalCoverage.TARGET })
    .andWhere('h.id = ANY(:four)', { four: Object.values(h) })
    .getMany();
  const names = Object.fromEntries(Object.entries(h).map(([k, v]) => [v, k]));
  return rows.map((r) => names[r.id]).sort();
}

test('a target is named by a live grant of its brand: itself, its region or its province', async () => {
  expect(await targetsUnder([])).toEqual([]);
  expect(await targetsUnder([{ hospitals: [h.city] }])).toEqual(['city']);
  expect(await targetsUnder([{ regions: [regions.city] }])).toEqual(['city']);
  expect(await targetsUnder([{ regions: [regions.city2] }, { hospitals: [h.elsewhere] }])).toEqual([
    'city2',
    'elsewhere',
  ]);
  // a province: the hospitals in it and in each of its cities, not another province's
  expect(await targetsUnder([{ regions: [regions.province] }])).toEqual(['city', 'city2', 'province']);
  expect(await targetsUnder([{ regions: [regions.province2] }])).toEqual(['elsewhere']);
});

test('a grant covers from its first day to its last, and no longer once revoked', async () => {
  const province = { regions: [regions.province] };
  expect(await targetsUnder([{ ...province, from: on, to: on }])).toEqual(['city', 'city2', 'province']);
  expect(await targetsUnder([{ ...province, to: addDays(on, -1) }])).toEqual([]);
  expect(await targetsUnder([{ ...province, from: addDays(on, 1) }])).toEqual([]);
  expect(await targetsUnder([{ ...province, revokedFrom: on }])).toEqual([]);
  expect(await targetsUnder([{ ...province, revokedFrom: addDays(on, 1) }])).toEqual(['city', 'city2', 'province']);
  // an ended grant beside a live one: the live one decides
  expect(await targetsUnder([{ ...province, to: addDays(on, -1) }, { hospitals: [h.city2] }])).toEqual(['city2']);
});

test("another brand's grant covers none of this brand's hospitals, whatever ids it holds", async () => {
  expect(
    await targetsUnder([{ of: other, regions: [regions.province, regions.province2], hospitals: [h.city] }]),
  ).toEqual([]);
});

/**
 * 在采: a target buys when, since the day COVERAGE_BUYING_DAYS back, an order was placed for it
 * (neither rejected nor cancelled) or a sale (SOLD_OUT) went to it — reversed or returned since or
 * not. The set-based condition (the hospitals' last day of sale, kept by the movements' trigger)
 * against that reading, hospital by hospital, and against what each case should answer.
 */
test('a target buys when an order for it or a sale to it falls on or after the day, whatever followed the sale', async () => {
  const since = addDays(on, -COVERAGE_BUYING_DAYS);
  const distributorId = brand.distributorIds[0];
  const [user] = await t.app.ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 LIMIT 1`, [distributorId]);
  const cases = {
    saleOnTheDay: true,
    saleTheDayBefore: false,
    saleReversed: true,
    saleReturned: true,
    /** sold before the day, reversed and returned after it: no sale since */
    correctedSinceOnly: false,
    /** a sale since the day, then one back-dated before it (the later statement): still buying */
    saleThenBackdated: true,
    orderSubmitted: true,
    orderOnTheDay: true,
    orderTheDayBefore: false,
    orderRejected: false,
    orderCancelled: false,
    nothing: false,
  };
  const ids: Record<string, string> = {};
  for (const name of Object.keys(cases))
    ids[name] = (
      await t.app.ds.query(
        `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_2A', $3) RETURNING id`,
        [brand.brandId, `在采-${name}`, regions.city],
      )
    )[0].id;
  const move = async (hospital: string, kind: string, quantity: number, day: string, reverses?: string) =>
    (
      await t.app.ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, reverses_id, created_by)
         VALUES ($1, $2, $3, 'COV', $4, $5, $6, $7, $8, $9) RETURNING id`,
        [brand.brandId, distributorId, cat.productII, kind, quantity, day, hospital, reverses ?? null, user.id],
      )
    )[0].id as string;
  const order = (hospital: string, status: string, submittedAt: string) =>
    t.app.ds.query(
      `INSERT INTO purchase_order (brand_id, distributor_id, hospital_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
       VALUES ($1, $2, $3, $4, 'HOSPITAL', $5, $6, 'CNY', '10.00', '0.00', gen_random_uuid(), repeat('0', 64), $7)`,
      [brand.brandId, distributorId, hospital, `COV${randomUUID().slice(0, 12)}`, user.id, status, submittedAt],
    );
  await move(ids.saleOnTheDay, 'SOLD_OUT', -1, since);
  await move(ids.saleTheDayBefore, 'SOLD_OUT', -1, addDays(since, -1));
  await move(
    ids.saleReversed,
    'REVERSAL',
    2,
    addDays(on, -9),
    await move(ids.saleReversed, 'SOLD_OUT', -2, addDays(on, -10)),
  );
  await move(ids.saleReturned, 'SOLD_OUT', -2, addDays(on, -10));
  await move(ids.saleReturned, 'RETURNED', 2, addDays(on, -5));
  const old = await move(ids.correctedSinceOnly, 'SOLD_OUT', -3, addDays(since, -20));
  await move(ids.correctedSinceOnly, 'RETURNED', 1, addDays(on, -5));
  await move(ids.correctedSinceOnly, 'REVERSAL', 3, addDays(on, -4), old);
  await move(ids.saleThenBackdated, 'SOLD_OUT', -1, addDays(on, -2));
  await move(ids.saleThenBackdated, 'SOLD_OUT', -1, addDays(since, -100));
  await order(ids.orderSubmitted, 'SUBMITTED', `${on}T12:00:00+08:00`);
  await order(ids.orderOnTheDay, 'CLOSED', `${since}T12:00:00+08:00`);
  await order(ids.orderTheDayBefore, 'CLOSED', `${addDays(since, -1)}T12:00:00+08:00`);
  await order(ids.orderRejected, 'REJECTED', `${on}T12:00:00+08:00`);
  await order(ids.orderCancelled, 'CANCELLED', `${on}T12:00:00+08:00`);

  expect(await targetsUnder([{ regions: [regions.city] }])).toEqual(['city']);
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  const buying = (
    await t.app.services.hospitals
      .listQuery(admin, { coverage: HospitalCoverage.BUYING })
      .andWhere('h.id = ANY(:ids)', { ids: Object.values(ids) })
      .getMany()
  )
    .map((r) => names[r.id])
    .sort();
  const expected = Object.entries(cases)
    .filter(([, b]) => b)
    .map(([name]) => name)
    .sort();
  expect(buying).toEqual(expected);
  // the reading hospital by hospital: an order or a sale on or after the day
  const byHospital = await t.app.ds.query(
    `SELECT h.id FROM hospital h WHERE h.id = ANY($1)
        AND (EXISTS (SELECT 1 FROM purchase_order o WHERE o.hospital_id = h.id AND o.brand_id = h.brand_id
                       AND o.submitted_at >= $2::date AND o.status NOT IN ('REJECTED', 'CANCELLED'))
          OR EXISTS (SELECT 1 FROM stock_movement m WHERE m.hospital_id = h.id AND m.brand_id = h.brand_id
                       AND m.kind = 'SOLD_OUT' AND m.occurred_on >= $2::date))`,
    [Object.values(ids), since],
  );
  expect(byHospital.map((r: { id: string }) => names[r.id]).sort()).toEqual(expected);
});
