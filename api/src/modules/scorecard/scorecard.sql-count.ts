import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';
import type { TestApp } from '../../../test/harness';
import type { BrandFixture } from '../../../test/factories';

const CARD = `query($d: ID!) { distributorScorecard(distributorId: $d, year: 2025, quarter: 1) {
  distributor { id name } score tier figures { kind value score weight inputs { key subject value } } } }`;
const PROPOSALS = `{ retierProposals { id score fromTier toTier direction status distributor { id name } } }`;

/** n more of every kind of input of the brand's first distributor's first quarter of 2025. */
async function addInputs(ds: TestApp['app']['ds'], brand: BrandFixture, from: number, to: number): Promise<void> {
  const d = brand.distributorIds[0];
  const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  const [region] = await ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE'`, [brand.brandId]);
  for (let i = from; i < to; i++) {
    const [line] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [
      brand.brandId,
      `SQL-SC${i}`,
    ]);
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, '2024-01-01', '2026-12-31')`,
      [brand.brandId, d, [line.id], [region.id]],
    );
    await ds.query(`INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_3A', $3)`, [
      brand.brandId,
      `SQL评分医院 ${i}`,
      region.id,
    ]);
    await ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
       VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '10.00', 'CNY', '2025-02-01', '2025-03-01', 'test', gen_random_uuid())`,
      [brand.brandId, d],
    );
    await ds.query(
      `INSERT INTO retier_proposal (brand_id, distributor_id, year, quarter, score, from_tier, to_tier, status, reviewed_at, review_reason, created_by, request_key, request_hash)
       VALUES ($1, $2, 2025, 1, '40.00', 1, 2, 'REJECTED', now(), 'sql', $3, gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, brand.distributorIds[i % brand.distributorIds.length], admin.id],
    );
  }
}

/** A scorecard is one read whatever its inputs; the re-tier list costs the same for 2 proposals as for 22. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'a scorecard and the re-tier proposals cost the same SQL for 2 inputs of each kind as for 22': async ({
      t,
      brand,
    }) => {
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const d = { d: brand.distributorIds[0] };
      await addInputs(t.app.ds, brand, 0, 2);
      const [small, smallOwn, smallList] = [
        await admin.request(CARD, d),
        await owner.request(CARD, d),
        await admin.request(PROPOSALS),
      ];
      await addInputs(t.app.ds, brand, 2, 22);
      const [large, largeOwn, largeList] = [
        await admin.request(CARD, d),
        await owner.request(CARD, d),
        await admin.request(PROPOSALS),
      ];
      expect([large.errors, largeOwn.errors, largeList.errors]).toEqual([[], [], []]);
      expect(large.data.distributorScorecard.figures[2].inputs.length).toBeGreaterThanOrEqual(24);
      expect(largeList.data.retierProposals.length).toBeGreaterThanOrEqual(22);
      expect(large.sqlCount).toBe(small.sqlCount);
      expect(largeOwn.sqlCount).toBe(smallOwn.sqlCount);
      expect(largeList.sqlCount).toBe(smallList.sqlCount);
      // the session, the distributor in view, the weights, the one read of every figure's inputs
      expect(large.sqlCount).toBeLessThanOrEqual(4);
    },
  },
};
