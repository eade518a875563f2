import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';
import type { TestApp } from '../../../test/harness';
import type { BrandFixture } from '../../../test/factories';

const TARGET = `id year status distributor { name } productLine { name }
  current { number kind yearly { amount } quarters { amount } potential { amount } }
  versions { number reason } progress { total { amount } attainment months { month amount { amount } } }`;
const SERIES = `id progress { sellOutTotal { amount } series { month sellIn { amount } sellOut { amount } cumulative { amount } attainment } }`;
const SERIES_MONTH = `series { month sellIn { amount currency } sellOut { amount currency } cumulative { amount currency } attainment }`;
const VERSION = `id number kind reason share createdAt yearly { amount currency } quarters { amount currency } potential { amount currency }`;
/** the targets screens' documents as they ask (console DistributorTargets, portal MyTargets), with the series */
const CONSOLE_SCREEN = `query($f: TargetFilter!, $d: ID!) {
  salesTargets(filter: $f) { id year status version productLine { id name } current { ${VERSION} } versions { ${VERSION} }
    progress { attainment total { amount currency } ${SERIES_MONTH} } }
  distributorPotential(distributorId: $d) { hospitals productLine { id name } total { amount currency } } }`;
const PORTAL_SCREEN = `query($f: TargetFilter!) {
  salesTargets(filter: $f) { id year status version agreedAt productLine { id name } distributor { id name }
    current { ${VERSION} } versions { ${VERSION} } progress { attainment total { amount currency } ${SERIES_MONTH} }
    rebate(quarter: 1) { quarter attainment policyVersion band { rate } nextBand { rate } rebate { amount } moreToNext { amount } } } }`;
const POTENTIAL = `id version consumables { amount } total { amount } department { name } productLine { name } history { version }`;

type Query = TestApp['app']['ds'];

/** the most statements a page of targets with their series may cost */
const BUDGET = 6;
/** the most the targets screens' documents (with the series: one statement for the page) may cost */
const SCREEN_BUDGET = { console: 9, portal: 7 };

/** n targets of the brand's first distributor for a year (2030), each on a line of its own with one version. */
async function addTargets(ds: Query, brand: BrandFixture, from: number, to: number, year = 2030): Promise<void> {
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  for (let i = from; i < to; i++) {
    const [line] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [
      brand.brandId,
      `SQL-T${year}-${i}`,
    ]);
    const [t] = await ds.query(
      `INSERT INTO sales_target (brand_id, distributor_id, product_line_id, year, status, currency, created_by)
       VALUES ($1, $2, $3, $4, 'PROPOSED', 'CNY', $5) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], line.id, year, admin.id],
    );
    await ds.query(
      `INSERT INTO sales_target_version (brand_id, target_id, number, kind, yearly, q1, q2, q3, q4, currency, created_by, request_key, request_hash)
       VALUES ($1, $2, 1, 'PROPOSAL', '4.00', '1.00', '1.00', '1.00', '1.00', 'CNY', $3, gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, t.id, admin.id],
    );
  }
}

/** Sell-out of the distributor in two months of 2031 on each of the lines of targets from..to, at a tier price. */
async function addSellOut(ds: Query, brand: BrandFixture, from: number, to: number): Promise<void> {
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  const [h] = await ds.query(`SELECT id FROM hospital WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
  for (let i = from; i < to; i++) {
    const [p] = await ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       SELECT $1, id, $2, $2, 'CONSUMABLE', 'II', $2, '2030-01-01', '2032-12-31', '10.00' FROM product_line WHERE brand_id = $1 AND code = $3
       RETURNING id`,
      [brand.brandId, `SQL-SO${i}`, `SQL-T2031-${i}`],
    );
    await ds.query(
      `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '8.00', '2031-01-01'), ($1, $2, 2, '9.00', '2031-01-01')`,
      [brand.brandId, p.id],
    );
    await ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, kind, quantity, occurred_on, hospital_id, created_by)
       VALUES ($1, $2, $3, 'SOLD_OUT', -2, '2031-03-10', $4, $5), ($1, $2, $3, 'SOLD_OUT', -1, '2031-07-01', $4, $5)`,
      [brand.brandId, brand.distributorIds[0], p.id, h.id, admin.id],
    );
  }
}

/** n departments with a potential each at the brand's hospital in the city. */
async function addPotentials(
  ds: Query,
  brand: BrandFixture,
  hospitalId: string,
  lineId: string,
  from: number,
  to: number,
) {
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  for (let i = from; i < to; i++) {
    const [d] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`,
      [brand.brandId, hospitalId, `SQL潜力科${i}`],
    );
    await ds.query(
      `INSERT INTO department_potential (brand_id, hospital_id, department_id, product_line_id, version, beds, yearly_volume,
         usage_per_procedure, consumable_unit_price, beds_per_equipment, equipment_unit_price, equipment_life_years, currency, consumables, equipment, created_by)
       VALUES ($1, $2, $3, $4, 1, 100, 1000, 1, '1.00', 100, '100.00', 1, 'CNY', '1000.00', '100.00', $5)`,
      [brand.brandId, hospitalId, d.id, lineId, admin.id],
    );
  }
}

/** A year's targets and a hospital's potential cost the same statements for 2 as for 22. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'a year’s targets cost the same SQL for 2 as for 22': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `query($f: TargetFilter!) { salesTargets(filter: $f) { ${TARGET} } }`;
      const f = { year: 2030, distributorId: brand.distributorIds[0] };
      await addTargets(t.app.ds, brand, 0, 2);
      const small = await client.request(query, { f });
      await addTargets(t.app.ds, brand, 2, 22);
      const large = await client.request(query, { f });
      expect(large.errors).toEqual([]);
      expect(large.data.salesTargets).toHaveLength(22);
      expect(large.sqlCount).toBe(small.sqlCount);
    },
    'a year’s targets with their monthly series cost the same SQL for 2 as for 22, within budget': async ({
      t,
      brand,
    }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `query($f: TargetFilter!) { salesTargets(filter: $f) { ${SERIES} } }`;
      const f = { year: 2031, distributorId: brand.distributorIds[0] };
      await addTargets(t.app.ds, brand, 0, 2, 2031);
      await addSellOut(t.app.ds, brand, 0, 2);
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      // the series as such, and the two screens that show it
      const ask = async () => [
        await client.request(query, { f }),
        await client.request(CONSOLE_SCREEN, { f, d: brand.distributorIds[0] }),
        await owner.request(PORTAL_SCREEN, { f: { year: 2031 } }),
      ];
      const small = await ask();
      expect(small.map((r) => r.errors)).toEqual([[], [], []]);
      await addTargets(t.app.ds, brand, 2, 22, 2031);
      await addSellOut(t.app.ds, brand, 2, 22);
      const large = await ask();
      expect(large.map((r) => r.errors)).toEqual([[], [], []]);
      expect(large.map((r) => r.data.salesTargets.length)).toEqual([22, 22, 22]);
      expect(large[0].data.salesTargets[21].progress.sellOutTotal).toEqual({ amount: '24.00' });
      // auth, the distributor in view, the page, the versions (for the yearly amount), the sell-in months, the series;
      // the screens add the potential (console) and the rebates (portal)
      expect(large.map((r) => r.sqlCount)).toEqual(small.map((r) => r.sqlCount));
      expect(large[0].sqlCount).toBeLessThanOrEqual(BUDGET);
      expect(large[1].sqlCount).toBeLessThanOrEqual(SCREEN_BUDGET.console);
      expect(large[2].sqlCount).toBeLessThanOrEqual(SCREEN_BUDGET.portal);
    },
    'a hospital’s potential costs the same SQL for 2 departments as for 22': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [h] = await t.app.ds.query(`SELECT id FROM hospital WHERE brand_id = $1 ORDER BY name LIMIT 1`, [
        brand.brandId,
      ]);
      const [line] = await t.app.ds.query(`SELECT id FROM product_line WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
      const query = `query($h: ID!) { departmentPotentials(hospitalId: $h) { ${POTENTIAL} } }`;
      await addPotentials(t.app.ds, brand, h.id, line.id, 0, 2);
      const small = await client.request(query, { h: h.id });
      await addPotentials(t.app.ds, brand, h.id, line.id, 2, 22);
      const large = await client.request(query, { h: h.id });
      expect(large.errors).toEqual([]);
      expect(large.data.departmentPotentials).toHaveLength(22);
      expect(large.sqlCount).toBe(small.sqlCount);
    },
  },
};
