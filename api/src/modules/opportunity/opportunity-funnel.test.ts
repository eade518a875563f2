import { randomUUID } from 'node:crypto';
import { Audience, OpportunityStage, Role, Side } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, withDemoPassword } from '../../../test/factories';
import { opportunityWorld } from './opportunity.test-kit';

/**
 * The funnel summary (opportunity_funnel, kept by the opportunities' statement triggers) serves the
 * funnel and the list's total for an admin and for partners; every viewer's funnel and total must
 * still be exactly what their list holds, whichever way they are read. Checked for an admin, a
 * regional head, a channel manager, an owner with a second tier and a rep, under filters the summary
 * answers and filters it does not, after a fixture's INSERT, captures and moves through the API, a
 * fixture's stage moves, value and currency edits, distributors changed, rows deleted, and
 * concurrent moves of one distributor's opportunities.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let deptCity: string;
let deptProvince: string;
let headId: string;
let repIds: string[];
const viewers: Record<string, GqlClient> = {};

const STAGES = Object.values(OpportunityStage);

beforeAll(async () => {
  t = await startTestApp();
  const world = await opportunityWorld(t, 4);
  ({ brand, cat } = world);
  const tag = world.tag;
  ({ city: deptCity, province: deptProvince } = world.departments);
  // a regional head of the city: the city's hospital, the city's distributors (the odd ones) and his own
  const headEmail = `head-${tag}@test.demo`;
  [{ id: headId }] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role) VALUES ($1, $2, '大区经理', $3, $4) RETURNING id`,
    [brand.brandId, headEmail, Side.BRAND, Role.REGIONAL_HEAD],
  );
  await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
    brand.brandId,
    headId,
    cat.cityId,
  ]);
  await withDemoPassword(t.app.ds, headEmail);
  repIds = [];
  for (const i of brand.distributorIds.keys())
    repIds.push((await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [`rep${i}-${tag}@test.demo`]))[0].id);
  const logins: Array<[string, Audience, string]> = [
    ['admin', Audience.CONSOLE, brand.adminEmail],
    ['regional head', Audience.CONSOLE, headEmail],
    // channel manager of distributors 0 and 3, with no region
    ['channel manager', Audience.CONSOLE, `cm0-${tag}@test.demo`],
    // distributor 0 and its second tier, distributor 1
    ['owner', Audience.PORTAL, brand.ownerEmail],
    ['rep of distributor 2', Audience.PORTAL, `rep2-${tag}@test.demo`],
  ];
  for (const [name, audience, email] of logins) {
    viewers[name] = t.client(audience);
    await viewers[name].login(email);
  }
});
afterAll(() => t?.stop());

interface Funnel {
  stage: string;
  count: number;
  values: Array<{ amount: string; currency: string }>;
}
interface Row {
  stage: string;
  estimatedValue: { amount: string; currency: string };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** The funnel the rows make, as the API answers it: every stage, each currency's sum in currency order. */
function funnelOf(rows: Row[]): Funnel[] {
  return STAGES.map((stage) => {
    const of = rows.filter((r) => r.stage === stage);
    const byCurrency = new Map<string, number>();
    for (const r of of)
      byCurrency.set(
        r.estimatedValue.currency,
        (byCurrency.get(r.estimatedValue.currency) ?? 0) + cents(r.estimatedValue.amount),
      );
    return {
      stage,
      count: of.length,
      values: [...byCurrency]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, c]) => ({ amount: (c / 100).toFixed(2), currency })),
    };
  });
}

/** Every row of the viewer's list for the filter, paged through as the screen pages, with the total each page answered. */
async function listed(client: GqlClient, filter: Record<string, unknown>): Promise<{ rows: Row[]; totals: number[] }> {
  const rows: Row[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const res: GqlResult = await client.request(
      `query($f: OpportunityFilter, $after: String) { opportunities(first: 100, after: $after, filter: $f) {
         totalCount pageInfo { hasNextPage endCursor } nodes { stage estimatedValue { amount currency } } } }`,
      { f: filter, after },
    );
    expect(res.errors).toEqual([]);
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Row[] } =
      res.data.opportunities;
    rows.push(...page.nodes);
    totals.push(page.totalCount);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { rows, totals };
}

const filters = () => [
  {},
  { stage: 'LEAD' },
  { distributorId: brand.distributorIds[0] },
  { distributorId: brand.distributorIds[1], stage: 'TRIAL' },
  { mine: true },
  { regionId: cat.cityId },
  { search: '漏斗' },
  { stage: 'NEED_CONFIRMED', mine: false, search: '' },
];

/** For every viewer and filter: the total equals the list's length and the funnel the list's rows (stage aside). */
async function expectCountsEqualTheLists(step: string): Promise<void> {
  const wholeLists: number[] = [];
  for (const [name, client] of Object.entries(viewers)) {
    for (const filter of filters()) {
      const { stage, ...stageAside } = filter as { stage?: string };
      const list = await listed(client, filter);
      const all = stage ? (await listed(client, stageAside)).rows : list.rows;
      const res = await client.request(
        `query($f: OpportunityFilter) { opportunityFunnel(filter: $f) { stage count values { amount currency } } }`,
        { f: filter },
      );
      expect(res.errors).toEqual([]);
      const label = `${step}: ${name} ${JSON.stringify(filter)}`;
      expect({ label, totals: list.totals }).toEqual({ label, totals: list.totals.map(() => list.rows.length) });
      expect({ label, funnel: res.data.opportunityFunnel }).toEqual({ label, funnel: funnelOf(all) });
      if (!Object.keys(filter).length) wholeLists.push(list.rows.length);
    }
  }
  // the viewers see different parts of the brand: not the same list five times
  expect(new Set(wholeLists).size).toBeGreaterThanOrEqual(4);
}

/** The summary itself, row for row, against the brand's opportunities grouped (a stage emptied keeps a row at zero). */
async function expectSummaryEqualsTheRows(): Promise<void> {
  const [diff] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM (
       (SELECT distributor_id, stage, currency, n, amount FROM opportunity_funnel WHERE brand_id = $1 AND n <> 0
        EXCEPT SELECT distributor_id, stage, currency, count(*)::int, SUM(estimated_value) FROM opportunity WHERE brand_id = $1
                GROUP BY distributor_id, stage, currency)
       UNION ALL
       (SELECT distributor_id, stage, currency, count(*)::int, SUM(estimated_value) FROM opportunity WHERE brand_id = $1
                GROUP BY distributor_id, stage, currency
        EXCEPT SELECT distributor_id, stage, currency, n, amount FROM opportunity_funnel WHERE brand_id = $1)) d`,
    [brand.brandId],
  );
  expect(diff.n).toBe(0);
  const [zero] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM opportunity_funnel WHERE brand_id = $1 AND n = 0 AND amount <> 0`,
    [brand.brandId],
  );
  expect(zero.n).toBe(0);
}

const CAPTURE = `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id version stage } }`;
const MOVE = `mutation($id: ID!, $i: MoveOpportunityInput!) { moveOpportunity(id: $id, input: $i) { id version stage } }`;

async function capture(client: GqlClient, over: Record<string, unknown> = {}) {
  const res = await client.request(CAPTURE, {
    i: {
      hospitalId: cat.hospitalInCity,
      departmentId: deptCity,
      productLineId: cat.lineId,
      need: '漏斗彩超',
      estimatedValue: '1234.56',
      idempotencyKey: randomUUID(),
      ...over,
    },
  });
  expect(res.errors).toEqual([]);
  return res.data.createOpportunity as { id: string; version: number; stage: string };
}

async function move(client: GqlClient, o: { id: string; version: number }, stage: string) {
  const res = await client.request(MOVE, {
    id: o.id,
    i: { stage, expectedVersion: o.version, note: stage === 'LOST' ? '价格' : null },
  });
  expect(res.errors).toEqual([]);
  return res.data.moveOpportunity as { id: string; version: number; stage: string };
}

test('every viewer’s funnel and total equal their list, through inserts, moves, edits and deletes', async () => {
  const ds = t.app.ds;
  const d = brand.distributorIds;
  // a fixture's INSERT of 90 rows in one statement: four distributors and the brand's own, six stages, two currencies
  await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency,
                              owner_id, distributor_id, stage, lost_reason, created_by)
     SELECT $1, CASE WHEN i % 3 = 0 THEN $2::uuid ELSE $3::uuid END, CASE WHEN i % 3 = 0 THEN $4::uuid ELSE $5::uuid END, $6,
            CASE WHEN i % 4 = 0 THEN '漏斗 ' ELSE '需求 ' END || i, (i * 137 % 1000) + 0.25,
            CASE WHEN i % 7 = 0 THEN 'USD' ELSE 'CNY' END,
            ($7::uuid[])[1 + i % 5], ($8::uuid[])[1 + i % 5], ($9::text[])[1 + i % 6],
            CASE WHEN ($9::text[])[1 + i % 6] = 'LOST' THEN '价格' END, ($7::uuid[])[1 + i % 5]
       FROM generate_series(1, 90) i`,
    [
      brand.brandId,
      cat.hospitalInProvince,
      cat.hospitalInCity,
      deptProvince,
      deptCity,
      cat.lineId,
      [...repIds, headId],
      [...d, null],
      STAGES,
    ],
  );
  await expectSummaryEqualsTheRows();
  await expectCountsEqualTheLists('a fixture’s insert');

  // captures and moves through the API: a rep's, an owner's for his second tier, the admin's own (no distributor)
  const rep0 = t.client(Audience.PORTAL);
  await rep0.login(`rep0-${brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8)}@test.demo`);
  const a = await capture(rep0);
  const b = await capture(viewers.owner, { distributorId: d[1], estimatedValue: '10.00' });
  const c = await capture(viewers.admin, { hospitalId: cat.hospitalInProvince, departmentId: deptProvince });
  await move(rep0, a, 'NEED_CONFIRMED');
  await move(viewers.owner, await move(viewers.owner, b, 'TRIAL'), 'LOST');
  await move(viewers.admin, c, 'WON');
  await expectSummaryEqualsTheRows();
  await expectCountsEqualTheLists('captures and moves');

  // a fixture's stage moves, many rows at once: every lead of distributor 0 and of the brand's own
  await ds.query(
    `UPDATE opportunity SET stage = 'NEED_CONFIRMED' WHERE brand_id = $1 AND stage = 'LEAD' AND (distributor_id = $2 OR distributor_id IS NULL)`,
    [brand.brandId, d[0]],
  );
  // value and currency edits, and an UPDATE that changes none of what the summary keeps
  await ds.query(
    `UPDATE opportunity SET estimated_value = estimated_value + 1000.5 WHERE brand_id = $1 AND need LIKE '需求 %' AND stage <> 'WON'`,
    [brand.brandId],
  );
  await ds.query(
    `UPDATE opportunity SET currency = 'EUR' WHERE brand_id = $1 AND distributor_id = $2 AND stage = 'TRIAL'`,
    [brand.brandId, d[2]],
  );
  await ds.query(`UPDATE opportunity SET version = version + 1 WHERE brand_id = $1`, [brand.brandId]);
  await expectSummaryEqualsTheRows();
  await expectCountsEqualTheLists('stage moves and value edits');

  // distributors changed (one to the brand's own, one from it) and rows deleted
  await ds.query(
    `UPDATE opportunity SET distributor_id = CASE WHEN distributor_id IS NULL THEN $2::uuid ELSE NULL END
      WHERE brand_id = $1 AND need LIKE '需求 %' AND (distributor_id IS NULL OR distributor_id = $3) AND stage = 'TENDER'`,
    [brand.brandId, d[3], d[1]],
  );
  await ds.query(`DELETE FROM opportunity WHERE brand_id = $1 AND need LIKE '漏斗 %' AND stage IN ('LEAD', 'TRIAL')`, [
    brand.brandId,
  ]);
  await expectSummaryEqualsTheRows();
  await expectCountsEqualTheLists('distributors changed and rows deleted');
});

test('concurrent captures and moves of one distributor’s opportunities lose no count', async () => {
  const rep = t.client(Audience.PORTAL);
  await rep.login(`rep0-${brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8)}@test.demo`);
  const captured = await Promise.all(Array.from({ length: 8 }, (_, i) => capture(i % 2 ? rep : viewers.owner)));
  // each move takes one from (distributor 0, LEAD) and adds one to (distributor 0, TRIAL), at once
  const moved = await Promise.all(captured.map((o, i) => move(i % 2 ? rep : viewers.owner, o, 'TRIAL')));
  await Promise.all([
    ...moved.slice(0, 4).map((o) => move(viewers.owner, o, 'TENDER')),
    ...Array.from({ length: 4 }, () => capture(rep)),
  ]);
  await expectSummaryEqualsTheRows();
  await expectCountsEqualTheLists('concurrent writers');
});
