import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const HOME = `{ homeTodos { kind count records { id period version startsAt documentType validTo expiry { level } } } }`;

/** The home pages' to-dos: one statement beyond the session, whatever the role and however much waits. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'homeTodos costs exactly 2 statements (the session, then every to-do in one) for the admin and the owner, over pages of records':
      async ({ t, brand }) => {
        for (const [audience, email] of [
          [Audience.CONSOLE, brand.adminEmail],
          [Audience.PORTAL, brand.ownerEmail],
        ] as const) {
          const client = t.client(audience);
          await client.login(email);
          const r = await client.request(HOME);
          expect(r.errors).toEqual([]);
          expect((r.data.homeTodos as unknown[]).length).toBeGreaterThan(0);
          expect(r.sqlCount).toBe(2);
        }
      },
  },
};
