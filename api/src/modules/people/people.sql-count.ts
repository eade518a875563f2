import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';
import { TWO_BRANDS_EMAIL } from '../../db/seed/demo-data';

/**
 * The Users page (the brand's people with their state, last sign-in and regions) and one's
 * sessions (a page of 30 sessions for the admin), and the brand switcher.
 */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, adminId }) => {
    await ds.query(
      `INSERT INTO session (brand_id, token_hash, user_id, audience, expires_at, user_agent)
       SELECT $1, md5('people-sql-count-' || i) || md5('x' || i), $2, 'CONSOLE', now() + interval '1 hour', 'Mozilla/5.0 (Windows NT 10.0) Chrome/120'
         FROM generate_series(1, 30) i`,
      [brand.brandId, adminId],
    );
  },
  lists: [
    {
      name: 'the Users page',
      max: 4,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { users(first: $n, filter: { side: PARTNER }) { totalCount nodes { id displayName email role status lastSignInAt version regions { name } distributor { name } } } }`,
    },
  ],
  tests: {
    'what a person holds costs the same for 2 co-visits as for 25': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
      const query = `query($id: ID!, $n: Int!) { userHoldings(userId: $id, first: $n) { totalCount nodes { id goal status
        hospital { name } distributor { name } participants { user { displayName } } } } }`;
      const small = await client.request(query, { id: owner.id, n: 2 });
      const large = await client.request(query, { id: owner.id, n: 25 });
      expect(large.errors).toEqual([]);
      expect(small.data.userHoldings.nodes).toHaveLength(2);
      expect(large.data.userHoldings.nodes).toHaveLength(25);
      expect(large.sqlCount).toBe(small.sqlCount);
      expect(large.sqlCount).toBeLessThanOrEqual(12);
    },
    'my sessions are one statement however many there are': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const r = await client.request(`{ mySessions { id device lastUsedAt current } }`);
      expect(r.errors).toEqual([]);
      expect(r.data.mySessions.length).toBeGreaterThan(30);
      // the session lookup, and the list
      expect(r.sqlCount).toBeLessThanOrEqual(2);
    },
    'the brand switcher is one statement, with the brands’ and companies’ names': async ({ t }) => {
      const client = t.client(Audience.PORTAL);
      await client.login(TWO_BRANDS_EMAIL);
      const r = await client.request(`{ myMemberships { id brandName distributorName role current } }`);
      expect(r.errors).toEqual([]);
      expect(r.data.myMemberships).toHaveLength(2);
      // the session lookup, and the list
      expect(r.sqlCount).toBeLessThanOrEqual(2);
    },
  },
};
