import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/**
 * A page of recalls, each reaching all 30 of the check's distributors (half acknowledged); the
 * first also reaches a page of hospital departments (inventory's check wrote them).
 */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId, ownerId }) => {
    await ds.query(
      `INSERT INTO recall (brand_id, product_id, batch_no, reason, severity, instructions, created_by)
       SELECT $1, $2, 'SQLR' || lpad(i::text, 3, '0'), 'SQL', 'CLASS_II', 'SQL', $3 FROM generate_series(0, 29) i`,
      [brand.brandId, cat.productII, adminId],
    );
    await ds.query(
      `INSERT INTO recall_distributor (recall_id, brand_id, distributor_id, received, held, transferred, sold)
       SELECT r.id, r.brand_id, d, 10, 5, 2, 3 FROM recall r, unnest($2::uuid[]) d WHERE r.brand_id = $1 AND r.batch_no LIKE 'SQLR%'`,
      [brand.brandId, brand.distributorIds],
    );
    await ds.query(
      `INSERT INTO recall_ack (recall_id, distributor_id, brand_id, acknowledged_by)
       SELECT recall_id, distributor_id, brand_id, $2 FROM recall_distributor
        WHERE brand_id = $1 AND distributor_id = ANY($3::uuid[])`,
      [brand.brandId, ownerId, brand.distributorIds.filter((_, i) => i % 2 === 0)],
    );
    await ds.query(
      `INSERT INTO recall_hospital (recall_id, brand_id, distributor_id, hospital_id, department_id, quantity)
       SELECT r.id, r.brand_id, $3::uuid, d.hospital_id, d.id, 3
         FROM recall r, hospital_department d
        WHERE r.brand_id = $1 AND r.batch_no = 'SQLR000' AND d.hospital_id = $2 AND d.name LIKE 'SQL科%'`,
      [brand.brandId, cat.hospitalInCity, brand.distributorIds[0]],
    );
  },
  lists: [
    {
      name: 'recalls',
      max: 5, // session, count, page
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { recalls(first: $n) { totalCount nodes { id productName batchNo severity status distributorCount acknowledgedCount hospitalCount } } }`,
    },
    {
      name: 'recalls (a distributor’s)',
      max: 5,
      as: (brand) => brand.ownerEmail,
      audience: Audience.PORTAL,
      query: `query($n: Int!) { recalls(first: $n) { totalCount nodes { id productName batchNo status distributorCount hospitalCount } } }`,
    },
  ],
  tests: {
    'a recall’s reach and its hospitals cost the same for 1 row as for a page': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [recall] = await t.app.ds.query(`SELECT id FROM recall WHERE brand_id = $1 AND batch_no = 'SQLR000'`, [
        brand.brandId,
      ]);
      const queries = [
        `query($id: ID!, $n: Int!) { recallDistributors(recallId: $id, first: $n) { totalCount nodes { distributorName tier received held sold acknowledgedAt acknowledgedByName } } }`,
        `query($id: ID!, $n: Int!) { recallHospitals(recallId: $id, first: $n) { totalCount nodes { distributorName hospitalName departmentName quantity } } }`,
      ];
      for (const q of queries) {
        const one = await client.request(q, { id: recall.id, n: 1 });
        const page = await client.request(q, { id: recall.id, n: 30 });
        expect(page.errors).toEqual([]);
        const nodes = (Object.values(page.data)[0] as { nodes: unknown[] }).nodes;
        expect(nodes.length).toBe(30);
        expect(page.sqlCount).toBe(one.sqlCount);
        expect(page.sqlCount).toBeLessThanOrEqual(6);
      }
    },
  },
};
