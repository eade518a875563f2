import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/** What expires when (the console's list): its cost does not grow with the documents it lists. */
export const SQL_COUNT: SqlCountTable = {
  tests: {
    'the expiring documents list, filtered, costs the same for 1 or 20 documents': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const query = `query($f: ExpiringQualificationFilter) { expiringQualifications(withinDays: 60, filter: $f) {
        id type number validFrom validTo deviceClasses expiry { level daysLeft } file { name url }
        distributor { id name region { id name } channelManager { id displayName } }
        latestRenewal { id status rejectReason version file { name url } } } }`;
      const f = { types: ['FILING_CERTIFICATE_II'] };
      const [admin] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
      // each document with an owner's proposed renewal waiting for the brand (待审核 on the list)
      const addDocument = async (i: number) => {
        const [q] = await t.app.ds.query(
          `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to)
           VALUES ($1, $2, 'FILING_CERTIFICATE_II', $3, CURRENT_DATE - 100, CURRENT_DATE + 10) RETURNING id`,
          [brand.brandId, brand.distributorIds[i], `SQLX${i}`],
        );
        await t.app.ds.query(
          `INSERT INTO qualification_renewal (brand_id, distributor_id, qualification_id, type, number, device_classes,
             valid_from, valid_to, file_name, file_mime, file_size, proposed_by, idempotency_key, request_hash)
           VALUES ($1, $2, $3, 'FILING_CERTIFICATE_II', $4, '{II}', CURRENT_DATE, CURRENT_DATE + 1000, 'scan.pdf',
             'application/pdf', 10, $5, gen_random_uuid(), repeat('0', 64))`,
          [brand.brandId, brand.distributorIds[i], q.id, `SQLY${i}`, admin.id],
        );
      };
      await addDocument(0);
      const one = await client.request(query, { f });
      for (let i = 1; i < 20; i++) await addDocument(i);
      const many = await client.request(query, { f });
      expect([one.errors, many.errors]).toEqual([[], []]);
      expect(many.data.expiringQualifications.length).toBe(one.data.expiringQualifications.length + 19);
      expect(many.data.expiringQualifications.filter((q: { latestRenewal: unknown }) => q.latestRenewal)).toHaveLength(
        20,
      );
      expect(many.sqlCount).toBe(one.sqlCount);
    },
  },
};
