import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/**
 * The hospitals list, over a page of hospitals with their departments, the decision chain with its
 * history and the grants serving them; a hospital created with many departments costs what one with one does.
 */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat }) => {
    // a page of hospitals and of grants, each with nested records
    for (let i = 0; i < 30; i++) {
      const [h] = await ds.query(
        `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_2A', $3) RETURNING id`,
        [brand.brandId, `SQL医院 ${String(i).padStart(2, '0')}`, cat.cityId],
      );
      await ds.query(
        `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科'), ($1, $2, '超声科')`,
        [brand.brandId, h.id],
      );
      const [c] = await ds.query(
        `INSERT INTO hospital_contact (brand_id, hospital_id, name, decision_role) VALUES ($1, $2, '王主任', 'DEPARTMENT_HEAD') RETURNING id`,
        [brand.brandId, h.id],
      );
      await ds.query(`UPDATE hospital_contact SET relation = 'SUPPORTER' WHERE id = $1`, [c.id]);
      await ds.query(
        `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 1, CURRENT_DATE + 30)`,
        [brand.brandId, brand.distributorIds[i], [cat.lineId], [h.id]],
      );
    }
  },
  lists: [
    {
      name: 'hospitals',
      max: 2, // the session and one statement (hospital-page.ts)
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { hospitals(first: $n, filter: { search: "SQL医院" }) { totalCount nodes { id name region { name parent { name } }
      departments { name } contacts { name relation history { kind relation } } authorizations { id status productLines { name } } servingDistributors { id name channelManager { displayName } } } } }`,
    },
  ],
  tests: {
    'a hospital created with 20 departments costs the statements one with 1 does': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [{ id: regionId }] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 LIMIT 1`, [
        brand.brandId,
      ]);
      const create = (n: number) =>
        client.request(`mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id departments { name } } }`, {
          i: {
            name: `SQL新建医院 ${randomUUID().slice(0, 6)}`,
            grade: 'GRADE_2B',
            regionId,
            idempotencyKey: randomUUID(),
            departments: Array.from({ length: n }, (_, i) => ({ name: `科室${i}`, yearlyVolume: i })),
          },
        });
      const one = await create(1);
      const many = await create(20);
      expect(many.data.createHospital.departments).toHaveLength(20);
      expect(many.sqlCount).toBe(one.sqlCount);
    },
    'the regions a hospital may be put in cost one statement however many there are': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `{ hospitalRegions { id name parent { name } } }`;
      const before = await client.request(query);
      const [{ id: parentId }] = await t.app.ds.query(
        `SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE' LIMIT 1`,
        [brand.brandId],
      );
      for (let i = 0; i < 5; i++)
        await t.app.ds.query(
          `INSERT INTO region (brand_id, parent_id, level, code, name) VALUES ($1, $2, 'CITY', $3, $4)`,
          [brand.brandId, parentId, `SQLR${i}`, `SQL市${i}`],
        );
      const after = await client.request(query);
      expect(after.data.hospitalRegions.length).toBe(before.data.hospitalRegions.length + 5);
      expect(after.sqlCount).toBe(before.sqlCount);
    },
  },
};
