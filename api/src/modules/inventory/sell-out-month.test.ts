import fc from 'fast-check';
import { StockMovementKind } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { Scope, buildScope } from '../../auth/scope';
import { addDays, addMonths, monthDays, today } from '../../common/dates';
import { User } from '../user';
import { DaySpan, monthSpans } from './sell-out-query';
import { InventoryWorld, inventoryWorld, sellOutMonthsOf } from './inventory.test-kit';

/**
 * The monthly sell-out summary: kept equal to the movements by their trigger, whoever writes them
 * (the service, a reversal, a fixture's multi-row INSERT), and the sell-out list read from it over
 * whole months and from the movements at a range's edges equals the movements summed over any range.
 */
let t: TestApp;
let w: InventoryWorld;
let owner: Scope;
let admin: Scope;

const K = StockMovementKind;
const on = today();
const BASE = '2026-01-01';

beforeAll(async () => {
  t = await startTestApp();
  w = await inventoryWorld(t);
  const users = t.app.ds.getRepository(User);
  owner = await buildScope(t.app.ds.manager, await users.findOneByOrFail({ email: w.brand.ownerEmail }));
  admin = await buildScope(t.app.ds.manager, await users.findOneByOrFail({ email: w.brand.adminEmail }));
});
afterAll(() => t?.stop());

/** The days of a span as a list (both ends given). */
function daysOf(span: Required<DaySpan>): string[] {
  const out: string[] = [];
  for (let d = span.from; d <= span.to; d = addDays(d, 1)) out.push(d);
  return out;
}

const dayArb = fc.integer({ min: 0, max: 800 }).map((n) => addDays(BASE, n));

test('a range splits into the whole months inside it and the days at its edges, covering each day once', () => {
  fc.assert(
    fc.property(dayArb, dayArb, (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const { months, days } = monthSpans(from, to);
      const covered: string[] = days.flatMap((s) => daysOf(s as Required<DaySpan>));
      if (months) {
        // whole months: the first starts on a first, the last ends on its month's last day
        expect(months.from!.endsWith('-01') && months.to!.endsWith('-01')).toBe(true);
        for (let m = months.from!; m <= months.to!; m = addDays(m, 32).slice(0, 8) + '01')
          covered.push(...daysOf({ from: m, to: addDays(addDays(m, 32).slice(0, 8) + '01', -1) }));
      }
      expect(covered.sort()).toEqual(daysOf({ from, to }));
    }),
    { numRuns: 300 },
  );
  // open ends stay open on the months; a partial first month is read from the movements
  expect(monthSpans(undefined, undefined)).toEqual({ months: { from: undefined, to: undefined }, days: [] });
  expect(monthSpans('2026-03-15', undefined)).toEqual({
    months: { from: '2026-04-01', to: undefined },
    days: [{ from: '2026-03-15', to: '2026-03-31' }],
  });
  expect(monthSpans(undefined, '2026-02-28')).toEqual({ months: { from: undefined, to: '2026-02-01' }, days: [] });
  expect(monthSpans('2026-03-02', '2026-03-30')).toEqual({
    months: null,
    days: [{ from: '2026-03-02', to: '2026-03-30' }],
  });
});

/** Net units per hospital, department and product over a range, summed from the movements themselves. */
async function summedOver(from?: string, to?: string): Promise<Array<{ key: string; quantity: number }>> {
  const rows: Array<{ key: string; quantity: number }> = await t.app.ds.query(
    `SELECT hospital_id || '|' || COALESCE(department_id::text, '') || '|' || product_id AS key, -SUM(quantity)::int AS quantity
       FROM stock_movement WHERE brand_id = $1 AND hospital_id IS NOT NULL
        AND ($2::date IS NULL OR occurred_on >= $2::date) AND ($3::date IS NULL OR occurred_on <= $3::date)
      GROUP BY 1 HAVING SUM(quantity) <> 0`,
    [w.brand.brandId, from ?? null, to ?? null],
  );
  return rows.sort((x, y) => x.key.localeCompare(y.key));
}

test('the summary follows every writer, and the list over any range equals the movements summed over it', async () => {
  const sell = (batchNo: string, quantity: number, daysAgo: number, kind = K.SOLD_OUT) =>
    t.app.services.stock.record(owner, {
      kind,
      productId: w.cat.productII,
      batchNo,
      quantity,
      occurredOn: addDays(on, -daysAgo),
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.departmentId,
    });
  await t.app.services.stock.record(owner, {
    kind: K.ADJUSTED,
    productId: w.cat.productII,
    batchNo: 'SOM-1',
    quantity: 500,
    occurredOn: addDays(on, -130),
    reason: '期初',
  });
  // sales over four months and more, a return, and a reversal of one sale
  const written: string[] = [];
  for (const [quantity, daysAgo] of [
    [5, 120],
    [7, 95],
    [3, 70],
    [11, 64],
    [2, 40],
    [9, 33],
    [4, 12],
    [6, 1],
  ])
    written.push(await sell('SOM-1', quantity, daysAgo));
  await sell('SOM-1', 2, 30, K.RETURNED);
  await t.app.services.stock.reverse(owner, written[3], '录错');
  // a fixture's INSERT of two rows at once, one without a department
  const [user] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [w.brand.ownerEmail]);
  await t.app.ds.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
     VALUES ($1, $2, $3, 'SOM-2', 'SOLD_OUT', -3, $4, $5, $6, $7), ($1, $2, $3, 'SOM-2', 'SOLD_OUT', -8, $8, $5, NULL, $7)`,
    [
      w.brand.brandId,
      w.brand.distributorIds[0],
      w.cat.productII,
      addDays(on, -50),
      w.cat.hospitalInCity,
      w.departmentId,
      user.id,
      addDays(on, -80),
    ],
  );
  const { kept, summed } = await sellOutMonthsOf(t.app.ds, w.brand.brandId);
  expect(kept.byDistributor.length).toBeGreaterThanOrEqual(4);
  expect(kept.byHospital.length).toBeGreaterThanOrEqual(4);
  expect(kept).toEqual(summed);

  // a day within the last 140, or a whole month of the last five: the admin counts one whole month
  // from sell_out_hospital_month rather than from the list's own rows
  const spanArb = fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 140 }).map((n) => ({ day: addDays(on, -n) })),
      fc.integer({ min: 0, max: 4 }).map((n) => monthDays(addMonths(on, -n).slice(0, 7))),
    ),
    { nil: undefined },
  );
  await fc.assert(
    fc.asyncProperty(spanArb, spanArb, async (x, y) => {
      // a month given on either side is the span alone
      const month = x && 'from' in x ? x : y && 'from' in y ? y : null;
      const [a, b] = [x && 'day' in x ? x.day : undefined, y && 'day' in y ? y.day : undefined];
      const [from, to] = month ? [month.from, month.to] : a && b && a > b ? [b, a] : [a, b];
      const page = await t.app.services.stockReads.sellOut(admin, { first: 50 }, { from, to });
      const listed = page.nodes
        .map((r) => ({ key: `${r.hospitalId}|${r.departmentId ?? ''}|${r.productId}`, quantity: r.quantity }))
        .sort((x, y) => x.key.localeCompare(y.key));
      expect(listed).toEqual(await summedOver(from, to));
      expect(page.totalCount).toBe(listed.length);
    }),
    { numRuns: 40 },
  );
});

test('two distributors selling one product to one department at once count as one row of the month; reversed, none', async () => {
  // D0 and its second tier D1 (the owner holds both) each hold a batch; each round both sell at once
  // into one month, then both sales are reversed at once: a brand-wide list's row (hospital,
  // department, product) appears once and then vanishes, whichever commits first.
  // Distributor d's movement of its own batch of the class II product
  const record = (
    d: number,
    fields: Omit<Parameters<typeof t.app.services.stock.record>[1], 'productId' | 'batchNo'>,
  ) =>
    t.app.services.stock.record(owner, {
      ...fields,
      productId: w.cat.productII,
      batchNo: `SOM-C${d}`,
      distributorId: w.brand.distributorIds[d],
    });
  const stocked = await Promise.all(
    [0, 1].map((d) => record(d, { kind: K.ADJUSTED, quantity: 1000, occurredOn: addDays(on, -400), reason: '期初' })),
  );
  expect(stocked).toHaveLength(2);
  const day = addDays(on, -200);
  const month = `${day.slice(0, 7)}-01`;
  const row = () =>
    t.app.ds
      .query(
        `SELECT rows, units FROM sell_out_hospital_month WHERE brand_id = $1 AND hospital_id = $2 AND month = $3`,
        [w.brand.brandId, w.cat.hospitalInCity, month],
      )
      .then((r: Array<{ rows: number; units: number }>) => r[0]);
  for (let round = 0; round < 12; round++) {
    const sales = await Promise.all(
      [0, 1].map((d) =>
        record(d, {
          kind: K.SOLD_OUT,
          quantity: 1 + round + d,
          occurredOn: day,
          hospitalId: w.cat.hospitalInCity,
          departmentId: w.departmentId,
        }),
      ),
    );
    expect(await row()).toEqual({ rows: 1, units: 3 + 2 * round });
    await Promise.all(sales.map((id) => t.app.services.stock.reverse(owner, id, '录错')));
    expect(await row()).toEqual({ rows: 0, units: 0 });
  }
  const { kept, summed } = await sellOutMonthsOf(t.app.ds, w.brand.brandId);
  expect(kept).toEqual(summed);
});
