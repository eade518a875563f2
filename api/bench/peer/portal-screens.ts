import {
  instant,
  distributorOf,
  lookups,
  looked,
  id,
  amount,
  orderHead,
  orderEvent,
  shipmentItem,
  type Json,
  type PeerOperation,
} from './kit';

// The portal's five screens as PostGraphile queries (screens.ts says what Amber can ask).

export const ORDER: PeerOperation = {
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
export const CATALOG: PeerOperation = {
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
export const MY_ORDERS: PeerOperation = {
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
export const STATEMENT: PeerOperation = {
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
export const ACCOUNT: PeerOperation = {
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
