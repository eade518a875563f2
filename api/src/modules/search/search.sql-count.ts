import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const SEARCH = `query($text: String!, $n: Int!) { globalSearch(text: $text, first: $n) {
  hospitals { totalCount nodes { id name } }
  distributors { totalCount nodes { id name code } }
  orders { totalCount nodes { id number hospital { name } distributor { name } } }
  visitNotes { totalCount nodes { id visitedOn outcome hospital { name } distributor { name } } }
  people { totalCount nodes { id displayName email } } } }`;

/**
 * The global search: one statement counts every kind and reads its first ids, then one batch per
 * kind and per nested record kind; more matches answered cost nothing more.
 */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'globalSearch costs the same for 1 match of each kind as for 10, and at most 8 statements': async ({
      t,
      brand,
    }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const costs: number[] = [];
      for (const n of [1, 10]) {
        const r = await client.request(SEARCH, { text: 'SQL', n });
        expect(r.errors).toEqual([]);
        expect(r.data.globalSearch.hospitals.nodes).toHaveLength(n);
        costs.push(r.sqlCount);
      }
      // no statement per match: ten cost what one costs, or one batch more, when the single order's or
      // note's hospital is the single hospital found and its loader answers from memory (which hospital
      // comes first depends on what the other modules' tables seeded in this brand)
      expect([0, 1]).toContain(costs[1] - costs[0]);
      expect(costs[1]).toBeLessThanOrEqual(8);
    },
  },
};
