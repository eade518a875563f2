import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const NODE = `id serialNumber status plannedFrom plannedTo overdue agreement { fileName } product { name }
  hospital { name } department { name } opportunityNeed history { kind plannedTo note actor { displayName } }`;

/** The trial lists, in the console and the portal, over a page of trials each with its opportunity, product and history. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL试用科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    for (let i = 0; i < 30; i++) {
      const [o] = await ds.query(
        `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
         VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, 'TRIAL', $6) RETURNING id`,
        [brand.brandId, cat.hospitalInCity, dept.id, cat.lineId, `SQL试用机会 ${i}`, adminId, brand.distributorIds[0]],
      );
      const [t] = await ds.query(
        `INSERT INTO trial (brand_id, opportunity_id, product_id, serial_number, planned_from, planned_to, protocol, status, delivered_on, created_by)
         VALUES ($1, $2, $3, $4, CURRENT_DATE - 20, CURRENT_DATE - ($5::int % 3), 'SQL协议', 'DELIVERED', CURRENT_DATE - 19, $6) RETURNING id`,
        [brand.brandId, o.id, cat.productII, `SQL-TRIAL-${brand.brandId.slice(0, 8)}-${i}`.toUpperCase(), i, adminId],
      );
      await ds.query(
        `INSERT INTO trial_event (brand_id, trial_id, kind, planned_to, actor_id) VALUES ($1, $2, 'PLANNED', CURRENT_DATE, $3), ($1, $2, 'DELIVERED', CURRENT_DATE, $3)`,
        [brand.brandId, t.id, adminId],
      );
    }
  },
  lists: [
    {
      name: 'trials',
      max: 2, // the session, then the page with each trial's tree in one statement (trial-page.ts); 12 before
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { trials(first: $n, filter: { search: "SQL-TRIAL" }) { totalCount nodes { ${NODE} } } }`,
    },
    {
      name: 'trials (portal, mine)',
      max: 2,
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { trials(first: $n) { totalCount nodes { ${NODE} } } }`,
    },
  ],
};
