import type { SqlCountTable } from '../../../test/sql-count-table';

/** A page of lots on hand and of sell-outs to departments of one hospital: every list is its count and its page. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, ownerId }) => {
    const [dept] = await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, 'SQL检验科') RETURNING id`,
      [brand.brandId, cat.hospitalInCity],
    );
    for (let i = 0; i < 30; i++) {
      const batch = `SQL${String(i).padStart(3, '0')}`;
      await ds.query(
        `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, quantity)
         VALUES ($1, $2, $3, $4, '', CURRENT_DATE + $5::int, 7)`,
        [brand.brandId, brand.distributorIds[0], cat.productII, batch, 10 + i * 10],
      );
      await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, expiry_date, kind, quantity, occurred_on, reason, created_by)
         VALUES ($1, $2, $3, $4, CURRENT_DATE + $5::int, 'ADJUSTED', 10, CURRENT_DATE - 5, 'SQL', $6)`,
        [brand.brandId, brand.distributorIds[0], cat.productII, batch, 10 + i * 10, ownerId],
      );
      await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
         VALUES ($1, $2, $3, $4, 'SOLD_OUT', -3, CURRENT_DATE - 1, $5, $6, $7)`,
        [brand.brandId, brand.distributorIds[0], cat.productII, batch, cat.hospitalInCity, dept.id, ownerId],
      );
      // a department each, so sell-out by department is a page of rows
      const [d] = await ds.query(
        `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`,
        [brand.brandId, cat.hospitalInCity, `SQL科${i}`],
      );
      await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
         VALUES ($1, $2, $3, $4, 'SOLD_OUT', -1, CURRENT_DATE - 1, $5, $6, $7)`,
        [brand.brandId, brand.distributorIds[0], cat.productII, batch, cat.hospitalInCity, d.id, ownerId],
      );
    }
  },
  lists: [
    {
      name: 'channelStock',
      max: 5, // session, count, page
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { channelStock(first: $n) { totalCount nodes { distributorName productName productCode batchNo expiryDate quantity nearExpiry expired } } }`,
    },
    {
      name: 'channelStock at a past date',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { channelStock(first: $n, filter: { asOf: "2099-01-01" }) { totalCount nodes { distributorName batchNo quantity } } }`,
    },
    {
      name: 'stockMovements',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { stockMovements(first: $n) { totalCount nodes { id kind quantity batchNo distributorName productName hospitalName departmentName counterpartName reversed } } }`,
    },
    {
      name: 'sellOut',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { sellOut(first: $n) { totalCount nodes { hospitalName regionName departmentName productName quantity } } }`,
    },
  ],
};
