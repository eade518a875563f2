import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/** 折让 / 返利: the list of them, each with its account and poster, costs the same for a page of any size. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, adminId }) => {
    // mostly rebates, so a list filtered to them still fills a page of 25
    for (let i = 0; i < 30; i++) {
      await ds.query(
        `INSERT INTO account_credit (brand_id, distributor_id, kind, amount, currency, occurred_on, reason, created_by, request_key, request_hash)
         VALUES ($1, $2, $3, '12.00', 'CNY', CURRENT_DATE - $4::int, 'SQL 折让', $5, $6, repeat('0', 64))`,
        [brand.brandId, brand.distributorIds[i], i < 26 ? 'REBATE' : 'CREDIT_NOTE', i, adminId, `sql-credit-${i}`],
      );
    }
  },
  lists: [
    {
      name: 'credit notes and rebates',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { accountCredits(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id kind occurredOn reason amount { amount } distributor { name code } postedBy { displayName } } } }`,
    },
    {
      name: 'credit notes of one kind in a date range',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { accountCredits(first: $n, filter: { kind: REBATE, from: "2000-01-01", to: "2099-12-31" }) {
      totalCount nodes { id distributor { name } postedBy { displayName } } } }`,
    },
  ],
  tests: {
    'the credits list’s next page costs what its first does': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `query($after: String) { accountCredits(first: 5, after: $after) { pageInfo { endCursor } nodes { id distributor { name } } } }`;
      const first = await client.request(query, {});
      const next = await client.request(query, { after: first.data.accountCredits.pageInfo.endCursor });
      expect(next.errors).toEqual([]);
      expect(next.data.accountCredits.nodes).toHaveLength(5);
      expect(next.sqlCount).toBe(first.sqlCount);
    },
  },
};
