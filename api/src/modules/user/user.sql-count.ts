import type { SqlCountTable } from '../../../test/sql-count-table';

/** The users list (the reps the training fixture adds make its page). */
export const SQL_COUNT: SqlCountTable = {
  lists: [
    {
      name: 'users',
      max: 6,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { users(first: $n, filter: { side: PARTNER }) { totalCount nodes { id displayName brand { name } regions { name }
      distributor { id name parent { name } channelManager { displayName } } } } }`,
    },
  ],
};
