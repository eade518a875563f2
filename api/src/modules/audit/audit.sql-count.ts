import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const ENTRY = `id side action entity entityId createdAt actor { displayName side } distributor { name } changes { field from to }`;

/** The audit trail's list, console and portal: who and whose through loaders, never a query per row. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, adminId, ownerId }) => {
    // a page of changes on the first distributor (the owner's company), by the admin and by its owner,
    // and a page on the brand's other distributors by the admin
    for (let i = 0; i < 60; i++) {
      await ds.query(
        `INSERT INTO audit_log (brand_id, actor_id, side, action, entity, entity_id, changes, created_at)
         VALUES ($1, $2, $3, 'UPDATE_PROFILE', 'distributor', $4, $5, now() - make_interval(mins => $6))`,
        [
          brand.brandId,
          i % 2 ? adminId : ownerId,
          i % 2 ? 'BRAND' : 'PARTNER',
          brand.distributorIds[i < 30 ? 0 : i - 30],
          JSON.stringify({ phone: { from: `0571-${i}`, to: `0571-${i + 1}` } }),
          i,
        ],
      );
    }
  },
  lists: [
    {
      name: 'the audit trail (console)',
      as: (brand) => brand.adminEmail,
      max: 4,
      query: `query($n: Int!) { auditLog(first: $n) { totalCount nodes { ${ENTRY} } } }`,
    },
    {
      name: 'the company’s audit trail (portal)',
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      max: 5,
      query: `query($n: Int!) { auditLog(first: $n) { totalCount nodes { ${ENTRY} } } }`,
    },
  ],
};
