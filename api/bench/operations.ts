import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import type { Client } from 'pg';
import { REPO_DIR } from './paths';
import { benchEmails } from './generate/context';

type Audience = 'PORTAL' | 'CONSOLE';

/** One screen's request, exactly as its front end sends it (the document is read from the app's .graphql file). */
export interface Operation {
  name: string;
  title: string;
  audience: Audience;
  user: keyof typeof benchEmails;
  /** the app's .graphql file, from the repository root, and the operation in it */
  file: string;
  operation: string;
  /** the variables the screen would send, looked up in the bench data */
  variables(db: Client): Promise<Record<string, unknown>>;
}

const one = async (db: Client, sql: string): Promise<string> => {
  const { rows } = await db.query(sql);
  if (!rows[0]) throw new Error(`bench data has nothing for: ${sql}`);
  return rows[0].id;
};

const PORTAL_ORDERS = 'portal-partner/src/features/orders/orders.graphql';
const PORTAL_STATEMENTS = 'portal-partner/src/features/statements/statements.graphql';

export const OPERATIONS: Operation[] = [
  {
    name: 'portal.catalog',
    title: 'portal: catalog page',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_ORDERS,
    operation: 'Catalog',
    variables: async () => ({}),
  },
  {
    name: 'portal.orders',
    title: 'portal: my orders page',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_ORDERS,
    operation: 'MyOrders',
    variables: async () => ({}),
  },
  {
    name: 'portal.order',
    title: 'portal: order detail (lines, shipments)',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_ORDERS,
    operation: 'Order',
    // the owner's latest closed order with the most lines: lines, shipment items and the timeline all full
    variables: async (db) => ({
      id: await one(
        db,
        `SELECT o.id FROM purchase_order o WHERE o.distributor_id = bench_gen.uid('d:1') AND o.status = 'CLOSED'
      ORDER BY (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) DESC, o.number DESC LIMIT 1`,
      ),
    }),
  },
  {
    name: 'portal.statement',
    title: 'portal: current statement',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_STATEMENTS,
    operation: 'Statement',
    variables: async (db) => ({
      id: await one(
        db,
        `SELECT id FROM statement WHERE distributor_id = bench_gen.uid('d:1') ORDER BY period DESC, version DESC LIMIT 1`,
      ),
    }),
  },
  {
    name: 'portal.statements',
    title: 'portal: my statements list',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_STATEMENTS,
    operation: 'AccountStatements',
    // the page's first request: every version in force of the owner's distributors, the first page of 20
    variables: async () => ({}),
  },
  {
    name: 'portal.account',
    title: 'portal: account balance and open items',
    audience: 'PORTAL',
    user: 'owner',
    file: PORTAL_STATEMENTS,
    operation: 'AccountSummary',
    variables: async () => ({}),
  },
  {
    name: 'console.orders',
    title: 'console: order desk queue (status + region filter)',
    audience: 'CONSOLE',
    user: 'orderDesk',
    file: 'console-internal/src/features/orders/orders.graphql',
    operation: 'Orders',
    variables: async (db) => ({
      first: 20,
      filter: {
        statuses: ['SUBMITTED', 'APPROVED'],
        regionId: await one(db, `SELECT bench_gen.uid('province:1') AS id`),
      },
    }),
  },
  {
    name: 'console.distributors',
    title: 'console: distributor list',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/distributors/distributors.graphql',
    operation: 'Distributors',
    variables: async () => ({ first: 20 }),
  },
  {
    name: 'console.hospitals',
    title: 'console: hospital search',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/hospitals/hospitals.graphql',
    operation: 'Hospitals',
    variables: async () => ({ first: 20, filter: { search: '人民医院' } }),
  },
  {
    name: 'console.globalSearch',
    title: 'console: top-bar search (every kind)',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/components/search/search.graphql',
    operation: 'GlobalSearch',
    // a word in thousands of hospitals' names (and of orders' hospitals): every kind counted at full scale
    variables: async () => ({ text: '人民医院' }),
  },
  {
    name: 'console.aging',
    title: 'console: receivables aging (by distributor)',
    audience: 'CONSOLE',
    user: 'finance',
    file: 'console-internal/src/features/finance/receivables/receivables.graphql',
    operation: 'AgingByDistributor',
    // the page's first request: every distributor in scope, the first page of 20
    variables: async () => ({ first: 20 }),
  },
  {
    name: 'console.credits',
    title: 'console: credit notes and rebates (one kind, last 90 days)',
    audience: 'CONSOLE',
    user: 'finance',
    file: 'console-internal/src/features/finance/credits/credits.graphql',
    operation: 'AccountCredits',
    // the tab with its kind and days filters set: every distributor in scope, the first page of 20
    variables: async (db) => ({
      first: 20,
      filter: {
        kind: 'REBATE',
        from: await one(db, `SELECT to_char(CURRENT_DATE - 90, 'YYYY-MM-DD') AS id`),
        to: await one(db, `SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS id`),
      },
    }),
  },
  {
    name: 'console.opportunities',
    title: 'console: opportunities with the funnel (brand-wide)',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/opportunities/opportunities.graphql',
    operation: 'ConsoleOpportunities',
    // the page's first request: the funnel by stage over every opportunity in scope, the first page of 20
    variables: async () => ({ first: 20 }),
  },
  {
    name: 'portal.pipeline',
    title: 'portal: my pipeline (the owner’s opportunities)',
    audience: 'PORTAL',
    user: 'owner',
    file: 'portal-partner/src/features/opportunities/opportunities.graphql',
    operation: 'MyOpportunities',
    variables: async () => ({}),
  },
  {
    name: 'console.audit',
    title: 'console: audit log (one distributor)',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/audit/audit.graphql',
    operation: 'AuditLog',
    variables: async (db) => ({
      first: 20,
      filter: { distributorId: await one(db, `SELECT bench_gen.uid('d:1') AS id`) },
    }),
  },
  {
    name: 'portal.stock',
    title: 'portal: my stock on hand today (the owner: with the second tier)',
    audience: 'PORTAL',
    user: 'owner',
    file: 'portal-partner/src/features/inventory/inventory.graphql',
    operation: 'MyStock',
    variables: async () => ({ filter: {} }),
  },
  {
    name: 'console.stockAsOf',
    title: 'console: one distributor’s stock on hand at a past date (180 days ago)',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/inventory/inventory.graphql',
    operation: 'ChannelStock',
    variables: async (db) => ({
      first: 20,
      filter: {
        distributorId: await one(db, `SELECT bench_gen.uid('d:1') AS id`),
        asOf: await one(db, `SELECT to_char(CURRENT_DATE - 180, 'YYYY-MM-DD') AS id`),
      },
    }),
  },
  {
    name: 'console.sellOutRegionMonth',
    title: 'console: sell-out by hospital, one province, last month',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/inventory/inventory.graphql',
    operation: 'ChannelSellOut',
    variables: async (db) => ({
      first: 20,
      filter: {
        regionId: await one(db, `SELECT bench_gen.uid('province:1') AS id`),
        from: await one(
          db,
          `SELECT to_char(date_trunc('month', CURRENT_DATE) - interval '1 month', 'YYYY-MM-DD') AS id`,
        ),
        to: await one(db, `SELECT to_char(date_trunc('month', CURRENT_DATE) - interval '1 day', 'YYYY-MM-DD') AS id`),
      },
    }),
  },
  {
    name: 'console.recallReach',
    title: 'console: a recall’s reach for one batch (the busiest batch), from its movements',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/recalls/recalls.graphql',
    operation: 'RecallReachPreview',
    variables: async (db) => {
      const { rows } = await db.query(
        `SELECT product_id, batch_no FROM stock_movement WHERE kind = 'RECEIVED'
          GROUP BY product_id, batch_no ORDER BY count(*) DESC, batch_no LIMIT 1`,
      );
      if (!rows[0]) throw new Error('bench data has no stock movements');
      return { productId: rows[0].product_id, batchNo: rows[0].batch_no };
    },
  },
  {
    name: 'console.placements',
    title: 'console: placed instruments, brand-wide, newest first',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/placements/placements.graphql',
    operation: 'Placements',
    variables: async () => ({ first: 20, filter: {} }),
  },
  {
    name: 'console.placementShortfall',
    title: 'console: placed instruments whose last month’s reagent sell-out fell short of the commitment',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/placements/placements.graphql',
    operation: 'Placements',
    variables: async () => ({ first: 20, filter: { shortfall: true } }),
  },
  {
    name: 'portal.placements',
    title: 'portal: my placed instruments (the owner)',
    audience: 'PORTAL',
    user: 'owner',
    file: 'portal-partner/src/features/placements/placements.graphql',
    operation: 'MyPlacements',
    variables: async () => ({}),
  },
  {
    name: 'console.insights',
    title: 'console: 经营看板 (coverage, 12 months of sell-in and sell-out, readiness; brand-wide)',
    audience: 'CONSOLE',
    user: 'admin',
    file: 'console-internal/src/features/insights/insights.graphql',
    operation: 'BrandDashboard',
    variables: async () => ({}),
  },
];

/** The named operation with every fragment it spreads (transitively), as one printable document. */
export function documentOf(op: Operation): string {
  const doc: DocumentNode = parse(readFileSync(path.join(REPO_DIR, op.file), 'utf8'));
  const byName = new Map<string, DefinitionNode>(fragmentsOf(op.file));
  for (const def of doc.definitions) {
    if ((def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) && def.name)
      byName.set(def.name.value, def);
  }
  const root = byName.get(op.operation);
  if (!root || root.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${op.file} has no operation ${op.operation}`);
  const needed = new Set<string>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (needed.has(name)) return;
        needed.add(name);
        const fragment = byName.get(name);
        if (!fragment) throw new Error(`${op.file}: fragment ${name} is in none of the app's documents`);
        walk(fragment);
      },
    });
  walk(root);
  return [root, ...[...needed].map((n) => byName.get(n)!)].map((d) => print(d)).join('\n\n');
}

/**
 * Every fragment the app's codegen sees: its own .graphql files and web-shared's shared fragments
 * (*.fragments.graphql: Money, StatementChanges), as shared-schema/codegen.ts collects them.
 */
function fragmentsOf(file: string): Array<[string, DefinitionNode]> {
  const app = file.split('/')[0];
  const documents = [
    ...graphqlFiles(path.join(REPO_DIR, app, 'src')),
    ...graphqlFiles(path.join(REPO_DIR, 'web-shared', 'src')).filter((f) => f.endsWith('.fragments.graphql')),
  ];
  return documents.flatMap((f) =>
    parse(readFileSync(f, 'utf8')).definitions.flatMap((def): Array<[string, DefinitionNode]> =>
      def.kind === Kind.FRAGMENT_DEFINITION ? [[def.name.value, def]] : [],
    ),
  );
}

const graphqlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => path.join(dir, f));
