import type { SqlCountTable } from '../../../test/sql-count-table';

/** A page of lots on hand and of sell-outs to departments of one hospital: every list is its count and its page. */
export const SQL_COUNT: SqlCountTable = {
  // a few set-wise statements (the check's setup is shared by every module: it must stay quick)
  seed: async ({ ds, brand, cat, ownerId }) => {
    const params = [brand.brandId, brand.distributorIds[0], cat.productII];
    await ds.query(
      `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, quantity)
       SELECT $1, $2, $3, 'SQL' || lpad(i::text, 3, '0'), '', CURRENT_DATE + 10 * (i + 1), 7 FROM generate_series(0, 29) i`,
      params,
    );
    await ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, expiry_date, kind, quantity, occurred_on, reason, created_by)
       SELECT $1, $2, $3, 'SQL' || lpad(i::text, 3, '0'), CURRENT_DATE + 10 * (i + 1), 'ADJUSTED', 10, CURRENT_DATE - 5, 'SQL', $4
         FROM generate_series(0, 29) i`,
      [...params, ownerId],
    );
    // a department each, so sell-out by department is a page of rows
    await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) SELECT $1, $2, 'SQL科' || i FROM generate_series(0, 29) i`,
      [brand.brandId, cat.hospitalInCity],
    );
    await ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
       SELECT $1, $2, $3, 'SQL' || substr(d.name, 4), 'SOLD_OUT', -3, CURRENT_DATE - 1, $4, d.id, $5
         FROM hospital_department d WHERE d.hospital_id = $4 AND d.name LIKE 'SQL科%'`,
      [...params, cat.hospitalInCity, ownerId],
    );
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
