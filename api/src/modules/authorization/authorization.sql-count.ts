import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/** The lists without paging: a brand's grants and the documents about to expire. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'lists without paging (a distributor’s grants, documents about to expire) cost the same for 2 rows as for 25':
      async ({ t, brand }) => {
        const client = t.client(Audience.CONSOLE);
        await client.login(brand.adminEmail);
        // one root field per query: two roots resolving side by side may or may not share a loader
        // batch, which would make the count vary by one from run to run
        const queries = [
          `{ authorizations { id status distributor { name channelManager { displayName } } productLines { name } hospitals { name region { name } } } }`,
          `{ expiringQualifications(withinDays: 366) { id expiry { level } distributor { name } } }`,
        ];
        const measure = () => Promise.all(queries.map((q) => client.request(q)));
        const addDocument = (i: number) =>
          t.app.ds.query(
            `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to) VALUES ($1, $2, 'OTHER', $3, CURRENT_DATE - 10, CURRENT_DATE + 20)`,
            [brand.brandId, brand.distributorIds[i], `SQLQ${i}`],
          );
        await addDocument(29);
        const before = await measure();
        // more grants and expiring documents: the statement count must not move
        for (let i = 0; i < 23; i++) {
          await t.app.ds.query(
            `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
         SELECT brand_id, distributor_id, 'FORMAL', product_line_ids, '{}'::uuid[] || (SELECT id FROM region WHERE brand_id = $1 LIMIT 1), valid_from, valid_to
           FROM authorization_grant WHERE brand_id = $1 LIMIT 1`,
            [brand.brandId],
          );
          await addDocument(i);
        }
        const after = await measure();
        expect(after.flatMap((r) => r.errors)).toEqual([]);
        expect(after[0].data.authorizations.length).toBeGreaterThan(before[0].data.authorizations.length + 20);
        expect(after[1].data.expiringQualifications.length).toBeGreaterThan(
          before[1].data.expiringQualifications.length + 20,
        );
        expect(after.map((r) => r.sqlCount)).toEqual(before.map((r) => r.sqlCount));
      },
  },
};
