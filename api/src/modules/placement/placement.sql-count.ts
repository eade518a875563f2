import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/**
 * A page of placed instruments (each with its history and its months of commitment) and a campaign
 * whose items the owner confirms: every list is its count and its page, plus one batch per nested list.
 */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId, ownerId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL投放科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    await ds.query(
      `INSERT INTO placement (brand_id, distributor_id, product_id, serial_no, source, hospital_id, department_id, reagent_line_id,
                              commitment_quantity, commitment_period, starts_on, ends_on, created_by)
       SELECT $1, $2, $3, 'SQLPL' || lpad(i::text, 3, '0'), 'STOCK', $4, $5, $6, 10, 'MONTH', CURRENT_DATE - 100, CURRENT_DATE + 300, $7
         FROM generate_series(0, 29) i`,
      [brand.brandId, brand.distributorIds[0], cat.productIII, cat.hospitalInCity, dept.id, cat.lineId, ownerId],
    );
    await ds.query(
      `INSERT INTO placement_event (brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, actor_id)
       SELECT brand_id, id, 'PLACED', starts_on, hospital_id, department_id, serial_no, created_by FROM placement
        WHERE brand_id = $1 AND serial_no LIKE 'SQLPL%'`,
      [brand.brandId],
    );
    // a page of campaigns (years 2030–2059), the items in the first
    await ds.query(
      `INSERT INTO stocktake_campaign (brand_id, year, due_on, created_by)
       SELECT $1, 2030 + i, CURRENT_DATE + 30, $2 FROM generate_series(0, 29) i`,
      [brand.brandId, adminId],
    );
    const [c] = await ds.query(`SELECT id FROM stocktake_campaign WHERE brand_id = $1 AND year = 2030`, [
      brand.brandId,
    ]);
    await ds.query(
      `INSERT INTO stocktake_item (brand_id, campaign_id, placement_id, distributor_id, serial_no, hospital_id, department_id,
                                   finding, confirmed_by, confirmed_at)
       SELECT brand_id, $2, id, distributor_id, serial_no, hospital_id, department_id, 'NOT_FOUND', $3, now()
         FROM placement WHERE brand_id = $1 AND serial_no LIKE 'SQLPL%'`,
      [brand.brandId, c.id, ownerId],
    );
  },
  lists: [
    {
      name: 'placements',
      max: 7, // session, count, page, history, commitment
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { placements(first: $n) { totalCount nodes { id serialNo distributorName hospitalName departmentName reagentLineName
        history { kind occurredOn departmentName actorName } commitment { month committed actual shortfall } } } }`,
    },
    {
      name: 'stocktakeCampaigns',
      max: 5, // session, count, page, progress
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { stocktakeCampaigns(first: $n) { totalCount nodes { id year status progress { distributorName instruments confirmed discrepancies } } } }`,
    },
  ],
  tests: {
    'a campaign’s items and discrepancies: one count and one page each, however many': async ({ t, brand }) => {
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const [c] = await t.app.ds.query(`SELECT id FROM stocktake_campaign WHERE brand_id = $1 AND year = 2030`, [
        brand.brandId,
      ]);
      const counts: number[] = [];
      for (const n of [1, 30]) {
        const items = await owner.request(
          `query($c: ID!, $n: Int!) { stocktakeItems(campaignId: $c, first: $n) { totalCount nodes { id serialNo hospitalName finding } } }`,
          { c: c.id, n },
        );
        const d = await owner.request(
          `query($c: ID!, $n: Int!) { stocktakeDiscrepancies(campaignId: $c, first: $n) { totalCount nodes { id kind serialNo placeName } } }`,
          { c: c.id, n },
        );
        expect(items.errors).toEqual([]);
        expect(items.data.stocktakeItems.nodes).toHaveLength(n);
        expect(d.data.stocktakeDiscrepancies.nodes).toHaveLength(n);
        counts.push(items.sqlCount, d.sqlCount);
      }
      expect(counts.slice(2)).toEqual(counts.slice(0, 2));
      expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    },
  },
};
