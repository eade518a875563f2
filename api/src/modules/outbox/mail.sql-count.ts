import { MailKind } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

/** The console's mail list (a page of kept messages for the check's brand). */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand }) => {
    await ds.query(
      `INSERT INTO mail_message (brand_id, to_address, kind, subject, body, kept, delivered_at)
       SELECT $1, 'p' || i || '@example.test', $2, 'Message ' || i, 'Body ' || i, true, now() FROM generate_series(1, 30) i`,
      [brand.brandId, MailKind.INVITATION],
    );
  },
  lists: [
    {
      name: 'the mail list',
      max: 3,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { mailMessages(first: $n) { totalCount nodes { id toAddress kind subject body kept attempts deliveredAt } } }`,
    },
  ],
};
