import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const NODE = `id status overdue engineer { displayName } opportunity { need hospital { name } distributor { name } }
  milestones { kind plannedDate doneDate overdue files { fileName url } }`;

/** The delivery projects, in the console and in the portal, over a page of projects each with its milestones and a file. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL交付科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    const [engineer] = await ds.query(
      `INSERT INTO app_user (brand_id, email, display_name, side, role) VALUES ($1, $2, 'SQL工程师', 'BRAND', 'ENGINEER') RETURNING id`,
      [brand.brandId, `sql-engineer-${brand.brandId.slice(0, 8)}@test.demo`],
    );
    for (let i = 0; i < 30; i++) {
      const [o] = await ds.query(
        `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
         VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, 'WON', $6) RETURNING id`,
        [brand.brandId, cat.hospitalInCity, dept.id, cat.lineId, `SQL交付 ${i}`, adminId, brand.distributorIds[0]],
      );
      const [p] = await ds.query(
        `INSERT INTO delivery_project (brand_id, opportunity_id, engineer_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [brand.brandId, o.id, engineer.id, adminId],
      );
      const ms: Array<{ id: string }> = await ds.query(
        `INSERT INTO delivery_milestone (brand_id, project_id, kind, seq, planned_date)
         VALUES ($1, $2, 'DELIVERY', 1, '2020-01-01'), ($1, $2, 'INSTALLATION', 2, NULL), ($1, $2, 'ACCEPTANCE', 3, NULL), ($1, $2, 'STAFF_TRAINING', 4, NULL)
         RETURNING id`,
        [brand.brandId, p.id],
      );
      await ds.query(
        `INSERT INTO delivery_file (brand_id, milestone_id, kind, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
         VALUES ($1, $2, 'PHOTO', 'sql/none', '到货.jpg', 'image/jpeg', 1, $3, $4)`,
        [brand.brandId, ms[0].id, String(i).padStart(64, '0'), adminId],
      );
    }
  },
  lists: [
    {
      name: 'deliveryProjects',
      max: 2, // the session, then the page with each project's tree in one statement (delivery-page.ts); 12 before
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { deliveryProjects(first: $n, filter: { overdue: true }) { totalCount nodes { ${NODE} } } }`,
    },
    {
      name: 'deliveryProjects (portal)',
      max: 2,
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { deliveryProjects(first: $n) { totalCount nodes { ${NODE} } } }`,
    },
  ],
};
