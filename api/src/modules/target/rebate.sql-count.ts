import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';
import type { TestApp } from '../../../test/harness';
import type { BrandFixture } from '../../../test/factories';

const QUARTER = `quarter quarterAmount { amount } sellIn { amount } attainment band { rate } rebate { amount }
  posted { amount } pending { amount } nextBand { threshold } moreToNext { amount } policyVersion ended`;

/** n agreed 2025 targets of the brand's first distributor, each on a line of its own with a policy. */
async function addAgreed(ds: TestApp['app']['ds'], brand: BrandFixture, from: number, to: number): Promise<void> {
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  for (let i = from; i < to; i++) {
    const [line] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [
      brand.brandId,
      `SQL-R${i}`,
    ]);
    const [t] = await ds.query(
      `INSERT INTO sales_target (brand_id, distributor_id, product_line_id, year, status, currency, agreed_at, agreed_by, created_by)
       VALUES ($1, $2, $3, 2025, 'AGREED', 'CNY', now(), $4, $4) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], line.id, admin.id],
    );
    await ds.query(
      `INSERT INTO sales_target_version (brand_id, target_id, number, kind, yearly, q1, q2, q3, q4, currency, created_by, request_key, request_hash)
       VALUES ($1, $2, 1, 'PROPOSAL', '4.00', '1.00', '1.00', '1.00', '1.00', 'CNY', $3, gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, t.id, admin.id],
    );
    await ds.query(
      `INSERT INTO rebate_policy (brand_id, product_line_id, version, bands, created_by, request_key, request_hash)
       VALUES ($1, $2, 1, '[{"threshold":"0.8000","rate":"0.0100"}]', $3, gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, line.id, admin.id],
    );
  }
}

/** A quarter's rebates, as finance lists them and as the owner's targets carry them, cost the same for 2 as for 22. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'a quarter’s rebates and the owner’s targets with their rebate cost the same SQL for 2 as for 22': async ({
      t,
      brand,
    }) => {
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const rebates = `{ quarterRebates(year: 2025, quarter: 1) { ${QUARTER} target { id productLine { id } } } }`;
      const targets = `query($f: TargetFilter!) { salesTargets(filter: $f) { id rebate(quarter: 1) { ${QUARTER} } } }`;
      const f = { year: 2025 };
      await addAgreed(t.app.ds, brand, 0, 2);
      const [small, smallOwn] = [await admin.request(rebates), await owner.request(targets, { f })];
      await addAgreed(t.app.ds, brand, 2, 22);
      const [large, largeOwn] = [await admin.request(rebates), await owner.request(targets, { f })];
      expect([large.errors, largeOwn.errors]).toEqual([[], []]);
      expect(large.data.quarterRebates).toHaveLength(22);
      expect(largeOwn.data.salesTargets.filter((x: { rebate: unknown }) => x.rebate)).toHaveLength(22);
      expect(large.sqlCount).toBe(small.sqlCount);
      expect(largeOwn.sqlCount).toBe(smallOwn.sqlCount);
    },
  },
};
