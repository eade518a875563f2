import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/** The distributors lists (their regions, managers, tiers, stage history, documents and grants), on the console and the portal. */
export const SQL_COUNT: SqlCountTable = {
  lists: [
    {
      // the console's distributors list as its screen asks (console-internal/src/features/distributors)
      name: 'distributors (the list screen)',
      max: 2, // the session, then the page with each row's region, province, manager and first tier (distributor-page.ts)
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { distributors(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id name code stage tier createdAt region { id name parent { id name } } channelManager { id displayName } parent { id name } } } }`,
    },
    {
      name: 'distributors',
      max: 8,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { distributors(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id name paymentTermsDays creditLimit { amount } region { id name parent { name } } channelManager { id displayName regions { name } }
        parent { id name channelManager { displayName } } secondTier { id name region { name } } } } }`,
    },
    {
      name: 'distributors with their grants and documents',
      max: 8,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { distributors(first: $n) { nodes { id stageHistory { toStage } qualifications { number expiry { level } }
      authorizations { id status productLines { name } products { name } regions { name } hospitals { name } } } } }`,
    },
  ],
  tests: {
    'reassigning many distributors costs what reassigning one does': async ({ t, brand }) => {
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const managers: Array<{ id: string }> = await t.app.ds.query(
        `SELECT id FROM app_user WHERE brand_id = $1 AND role = 'CHANNEL_MANAGER' ORDER BY email LIMIT 2`,
        [brand.brandId],
      );
      const assign = (ids: string[], u: string) =>
        admin.request(
          `mutation($d: [ID!]!, $u: ID!) { assignDistributorsToChannelManager(distributorIds: $d, userId: $u) { id channelManager { id displayName } } }`,
          { d: ids, u },
        );
      // every one of them moves (from whoever had it to the first, then to the second), so each call writes
      await assign(brand.distributorIds.slice(0, 11), managers[0].id);
      const one = await assign(brand.distributorIds.slice(0, 1), managers[1].id);
      const ten = await assign(brand.distributorIds.slice(1, 11), managers[1].id);
      expect(one.errors).toEqual([]);
      expect(ten.data.assignDistributorsToChannelManager).toHaveLength(10);
      expect(ten.sqlCount).toBe(one.sqlCount);
    },
    'payment terms: a change and its replay cost a few statements, the same on any distributor': async ({
      t,
      brand,
    }) => {
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const set = async (d: string, days: number) => {
        const [{ version }] = await t.app.ds.query(`SELECT version FROM distributor WHERE id = $1`, [d]);
        return admin.request(
          `mutation($d: ID!, $v: Int!, $n: Int!) { setPaymentTerms(distributorId: $d, expectedVersion: $v, days: $n) { id paymentTermsDays } }`,
          { d, v: version, n: days },
        );
      };
      const one = await set(brand.distributorIds[0], 45);
      const other = await set(brand.distributorIds[1], 60);
      const replay = await set(brand.distributorIds[1], 60);
      expect([one.errors, other.errors, replay.errors]).toEqual([[], [], []]);
      expect(other.sqlCount).toBe(one.sqlCount);
      expect(replay.sqlCount).toBeLessThan(one.sqlCount);
    },
    'a portal list costs the same as well': async ({ t, brand }) => {
      const client = t.client(Audience.PORTAL);
      await client.login(brand.ownerEmail);
      const query = `query($n: Int!) { distributors(first: $n) { nodes { id name secondTier { id name } channelManager { displayName } } } }`;
      const one = await client.request(query, { n: 1 });
      const two = await client.request(query, { n: 2 });
      expect(two.data.distributors.nodes).toHaveLength(2);
      expect(two.sqlCount).toBe(one.sqlCount);
    },
  },
};
