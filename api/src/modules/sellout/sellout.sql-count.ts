import type { SqlCountTable } from '../../../test/sql-count-table';

/** A page of reconciliation's findings: 窜货 flags at a hospital and stock differences, each naming what it is about. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, ownerId }) => {
    const [upload] = await ds.query(
      `INSERT INTO sellout_upload (brand_id, distributor_id, created_by, kind, month, content_hash, status, total_rows, rows, errors)
       VALUES ($1, $2, $3, 'SELL_OUT', '2026-01', repeat('a', 64), 'COMMITTED', 30, '[]'::jsonb, '[]'::jsonb) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], ownerId],
    );
    await ds.query(
      `INSERT INTO sellout_finding (brand_id, distributor_id, upload_id, kind, month, row_no, product_id, batch_no, hospital_id, occurred_on, quantity, reported, derived)
       SELECT $1, $2, $3, CASE WHEN i % 2 = 0 THEN 'CROSS_TERRITORY' ELSE 'STOCK_DIFFERENCE' END, '2026-01', i + 2, $4,
              'SQL' || lpad(i::text, 3, '0'), CASE WHEN i % 2 = 0 THEN $5::uuid END, '2026-01-05', 1, i, i + 1
         FROM generate_series(0, 29) i`,
      [brand.brandId, brand.distributorIds[0], upload.id, cat.productII, cat.hospitalInCity],
    );
  },
  lists: [
    {
      name: 'selloutFindings',
      max: 3, // session, the count and page in one statement
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { selloutFindings(first: $n) { totalCount nodes { kind month distributorName productName productCode batchNo hospitalName occurredOn quantity reported derived } } }`,
    },
  ],
};
