import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const DASHBOARD = `{ brandDashboard { coverage { regionId target buying } sellIn { month orders amounts { amount currency } }
  sellOut { month rows units } staff readiness { productLineId certified } } }`;

/** The brand dashboard: the same few statements however many regions, months, lines and records it counts. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'brandDashboard costs exactly 4 statements (the session, the coverage, the product lines, every other figure in one)':
      async ({ t, brand }) => {
        const client = t.client(Audience.CONSOLE);
        await client.login(brand.adminEmail);
        const r = await client.request(DASHBOARD);
        expect(r.errors).toEqual([]);
        expect((r.data.brandDashboard as { sellIn: unknown[] }).sellIn).toHaveLength(12);
        expect(r.sqlCount).toBe(4);
      },
    'ownerDashboard costs exactly 3 statements (the session, the product lines, every figure in one)': async ({
      t,
      brand,
    }) => {
      const client = t.client(Audience.PORTAL);
      await client.login(brand.ownerEmail);
      const r = await client.request(
        `{ ownerDashboard { staff openCommitments readiness { productLineId certified } } }`,
      );
      expect(r.errors).toEqual([]);
      expect(r.sqlCount).toBe(3);
    },
  },
};
