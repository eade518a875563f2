import type { Client } from 'pg';
import { benchEmails } from '../generate/context';
import type { Operation } from '../operations';

/**
 * The nine screens as PostGraphile 5 queries (Amber preset, simplified inflection, no authorization,
 * no filter or aggregate plugin), each with the API's answer and PostGraphile's projected into one
 * shape (bench/peer.ts compares them field by field before timing).
 *
 * What Amber offers to choose rows: a row by its key, a relation, a connection's `condition` (one
 * value per column: no lists, ranges, text search, array overlap) and `orderBy` (indexed columns
 * only); no sums. So:
 * - a partner's view, which the API scopes by the session, is asked by explicit filter (the
 *   partner's distributor and its second tier, by id);
 * - where the API chooses its rows by a rule Amber cannot state (the catalog's registrations and
 *   grants, a set of statuses in a province, a name search, the aging sorted by its total), the
 *   page is looked up row by row by the keys the API answered: PostGraphile then does not choose,
 *   count or sort those rows, and that screen's `gaps` says so;
 * - figures the API computes (balances, aging totals, a statement's changes) are left out of the
 *   comparison when PostGraphile cannot compute them, named in `gaps` and in the report.
 */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface PeerRequest {
  query: string;
  variables: Record<string, unknown>;
}

interface PeerOperation {
  /** the API's operation in bench/operations.ts */
  name: string;
  /** what PostGraphile does not do of the API's work on this screen (empty: the same question) */
  gaps: string[];
  /** PostGraphile's request: from the API's variables, the bench data and, where Amber cannot choose the rows, the API's answer */
  request(from: { db: Client; op: Operation; variables: Record<string, unknown>; api: Json }): Promise<PeerRequest>;
  /** both answers in one shape, to compare */
  api(data: Json): unknown;
  peer(data: Json): unknown;
}

const instant = (s: string | null) => (s === null ? null : new Date(s).toISOString());

/** The distributor a partner user belongs to (the API takes it from the session). */
async function distributorOf(db: Client, op: Operation): Promise<string> {
  const { rows } = await db.query('SELECT distributor_id FROM app_user WHERE email = $1', [benchEmails[op.user]]);
  if (!rows[0]?.distributor_id) throw new Error(`${op.name}: ${benchEmails[op.user]} belongs to no distributor`);
  return rows[0].distributor_id;
}

/**
 * One root lookup per key, aliased `k0`, `k1`, …: Amber's way to ask for a given set of rows
 * (it has no `in` condition). `keys` are the lookup's arguments with their GraphQL types.
 */
function lookups(
  root: string,
  keys: Array<Record<string, [type: string, value: unknown]>>,
  selection: string,
  more: { vars?: string; fields?: string; variables?: Record<string, unknown> } = {},
): PeerRequest {
  const vars: string[] = more.vars ? [more.vars] : [];
  const fields: string[] = more.fields ? [more.fields] : [];
  const variables: Record<string, unknown> = { ...more.variables };
  keys.forEach((key, i) => {
    const args = Object.entries(key).map(([arg, [type, value]]) => {
      vars.push(`$k${i}_${arg}: ${type}`);
      variables[`k${i}_${arg}`] = value;
      return `${arg}: $k${i}_${arg}`;
    });
    fields.push(`k${i}: ${root}(${args.join(', ')}) { ${selection} }`);
  });
  return {
    query: `query Rows${vars.length ? `(${vars.join(', ')})` : ''} {\n  __typename\n  ${fields.join('\n  ')}\n}`,
    variables,
  };
}

/** The rows of a `lookups` answer, in the order of the keys. */
const looked = (d: Json): Json[] =>
  Object.keys(d)
    .filter((k) => /^k\d+$/.test(k))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((k) => d[k]);

/** A key or an amount on either side: the API's `id` and Money (`{ amount }`), PostGraphile's `rowId` and bare BigFloat. */
const id = (x: Json): string => x.id ?? x.rowId;
const amount = (m: Json) => (m && typeof m === 'object' ? m.amount : m);

/**
 * A page Amber cannot choose: its rows looked up by the ids the API answered, each row projected
 * by the same function on both sides (`id` and `amount` read either shape).
 */
function byApiIds(
  name: string,
  gaps: string[],
  root: string,
  nodesOf: (api: Json) => Json[],
  selection: string,
  row: (x: Json) => unknown,
): PeerOperation {
  return {
    name,
    gaps,
    request: async ({ api }) =>
      lookups(
        root,
        nodesOf(api).map((n) => ({ rowId: ['UUID!', n.id] })),
        selection,
      ),
    api: (d) => nodesOf(d).map(row),
    peer: (d) => looked(d).map(row),
  };
}

const orderHead = (o: Json) => [
  o.number,
  o.status,
  o.kind,
  o.version,
  o.note,
  instant(o.submittedAt),
  amount(o.total),
  amount(o.shippedTotal),
];

const orderEvent = (e: Json) => [id(e), e.action, e.fromStatus, e.toStatus, e.reason, instant(e.createdAt)];
const shipmentItem = (i: Json, productCode: string) => [
  id(i),
  i.orderLineId,
  i.quantity,
  i.batchNo,
  i.serialNo,
  i.udiPi,
  i.expiryDate,
  productCode,
];

const ORDER: PeerOperation = {
  name: 'portal.order',
  gaps: [
    'the actors are left out (PostGraphile shows them, the API hides them from a partner)',
    'the scope (the owner’s orders only) is not checked',
  ],
  request: async ({ variables }) => ({
    variables,
    query: `query Order($id: UUID!) {
  purchaseOrder(rowId: $id) {
    number status kind version note submittedAt total shippedTotal currency
    hospital { rowId name }
    appUserByPlacedBy { rowId displayName }
    orderLinesByOrderId(orderBy: LINE_NO_ASC) { nodes { rowId lineNo quantity unitPrice
      product { rowId code name }
      orderPriceAdjustments(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { toUnitPrice } }
      shipmentItems { nodes { quantity } } } }
    orderEventsByOrderId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId action fromStatus toStatus reason createdAt actor { rowId displayName } } }
    shipmentsByOrderId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId number shippedOn carrier trackingNo reversesId reason
      shipmentItems(orderBy: ITEM_NO_ASC) { nodes { rowId orderLineId quantity batchNo serialNo udiPi expiryDate
        orderLine { product { rowId code name } } } } } }
  }
}`,
  }),
  api: (d) => {
    const o = d.order;
    return {
      head: orderHead(o),
      hospital: o.hospital && [o.hospital.id, o.hospital.name],
      placedBy: o.placedBy && [o.placedBy.id, o.placedBy.displayName],
      lines: o.lines.map((l: Json) => [
        l.id,
        l.lineNo,
        l.quantity,
        l.shippedQuantity,
        l.unitPrice.amount,
        l.product.code,
      ]),
      events: o.events.map(orderEvent),
      shipments: o.shipments.map((s: Json) => [
        [s.id, s.number, s.shippedOn, s.carrier, s.trackingNo, s.reversed, s.reversesId, s.reason],
        s.items.map((i: Json) => shipmentItem(i, i.product.code)),
      ]),
    };
  },
  peer: (d) => {
    const o = d.purchaseOrder;
    const shipments = o.shipmentsByOrderId.nodes;
    return {
      head: orderHead(o),
      hospital: o.hospital && [o.hospital.rowId, o.hospital.name],
      placedBy: o.appUserByPlacedBy && [o.appUserByPlacedBy.rowId, o.appUserByPlacedBy.displayName],
      lines: o.orderLinesByOrderId.nodes.map((l: Json) => {
        const adjusted = l.orderPriceAdjustments.nodes;
        return [
          l.rowId,
          l.lineNo,
          l.quantity,
          l.shipmentItems.nodes.reduce((n: number, i: Json) => n + i.quantity, 0),
          adjusted.length ? adjusted[adjusted.length - 1].toUnitPrice : l.unitPrice,
          l.product.code,
        ];
      }),
      events: o.orderEventsByOrderId.nodes.map(orderEvent),
      shipments: shipments.map((s: Json) => [
        [
          s.rowId,
          s.number,
          s.shippedOn,
          s.carrier,
          s.trackingNo,
          shipments.some((x: Json) => x.reversesId === s.rowId),
          s.reversesId,
          s.reason,
        ],
        s.shipmentItems.nodes.map((i: Json) => shipmentItem(i, i.orderLine.product.code)),
      ]),
    };
  },
};

/** The catalog's page: products with the tier's price in force. */
const CATALOG: PeerOperation = {
  name: 'portal.catalog',
  gaps: [
    'which products (a registration in force, a live grant covering the product), their order and count: not expressible in Amber; the page’s 20 products are looked up by the ids the API answered, totalCount not compared',
    'certification (a required course not yet passed) not asked',
    'the price in force is the tier’s newest price entry (Amber has no date-range condition); the comparison checks it is the API’s',
  ],
  request: async ({ db, op, api }) => {
    const { rows } = await db.query('SELECT tier FROM distributor WHERE id = $1', [await distributorOf(db, op)]);
    return lookups(
      'product',
      api.catalog.nodes.map((n: Json) => ({ rowId: ['UUID!', n.product.id] })),
      `rowId code name kind productLine { rowId name }
      priceListEntries(condition: { tier: $tier }, orderBy: EFFECTIVE_FROM_DESC, first: 1) { nodes { price currency } }`,
      { vars: '$tier: Int!', variables: { tier: rows[0].tier } },
    );
  },
  api: (d) =>
    d.catalog.nodes.map((n: Json) => [
      n.product.id,
      n.product.code,
      n.product.name,
      n.product.kind,
      n.product.productLine.id,
      n.product.productLine.name,
      n.unitPrice.amount,
      n.unitPrice.currency,
    ]),
  peer: (d) =>
    looked(d).map((p) => {
      const price = p.priceListEntries.nodes[0];
      return [p.rowId, p.code, p.name, p.kind, p.productLine.rowId, p.productLine.name, price?.price, price?.currency];
    }),
};

const ORDER_ROW = `rowId number status kind submittedAt total
  hospital { rowId name }
  orderLinesByOrderId(orderBy: LINE_NO_ASC) { nodes { rowId quantity product { rowId name } } }`;

/** The owner's orders: its distributor's and its second tier's, newest number first, 20. */
const MY_ORDERS: PeerOperation = {
  name: 'portal.orders',
  gaps: [
    'the owner’s scope is asked as its distributor (by id) and that distributor’s second tier: one connection each (20 newest each, with its count); the bench merges them, keeps the 20 newest numbers and adds the counts',
  ],
  request: async ({ db, op }) => ({
    variables: { d: await distributorOf(db, op) },
    query: `query MyOrders($d: UUID!) {
  distributor(rowId: $d) {
    rowId name
    purchaseOrders(orderBy: NUMBER_DESC, first: 20) { totalCount nodes { ${ORDER_ROW} } }
    childDistributors(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name
      purchaseOrders(orderBy: NUMBER_DESC, first: 20) { totalCount nodes { ${ORDER_ROW} } } } }
  }
}`,
  }),
  api: (d) => ({
    totalCount: d.orders.totalCount,
    hasNextPage: d.orders.pageInfo.hasNextPage,
    rows: d.orders.nodes.map((o: Json) => [
      o.id,
      o.number,
      o.status,
      o.kind,
      instant(o.submittedAt),
      o.total.amount,
      o.hospital && [o.hospital.id, o.hospital.name],
      [o.distributor.id, o.distributor.name],
      o.lines.map((l: Json) => [l.id, l.quantity, l.product.id, l.product.name]),
    ]),
  }),
  peer: (d) => {
    const own = d.distributor;
    const parts = [own, ...own.childDistributors.nodes];
    const all = parts
      .flatMap((x: Json) => x.purchaseOrders.nodes.map((o: Json) => ({ o, by: x })))
      .sort((a: Json, b: Json) => (a.o.number < b.o.number ? 1 : a.o.number > b.o.number ? -1 : 0));
    const totalCount = parts.reduce((n: number, x: Json) => n + x.purchaseOrders.totalCount, 0);
    return {
      totalCount,
      hasNextPage: totalCount > 20,
      rows: all
        .slice(0, 20)
        .map(({ o, by }: Json) => [
          o.rowId,
          o.number,
          o.status,
          o.kind,
          instant(o.submittedAt),
          o.total,
          o.hospital && [o.hospital.rowId, o.hospital.name],
          [by.rowId, by.name],
          o.orderLinesByOrderId.nodes.map((l: Json) => [l.rowId, l.quantity, l.product.rowId, l.product.name]),
        ]),
    };
  },
};

const LINE = 'rowId lineNo occurredOn kind memo amount';
const lineOf = (l: Json) => [l.id ?? l.rowId, l.lineNo, l.occurredOn, l.kind, l.memo, l.amount?.amount ?? l.amount];

const dispute = (x: Json, line: Json) => [
  id(x),
  x.statementLineId,
  x.comment,
  x.status,
  x.resolution,
  instant(x.createdAt),
  instant(x.resolvedAt),
  lineOf(line),
];

const statementHead = (s: Json) => [
  id(s),
  s.period,
  s.version,
  s.status,
  instant(s.createdAt),
  instant(s.confirmedAt),
  amount(s.openingBalance),
  amount(s.debits),
  amount(s.credits),
  amount(s.closingBalance),
  s.currency ?? s.closingBalance.currency,
];

/** The latest statement with its lines, and every version of its month with their disputes. */
const STATEMENT: PeerOperation = {
  name: 'portal.statement',
  gaps: [
    'changes (the lines against the version before) are computed by the API: not asked of PostGraphile; the comparison checks only that there is no version before (the API answers none)',
    'the versions of the month are asked by explicit filter (the statement’s distributor and period, looked up in the data)',
    'disputes’ attachments (signed URLs) not compared',
  ],
  request: async ({ db, variables }) => {
    const { rows } = await db.query('SELECT distributor_id, period FROM statement WHERE id = $1', [variables.id]);
    return {
      variables: { id: variables.id, d: rows[0].distributor_id, period: rows[0].period },
      query: `query Statement($id: UUID!, $d: UUID!, $period: String!) {
  statement(rowId: $id) {
    rowId period version status createdAt confirmedAt openingBalance debits credits closingBalance currency
    distributor { rowId name code }
    statementLines(orderBy: LINE_NO_ASC) { nodes { ${LINE} statementDispute { rowId status } } }
  }
  distributor(rowId: $d) {
    statements(condition: { period: $period }, orderBy: VERSION_ASC) { nodes { rowId version status
      statementLines(orderBy: LINE_NO_ASC) { nodes { statementDispute { rowId statementLineId comment status resolution createdAt resolvedAt
        statementLine { ${LINE} } } } } } }
  }
}`,
    };
  },
  api: (d) => {
    const s = d.statement;
    return {
      head: statementHead(s),
      distributor: [s.distributor.id, s.distributor.name, s.distributor.code],
      lines: s.lines.map((l: Json) => [...lineOf(l), l.dispute && [l.dispute.id, l.dispute.status]]),
      versionBefore: s.changes !== null,
      versions: s.versions.map((v: Json) => [
        v.id,
        v.version,
        v.status,
        v.disputes.map((x: Json) => dispute(x, x.line)),
      ]),
    };
  },
  peer: (d) => {
    const s = d.statement;
    const versions = d.distributor.statements.nodes;
    return {
      head: statementHead(s),
      distributor: [s.distributor.rowId, s.distributor.name, s.distributor.code],
      lines: s.statementLines.nodes.map((l: Json) => [
        ...lineOf(l),
        l.statementDispute && [l.statementDispute.rowId, l.statementDispute.status],
      ]),
      versionBefore: versions.some((v: Json) => v.version < s.version),
      versions: versions.map((v: Json) => [
        v.rowId,
        v.version,
        v.status,
        v.statementLines.nodes
          .map((l: Json) => l.statementDispute)
          .filter(Boolean)
          .map((x: Json) => dispute(x, x.statementLine)),
      ]),
    };
  },
};

/** The account card: payment terms, how many receivables are open and which falls due next. */
const ACCOUNT: PeerOperation = {
  name: 'portal.account',
  gaps: [
    'balance, overdue and overdueCount are sums and counts over the open items by date: PostGraphile (Amber, no aggregates, no range condition) cannot compute them; not compared',
    'nextDue is PostGraphile’s earliest-due open item, the API’s next due only while nothing is overdue (the comparison fails otherwise)',
    'the owner’s account is asked by explicit filter (its distributor id)',
  ],
  request: async ({ db, op }) => ({
    variables: { d: await distributorOf(db, op) },
    query: `query AccountSummary($d: UUID!) {
  distributor(rowId: $d) {
    paymentTermsDays
    receivableOpenItems(orderBy: [DUE_ON_ASC, OCCURRED_ON_ASC, ENTRY_ID_ASC], first: 1) { totalCount nodes { entryId dueOn outstanding } }
  }
}`,
  }),
  api: (d) => {
    const a = d.accountSummary;
    return {
      paymentTermsDays: a.paymentTermsDays,
      openCount: a.openCount,
      nextDue: a.nextDue && [a.nextDue.entryId, a.nextDue.dueOn, a.nextDue.outstanding.amount],
    };
  },
  peer: (d) => {
    const o = d.distributor.receivableOpenItems;
    const next = o.nodes[0];
    return {
      paymentTermsDays: d.distributor.paymentTermsDays,
      openCount: o.totalCount,
      nextDue: next ? [next.entryId, next.dueOn, next.outstanding] : null,
    };
  },
};

/** The order desk's queue: orders by the ids the API answered. */
const DESK_ORDERS = byApiIds(
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
const DISTRIBUTORS: PeerOperation = {
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
const HOSPITALS = byApiIds(
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
const AGING: PeerOperation = {
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

export const PEER_OPERATIONS: PeerOperation[] = [
  CATALOG,
  MY_ORDERS,
  ORDER,
  STATEMENT,
  ACCOUNT,
  DESK_ORDERS,
  DISTRIBUTORS,
  HOSPITALS,
  AGING,
];
