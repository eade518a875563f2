import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const NODE = `id need estimatedValue { amount currency } stage hospital { name } department { name } productLine { name }
  products { name } owner { displayName } distributor { name } stageHistory { stage createdAt } registration { status protectedUntil }`;

/** The pipeline, in the console and in the portal, over a page of opportunities each with its stages and a registration. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL超声科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    for (let i = 0; i < 30; i++) {
      const distributorId = brand.distributorIds[0];
      const [o] = await ds.query(
        `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, product_ids, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, '1000.00', 'CNY', $7, $8, 'NEED_CONFIRMED', $7) RETURNING id`,
        [
          brand.brandId,
          cat.hospitalInCity,
          dept.id,
          cat.lineId,
          [cat.productII],
          `SQL机会 ${i}`,
          adminId,
          distributorId,
        ],
      );
      await ds.query(
        `INSERT INTO opportunity_stage_fact (brand_id, opportunity_id, stage) VALUES ($1, $2, 'LEAD'), ($1, $2, 'NEED_CONFIRMED')`,
        [brand.brandId, o.id],
      );
      await ds.query(
        `INSERT INTO deal_registration (brand_id, opportunity_id, distributor_id, registered_by) VALUES ($1, $2, $3, $4)`,
        [brand.brandId, o.id, distributorId, adminId],
      );
    }
  },
  lists: [
    {
      name: 'opportunities',
      max: 2, // the session, then the count, the page and every field the pipeline's screens ask for in one statement (opportunity-page.ts)
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { opportunities(first: $n, filter: { search: "SQL机会" }) { totalCount nodes { ${NODE} } } }`,
    },
    {
      name: 'opportunities (portal)',
      max: 2,
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { opportunities(first: $n) { totalCount nodes { ${NODE} } } }`,
    },
  ],
};
