import type { SqlCountTable } from '../../../test/sql-count-table';

/** The webhook delivery log and the outbox (the finance fixture writes an event and a delivery per invoice). */
export const SQL_COUNT: SqlCountTable = {
  lists: [
    {
      name: 'the webhook delivery log',
      max: 4,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { webhookDeliveries(first: $n) { totalCount nodes { attempt ok statusCode event { type entityId } } } }`,
    },
    {
      name: 'the outbox',
      max: 3,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { outboxEvents(first: $n) { totalCount nodes { type reference attempts deliveredAt } } }`,
    },
  ],
};
