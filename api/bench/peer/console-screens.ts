import { instant, lookups, looked, id, amount, byApiIds, type Json, type PeerOperation } from './kit';

// The console's four screens as PostGraphile queries (screens.ts says what Amber can ask).

/** The order desk's queue: orders by the ids the API answered. */
export const DESK_ORDERS = byApiIds(
  'console.orders',
  [
    'which orders (two statuses, one province, the order desk’s provinces), their order and count: not expressible in Amber; the page’s orders are looked up by the ids the API answered, totalCount not compared',
  ],
  'purchaseOrder',
  (d) => d.orders.nodes,
  'rowId number kind status submittedAt total shippedTotal currency distributor { rowId name code } hospital { rowId name }',
  (o) => [
    id(o),
    o.number,
    o.kind,
    o.status,
    instant(o.submittedAt),
    amount(o.total),
    amount(o.shippedTotal),
    o.currency ?? o.total.currency,
    [id(o.distributor), o.distributor.name, o.distributor.code],
    o.hospital && [id(o.hospital), o.hospital.name],
  ],
);

/** The distributor list, by name: the same question of both. */
export const DISTRIBUTORS: PeerOperation = {
  name: 'console.distributors',
  gaps: [],
  request: async ({ variables }) => ({
    variables: { first: variables.first },
    query: `query Distributors($first: Int!) {
  distributors(first: $first, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    totalCount pageInfo { hasNextPage }
    nodes { rowId name code stage tier createdAt region { rowId name } channelManager { rowId displayName } }
  }
}`,
  }),
  api: (d) => distributorPage(d),
  peer: (d) => distributorPage(d),
};

/** Both sides answer `distributors` in the same shape but for keys: one projection. */
const distributorPage = (d: Json) => ({
  totalCount: d.distributors.totalCount,
  hasNextPage: d.distributors.pageInfo.hasNextPage,
  rows: d.distributors.nodes.map((x: Json) => [
    id(x),
    x.name,
    x.code,
    x.stage,
    x.tier,
    instant(x.createdAt),
    x.region && [id(x.region), x.region.name],
    x.channelManager && [id(x.channelManager), x.channelManager.displayName],
  ]),
});

/** The hospital search's page: hospitals by the ids the API answered. */
export const HOSPITALS = byApiIds(
  'console.hospitals',
  [
    'the name search (人民医院), the order and the count: Amber has no text condition; the page’s hospitals are looked up by the ids the API answered, totalCount not compared',
    'servingDistributors (live grants naming the hospital or covering its city or province: array overlap and dates) not expressible: not asked, not compared',
  ],
  'hospital',
  (d) => d.hospitals.nodes,
  'rowId name grade beds region { rowId name parent { rowId name } }',
  (h) => [
    id(h),
    h.name,
    h.grade,
    h.beds,
    h.region && [id(h.region), h.region.name, h.region.parent && [id(h.region.parent), h.region.parent.name]],
  ],
);

const BUCKETS = ['days0to30', 'days31to60', 'days61to90', 'days90plus'];

/** The aging's page: the day's kept aging rows by the distributors the API answered. */
export const AGING: PeerOperation = {
  name: 'console.aging',
  gaps: [
    'the figures are not computed by PostGraphile: it reads the rows the API keeps in receivable_aging for the day (the API sums them from receivable_open_day when stale, and stores them)',
    'the order (largest total first) and the totals of all distributors: Amber cannot sort on an unindexed column nor sum; the page’s rows are looked up by the distributors the API answered, totals not compared',
    'totalCount is the count of the day’s kept rows, which equals the API’s only when every row is current (the comparison checks it)',
  ],
  request: async ({ db, api }) => {
    const { rows } = await db.query(`SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today`);
    const today = rows[0].today;
    return lookups(
      'receivableAging',
      api.receivablesAging.nodes.map((r: Json) => ({
        distributorId: ['UUID!', r.distributor.id],
        asOf: ['Date!', today],
      })),
      'b0 b1 b2 b3 total overdue distributor { rowId name code region { rowId name } }',
      {
        vars: '$today: Date!',
        fields: 'all: receivableAgings(condition: { asOf: $today }) { totalCount }',
        variables: { today },
      },
    );
  },
  api: (d) => ({
    totalCount: d.receivablesAging.totalCount,
    rows: d.receivablesAging.nodes.map((r: Json) => [
      [r.distributor.id, r.distributor.name, r.distributor.code, r.distributor.region?.id, r.distributor.region?.name],
      ...BUCKETS.map((b) => amount(r[b])),
      amount(r.total),
      amount(r.overdue),
    ]),
  }),
  peer: (d) => ({
    totalCount: d.all.totalCount,
    rows: looked(d).map((r) => [
      [
        r.distributor.rowId,
        r.distributor.name,
        r.distributor.code,
        r.distributor.region?.rowId,
        r.distributor.region?.name,
      ],
      r.b0,
      r.b1,
      r.b2,
      r.b3,
      r.total,
      r.overdue,
    ]),
  }),
};
