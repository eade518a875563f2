import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { trendMonths } from './dashboard.service';

/**
 * The brand dashboard: every figure equals the total of the list it drills down to, asked the way
 * the list's screen asks it, for the admin (the whole brand) and a regional head (his regions);
 * the head's figures are his scope's, never the brand's.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const DASHBOARD = `{ brandDashboard {
  coverage { regionId name parentId target buying }
  sellIn { month orders amounts { amount currency } }
  sellOut { month from to rows units }
  staff readiness { productLineId name certified } } }`;

interface Dashboard {
  coverage: Array<{ regionId: string; name: string; parentId: string | null; target: number; buying: number }>;
  sellIn: Array<{ month: string; orders: number; amounts: Array<{ amount: string; currency: string }> }>;
  sellOut: Array<{ month: string; from: string; to: string; rows: number; units: number }>;
  staff: number;
  readiness: Array<{ productLineId: string; name: string; certified: number }>;
}

async function as(email: string): Promise<GqlClient> {
  const client = t.client(Audience.CONSOLE);
  await client.login(email);
  return client;
}

async function one<T>(client: GqlClient, query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await client.request(query, variables);
  expect(r.errors).toEqual([]);
  return r.data as T;
}

const total = async (c: GqlClient, query: string, variables: Record<string, unknown>) =>
  Object.values(await one<Record<string, { totalCount: number }>>(c, query, variables))[0].totalCount;

interface OrdersPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: Array<{ total: { amount: string; currency: string } }>;
}

/** A month's orders list paged through: its total, and its orders' totals summed per currency (exactly, in cents), in currency order. */
async function ordersOf(
  c: GqlClient,
  month: string,
): Promise<{ count: number; amounts: Array<{ amount: string; currency: string }> }> {
  const cents = new Map<string, bigint>();
  let count = 0;
  let after: string | null = null;
  do {
    const { orders }: { orders: OrdersPage } = await one(
      c,
      `query($f: OrderFilter, $after: String) { orders(filter: $f, first: 100, after: $after) {
         totalCount pageInfo { hasNextPage endCursor } nodes { total { amount currency } } } }`,
      { f: { month }, after },
    );
    count = orders.totalCount;
    for (const { total } of orders.nodes)
      cents.set(total.currency, (cents.get(total.currency) ?? 0n) + BigInt(total.amount.replace('.', '')));
    after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
  } while (after);
  const amounts = [...cents]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, c]) => ({ amount: `${c / 100n}.${String(c % 100n).padStart(2, '0')}`, currency }));
  return { count, amounts };
}

async function dashboardEqualsItsLists(email: string): Promise<Dashboard> {
  const c = await as(email);
  const { brandDashboard: d } = await one<{ brandDashboard: Dashboard }>(c, DASHBOARD);
  for (const region of d.coverage)
    for (const coverage of ['TARGET', 'BUYING'] as const)
      expect([region.name, coverage, region[coverage === 'TARGET' ? 'target' : 'buying']]).toEqual([
        region.name,
        coverage,
        await total(c, `query($f: HospitalFilter) { hospitals(filter: $f, first: 1) { totalCount } }`, {
          f: { regionId: region.regionId, coverage },
        }),
      ]);
  expect(d.sellIn.map((m) => m.month)).toEqual(trendMonths());
  for (const m of d.sellIn) {
    // the month's orders and their totals per currency, as the list pages through them
    const listed = await ordersOf(c, m.month);
    expect([m.month, m.orders, m.amounts]).toEqual([m.month, listed.count, listed.amounts]);
  }
  for (const m of d.sellOut) {
    // the month's rows and their units, as the list shows them
    const list = await one<{ sellOut: { totalCount: number; nodes: Array<{ quantity: number }> } }>(
      c,
      `query($f: SellOutFilter) { sellOut(filter: $f, first: 100) { totalCount nodes { quantity } } }`,
      { f: { from: m.from, to: m.to } },
    );
    expect(list.sellOut.nodes.length).toBe(list.sellOut.totalCount);
    expect([m.month, m.rows, m.units]).toEqual([
      m.month,
      list.sellOut.totalCount,
      list.sellOut.nodes.reduce((n, r) => n + r.quantity, 0),
    ]);
  }
  expect(d.staff).toBe(await total(c, `{ trainingReadiness(first: 1) { totalCount } }`, {}));
  for (const line of d.readiness)
    expect([line.name, line.certified]).toEqual([
      line.name,
      await total(c, `query($l: ID) { trainingReadiness(productLineId: $l, first: 1) { totalCount } }`, {
        l: line.productLineId,
      }),
    ]);
  return d;
}

const sum = (d: Dashboard, key: 'target' | 'buying') =>
  d.coverage.filter((r) => r.parentId === null).reduce((n, r) => n + r[key], 0);

it('every figure of the admin’s dashboard equals the total of the list it drills down to', async () => {
  const d = await dashboardEqualsItsLists('admin@huakang.demo');
  // the seed has authorizations, orders for hospitals, sell-out and certificates: the figures are not all zero
  expect(sum(d, 'target')).toBeGreaterThan(0);
  expect(sum(d, 'buying')).toBeGreaterThan(0);
  expect(d.sellIn.some((m) => m.orders > 0)).toBe(true);
  expect(d.sellOut.some((m) => m.rows > 0)).toBe(true);
  expect(d.staff).toBeGreaterThan(0);
  expect(d.readiness.some((l) => l.certified > 0)).toBe(true);
  // a province holds its cities: its target is at least the sum of theirs
  for (const p of d.coverage.filter((r) => r.parentId === null))
    expect(p.target).toBeGreaterThanOrEqual(
      d.coverage.filter((r) => r.parentId === p.regionId).reduce((n, r) => n + r.target, 0),
    );
});

it('a regional head’s dashboard is his regions’: each figure his list’s, the coverage less than the brand’s', async () => {
  const head = await dashboardEqualsItsLists('zhao.rh@huakang.demo');
  const admin = (await one<{ brandDashboard: Dashboard }>(await as('admin@huakang.demo'), DASHBOARD)).brandDashboard;
  expect(sum(head, 'target')).toBeGreaterThan(0);
  expect(sum(head, 'target')).toBeLessThan(sum(admin, 'target'));
  // every region he is shown is one the admin's dashboard shows too, with no more hospitals
  for (const r of head.coverage) {
    const same = admin.coverage.find((a) => a.regionId === r.regionId)!;
    expect(r.target).toBeLessThanOrEqual(same.target);
  }
});

it('the order desk and partners may not read the brand dashboard', async () => {
  const desk = await as('order@huakang.demo');
  expect((await desk.request(DASHBOARD)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
  const owner = t.client(Audience.PORTAL);
  await owner.login('boss@kangda.demo');
  expect((await owner.request(DASHBOARD)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('an order month outside YYYY-MM is refused as bad input', async () => {
  const r = await (
    await as('admin@huakang.demo')
  ).request(`{ orders(filter: { month: "2026-13" }, first: 1) { totalCount } }`);
  expect(r.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('the owner’s dashboard: each figure equals his portal list’s total; a rep and the brand may not read it', async () => {
  const owner = t.client(Audience.PORTAL);
  await owner.login('boss@kangda.demo');
  const { ownerDashboard: d } = await one<{
    ownerDashboard: {
      staff: number;
      openCommitments: number;
      readiness: Array<{ productLineId: string; name: string; certified: number }>;
    };
  }>(owner, `{ ownerDashboard { staff openCommitments readiness { productLineId name certified } } }`);
  expect(d.staff).toBeGreaterThan(0);
  expect(d.staff).toBe(await total(owner, `{ trainingReadiness(first: 1) { totalCount } }`, {}));
  for (const line of d.readiness)
    expect([line.name, line.certified]).toEqual([
      line.name,
      await total(owner, `query($l: ID) { trainingReadiness(productLineId: $l, first: 1) { totalCount } }`, {
        l: line.productLineId,
      }),
    ]);
  expect(d.openCommitments).toBe(
    await total(owner, `{ commitmentInbox(first: 1, statuses: [OPEN]) { totalCount } }`, {}),
  );
  // his company's only: another owner's figures are his own
  const other = t.client(Audience.PORTAL);
  await other.login('boss@huaning.demo');
  const theirs = (await one<{ ownerDashboard: { staff: number } }>(other, `{ ownerDashboard { staff } }`))
    .ownerDashboard;
  expect(theirs.staff).toBe(await total(other, `{ trainingReadiness(first: 1) { totalCount } }`, {}));

  const rep = t.client(Audience.PORTAL);
  await rep.login('li.rep@kangda.demo');
  expect((await rep.request(`{ ownerDashboard { staff } }`)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
  const admin = await as('admin@huakang.demo');
  expect((await admin.request(`{ ownerDashboard { staff } }`)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
});
