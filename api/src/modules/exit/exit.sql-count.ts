import type { SqlCountTable } from '../../../test/sql-count-table';

/**
 * 劝退: the list of exit plans, each with its distributor, successor and sales below the floor, costs the
 * same for a page of any size.
 */
export const SQL_COUNT: SqlCountTable = {
  // far in the future, so the check's other lists (orders among them) are not touched by the exits
  seed: async ({ ds, brand, adminId }) => {
    await ds.query(
      `INSERT INTO exit_plan (brand_id, distributor_id, successor_id, effective_on, reason, created_by, request_key, request_hash)
       SELECT $1, d, $2[((i + 1) % 30) + 1], DATE '2099-01-01' + i::int, 'SQL 劝退', $3, 'sql-exit-' || i, repeat('0', 64)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(d, i) WHERE i <= 30`,
      [brand.brandId, brand.distributorIds, adminId],
    );
  },
  lists: [
    {
      name: 'exit plans',
      max: 6, // session, count, page, the distributors' batch, the sales below the floor in one batch
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { exitPlans(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id effectiveOn sellOutUntil reason settledAt distributor { id name } successor { id name }
      belowFloor(first: 5) { totalCount nodes { movementId occurredOn unitPrice { amount currency } floor { amount currency } } } } } }`,
    },
  ],
};
