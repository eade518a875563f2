import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const QUOTE = `id status reason price { amount currency } floorPrice { amount } product { name }
  tender { number purchaser opportunity { need } } requestedBy { displayName } decidedBy { displayName }`;
const TENDER = `id number purchaser status budget { amount currency } winningPrice { amount } opportunity { need } orders { number status }
  letters { project validTo status products { name } }
  products { productId floorPrice { amount } product { name } }
  quotes { status price { amount } floorPrice { amount } product { name } requestedBy { displayName } }`;

/** A page of tenders on one opportunity, each with a quote below the floor waiting: the approval queue and an opportunity's tenders. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, ownerId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL招标科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    const [o] = await ds.query(
      `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
       VALUES ($1, $2, $3, $4, 'SQL招标机会', '1000.00', 'CNY', $5, $6, 'TENDER', $5) RETURNING id`,
      [brand.brandId, cat.hospitalInCity, dept.id, cat.lineId, ownerId, brand.distributorIds[0]],
    );
    await ds.query(
      `INSERT INTO product_floor_price (brand_id, product_id, price, currency, effective_from) VALUES ($1, $2, '100.00', 'CNY', '2000-01-01'), ($1, $3, '90.00', 'CNY', '2000-01-01')`,
      [brand.brandId, cat.productII, cat.productIII],
    );
    for (let i = 0; i < 30; i++) await addTender(ds, brand.brandId, o.id, ownerId, cat.productII, i);
  },
  lists: [
    {
      name: 'tenderQuotesAwaitingApproval',
      max: 2, // the session, then the page with each quote's tree in one statement (quote-page.ts); 10 before
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { tenderQuotesAwaitingApproval(first: $n) { totalCount nodes { ${QUOTE} } } }`,
    },
  ],
  tests: {
    'an opportunity’s tenders cost the same SQL for 2 as for 22': async ({ t, brand }) => {
      const client = t.client(Audience.PORTAL);
      await client.login(brand.ownerEmail);
      const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
      const [o] = await t.app.ds.query(
        `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
         SELECT brand_id, hospital_id, department_id, product_line_id, 'SQL招标机会二', '1.00', 'CNY', owner_id, distributor_id, 'TENDER', created_by
           FROM opportunity WHERE brand_id = $1 AND need = 'SQL招标机会' RETURNING id, product_line_id`,
        [brand.brandId],
      );
      const [product] = await t.app.ds.query(`SELECT id FROM product WHERE product_line_id = $1 LIMIT 1`, [
        o.product_line_id,
      ]);
      const query = `query($o: ID!) { tenders(opportunityId: $o) { ${TENDER} } }`;
      for (let i = 0; i < 2; i++) await addTender(t.app.ds, brand.brandId, o.id, owner.id, product.id, i);
      const small = await client.request(query, { o: o.id });
      for (let i = 2; i < 22; i++) await addTender(t.app.ds, brand.brandId, o.id, owner.id, product.id, i);
      const large = await client.request(query, { o: o.id });
      expect(large.errors).toEqual([]);
      expect(large.data.tenders).toHaveLength(22);
      // loads of one loader from two depths (products' and quotes' product) may share a batch or not
      expect(Math.abs(large.sqlCount - small.sqlCount)).toBeLessThanOrEqual(1);
    },
  },
};

async function addTender(
  ds: { query: (sql: string, params: unknown[]) => Promise<Array<{ id: string }>> },
  brandId: string,
  opportunityId: string,
  ownerId: string,
  productId: string,
  i: number,
): Promise<void> {
  const [t] = await ds.query(
    `INSERT INTO tender (brand_id, opportunity_id, number, purchaser, budget, currency, registration_deadline, bid_opening_at, created_by)
     VALUES ($1, $2, $3, 'SQL医院', '1000.00', 'CNY', '2030-01-01', '2030-01-10T02:00:00Z', $4) RETURNING id`,
    [brandId, opportunityId, `SQL-${i}`, ownerId],
  );
  await ds.query(
    `INSERT INTO tender_quote (brand_id, tender_id, product_id, price, currency, floor_price, status, reason, requested_by)
     VALUES ($1, $2, $3, '80.00', 'CNY', '100.00', 'PENDING_APPROVAL', 'SQL理由', $4)`,
    [brandId, t.id, productId, ownerId],
  );
  // and a letter for it (on no real grant: its status reads as the letter's own period)
  await ds.query(
    `INSERT INTO tender_letter (brand_id, tender_id, distributor_id, hospital_id, project, product_ids, grant_ids, valid_from, valid_to, issued_by)
     SELECT $1, $2, o.distributor_id, o.hospital_id, 'SQL项目', ARRAY[$3::uuid], ARRAY[gen_random_uuid()], '2029-12-01', '2030-01-10', $4
       FROM opportunity o WHERE o.id = $5`,
    [brandId, t.id, productId, ownerId, opportunityId],
  );
}
