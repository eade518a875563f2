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
    'a person’s open tasks cost the same for 2 as for 25': async ({ t, brand }) => {
      const ds = t.app.ds;
      const [owner] = await ds.query(`SELECT id, distributor_id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
      const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
      const [hospital] = await ds.query(`SELECT id FROM hospital WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
      const [note] = await ds.query(
        `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, 'SHARED', '2000-01-10', 'SQL任务', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
        [brand.brandId, admin.id, hospital.id, owner.distributor_id],
      );
      await ds.query(`INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $4)`, [
        brand.brandId,
        note.id,
        owner.id,
        admin.id,
      ]);
      await ds.query(
        `INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) SELECT $1, $2, i, '跟进 ' || i, $3 FROM generate_series(1, 30) i`,
        [brand.brandId, note.id, owner.id],
      );
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `query($id: ID!, $n: Int!) { userTaskHoldings(userId: $id, first: $n) { totalCount nodes { id title dueOn
        note { id visitedOn hospital { name } author { displayName } } owner { displayName } } } }`;
      const small = await client.request(query, { id: owner.id, n: 2 });
      const large = await client.request(query, { id: owner.id, n: 25 });
      expect(large.errors).toEqual([]);
      expect(small.data.userTaskHoldings.nodes).toHaveLength(2);
      expect(large.data.userTaskHoldings.nodes).toHaveLength(25);
      expect(large.sqlCount).toBe(small.sqlCount);
      expect(large.sqlCount).toBeLessThanOrEqual(12);
    },
    'a hand-over reads both people and what is held in a bounded number of statements': async ({ t, brand }) => {
      // moving is a few statements per item (the row, its audit, its notice); the reading around it is fixed
      const ds = t.app.ds;
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [owner] = await ds.query(`SELECT id, distributor_id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
      const reps: Array<{ id: string }> = await ds.query(
        `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id, activated_at)
         SELECT $1, 'sql-handover-' || i || '-' || gen_random_uuid() || '@people.demo', '交接' || i, 'PARTNER', 'REP', $2, now()
           FROM generate_series(1, 2) i RETURNING id`,
        [brand.brandId, owner.distributor_id],
      );
      const HAND = `mutation($i: HandOverWorkInput!) { handOverWork(input: $i) { coVisits tasks } }`;
      const none = await client.request(HAND, { i: { fromUserId: reps[0].id, toUserId: reps[1].id } });
      expect(none.errors).toEqual([]);
      expect(none.data.handOverWork).toEqual({ coVisits: 0, tasks: 0 });
      expect(none.sqlCount).toBeLessThanOrEqual(16);
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
