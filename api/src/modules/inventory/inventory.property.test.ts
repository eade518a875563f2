import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ErrorReason, StockMovementKind } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { scopeOfEmail } from '../../../test/factories';
import type { Scope } from '../../auth/scope';
import { addDays, today } from '../../common/dates';
import type { StockFilter } from './inventory.inputs';
import { InventoryWorld, inventoryWorld, sellOutMonthsOf } from './inventory.test-kit';

/**
 * Stock on hand is the sum of the movements, whatever was asked and in whatever order: random
 * sequences of receipts (adjustments in), sell-outs, transfers between the first tier and its second
 * tier, and reversals of earlier movements, written as D0's owner (who holds both); a request the
 * stock cannot meet is refused and leaves nothing. And writers racing on one lot never take it below zero.
 */
let t: TestApp;
let w: InventoryWorld;
let owner: Scope;

beforeAll(async () => {
  t = await startTestApp();
  w = await inventoryWorld(t);
  owner = await scopeOfEmail(t.app.ds, w.brand.ownerEmail);
});
afterAll(() => t?.stop());

const K = StockMovementKind;
const op = fc.record({
  kind: fc.constantFrom('IN', 'IN', 'SELL', 'SELL', 'TRANSFER', 'REVERSE'),
  /** which distributor (0: D0, 1: its second tier D1) and which of two batches */
  at: fc.integer({ min: 0, max: 1 }),
  lot: fc.integer({ min: 0, max: 1 }),
  quantity: fc.integer({ min: 1, max: 20 }),
  pick: fc.nat(),
  /** how many days ago a sale happened (the summary is by month) */
  ago: fc.integer({ min: 0, max: 70 }),
});

const refusedForStock = (err: unknown) =>
  (err as { extensions?: { reason?: string } }).extensions?.reason === ErrorReason.INSUFFICIENT_STOCK;

/** Per distributor and batch: the balance kept, the sum of the movements, for the run's batches. */
async function ledgerOf(prefix: string): Promise<Array<{ d: string; b: string; kept: number; summed: number }>> {
  return t.app.ds.query(
    `SELECT m.distributor_id AS d, m.batch_no AS b, MAX(sb.quantity)::int AS kept, SUM(m.quantity)::int AS summed
       FROM stock_movement m JOIN stock_balance sb ON sb.distributor_id = m.distributor_id AND sb.product_id = m.product_id
        AND sb.batch_no = m.batch_no AND sb.serial_no = m.serial_no
      WHERE m.batch_no LIKE $1 GROUP BY m.distributor_id, m.batch_no ORDER BY 1, 2`,
    [`${prefix}%`],
  );
}

test('stock on hand equals the sum of the movements after any sequence', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
      const prefix = `P${randomUUID().slice(0, 8)}`;
      const model = new Map<string, number>();
      const key = (d: number, lot: number) => `${w.brand.distributorIds[d]}|${prefix}-${lot}`;
      const written: Array<{ id: string; d: number; lot: number; delta: number; transfer: boolean }> = [];
      for (const o of ops) {
        const batchNo = `${prefix}-${o.lot}`;
        const base = {
          productId: w.cat.productII,
          batchNo,
          occurredOn: today(),
          distributorId: w.brand.distributorIds[o.at],
        };
        const have = model.get(key(o.at, o.lot)) ?? 0;
        try {
          if (o.kind === 'IN') {
            const id = await t.app.services.stock.record(owner, {
              ...base,
              kind: K.ADJUSTED,
              quantity: o.quantity,
              reason: '入',
            });
            written.push({ id, d: o.at, lot: o.lot, delta: o.quantity, transfer: false });
            model.set(key(o.at, o.lot), have + o.quantity);
          } else if (o.kind === 'SELL') {
            const id = await t.app.services.stock.record(owner, {
              ...base,
              kind: K.SOLD_OUT,
              quantity: o.quantity,
              occurredOn: addDays(today(), -o.ago),
              hospitalId: w.cat.hospitalInCity,
              departmentId: w.departmentId,
            });
            expect(have).toBeGreaterThanOrEqual(o.quantity);
            written.push({ id, d: o.at, lot: o.lot, delta: -o.quantity, transfer: false });
            model.set(key(o.at, o.lot), have - o.quantity);
          } else if (o.kind === 'TRANSFER') {
            const to = 1 - o.at;
            const id = await t.app.services.stock.record(owner, {
              ...base,
              kind: K.TRANSFER_OUT,
              quantity: o.quantity,
              toDistributorId: w.brand.distributorIds[to],
            });
            expect(have).toBeGreaterThanOrEqual(o.quantity);
            written.push({ id, d: o.at, lot: o.lot, delta: -o.quantity, transfer: true });
            model.set(key(o.at, o.lot), have - o.quantity);
            model.set(key(to, o.lot), (model.get(key(to, o.lot)) ?? 0) + o.quantity);
          } else {
            const target = written.splice(o.pick % Math.max(written.length, 1), 1)[0];
            if (!target) continue;
            await t.app.services.stock.reverse(owner, target.id, '性质测试冲销');
            model.set(key(target.d, target.lot), (model.get(key(target.d, target.lot)) ?? 0) - target.delta);
            if (target.transfer) {
              const to = key(1 - target.d, target.lot);
              model.set(to, (model.get(to) ?? 0) + target.delta);
            }
          }
        } catch (err) {
          if (!refusedForStock(err)) throw err;
          // refused: the model says the stock (or, reversing a transfer, the receiver's) could not meet it
          if (o.kind === 'SELL' || o.kind === 'TRANSFER') expect(have).toBeLessThan(o.quantity);
        }
      }
      for (const row of await ledgerOf(prefix)) {
        expect(row.kept).toBe(row.summed);
        expect(row.kept).toBeGreaterThanOrEqual(0);
        expect(row.kept).toBe(model.get(`${row.d}|${row.b}`) ?? 0);
      }
      const months = await sellOutMonthsOf(t.app.ds, w.brand.brandId);
      expect(months.kept).toEqual(months.summed);
    }),
    { numRuns: 15 },
  );
});

test('concurrent sell-outs of one batch never take it below zero; what was refused left nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 5, max: 40 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 10 }),
      async (stock, asks) => {
        const batchNo = `C${randomUUID().slice(0, 8)}`;
        const base = { productId: w.cat.productII, batchNo, occurredOn: today() };
        await t.app.services.stock.record(owner, { ...base, kind: K.ADJUSTED, quantity: stock, reason: '入' });
        const results = await Promise.allSettled(
          asks.map((quantity) =>
            t.app.services.stock.record(owner, {
              ...base,
              kind: K.SOLD_OUT,
              quantity,
              hospitalId: w.cat.hospitalInCity,
              departmentId: w.departmentId,
            }),
          ),
        );
        for (const r of results) if (r.status === 'rejected') expect(refusedForStock(r.reason)).toBe(true);
        const sold = asks.filter((_, i) => results[i].status === 'fulfilled').reduce((a, b) => a + b, 0);
        const [row] = await ledgerOf(batchNo);
        expect(sold).toBeLessThanOrEqual(stock);
        expect(row).toMatchObject({ kept: stock - sold, summed: stock - sold });
        // every ask that fitted in what was left when it ran was met: none was refused while enough remained
        const refused = asks.filter((_, i) => results[i].status === 'rejected');
        for (const q of refused) expect(q).toBeGreaterThan(stock - sold);
        // the monthly summary took the sales that were written and nothing of the refused
        const months = await sellOutMonthsOf(t.app.ds, w.brand.brandId);
        expect(months.kept).toEqual(months.summed);
      },
    ),
    { numRuns: 10 },
  );
});

/*
 * Stock today pages each distributor's first lots from an index and keeps the soonest (a page is
 * not the whole list sorted): over random lots of D0 and its second tier D1 — expiries tied, past,
 * near, far or none, two products — every page size walks the list the owner is shown whole, in
 * the list's order (soonest expiry, a lot without one last; then distributor, product, lot), and
 * stock at today's date lists the same lots.
 */
const on = today();
// past, near (within any near-expiry window), far (past any) and none
const EXPIRIES = [addDays(on, -3), addDays(on, 5), addDays(on, 5), addDays(on, 9), addDays(on, 800), null];
const lotArb = fc.record({
  at: fc.integer({ min: 0, max: 1 }),
  product: fc.integer({ min: 0, max: 1 }),
  expiry: fc.constantFrom(...EXPIRIES),
  quantity: fc.integer({ min: 1, max: 9 }),
});

interface Listed {
  distributorId: string;
  productId: string;
  batchNo: string;
  expiryDate: string | null;
  quantity: number;
}

/** The whole list as the owner pages it `size` rows at a time. */
async function walk(filter: StockFilter, size: number): Promise<Listed[]> {
  const rows: Listed[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await t.app.services.stockReads.stock(owner, { first: size, after }, filter);
    rows.push(...(page.nodes as Listed[]));
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    if (!page.pageInfo.hasNextPage) {
      expect(page.totalCount).toBe(rows.length);
      return rows;
    }
    after = page.pageInfo.endCursor;
  }
}

test('stock today pages in the list’s order at any page size, with any filter', async () => {
  const products = [w.cat.productII, w.cat.productIII];
  await fc.assert(
    fc.asyncProperty(
      fc.array(lotArb, { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 4 }),
      async (lots, size) => {
        const prefix = `SP${randomUUID().slice(0, 8)}`;
        for (const [i, lot] of lots.entries())
          await t.app.services.stock.record(owner, {
            kind: StockMovementKind.ADJUSTED,
            distributorId: w.brand.distributorIds[lot.at],
            productId: products[lot.product],
            batchNo: `${prefix}-${String(i).padStart(2, '0')}`,
            expiryDate: lot.expiry,
            quantity: lot.quantity,
            occurredOn: on,
            reason: '期初',
          });
        const expected = lots
          .map((lot, i) => ({
            distributorId: w.brand.distributorIds[lot.at],
            productId: products[lot.product],
            batchNo: `${prefix}-${String(i).padStart(2, '0')}`,
            expiryDate: lot.expiry,
            quantity: lot.quantity,
          }))
          .sort((a, b) => {
            const key = (r: Listed) =>
              [r.expiryDate ?? '9999-99-99', r.distributorId, r.productId, r.batchNo].join('|');
            return key(a) < key(b) ? -1 : 1;
          });
        const shown = (rows: Listed[]) =>
          rows.map(({ distributorId, productId, batchNo, expiryDate, quantity }) => ({
            distributorId,
            productId,
            batchNo,
            expiryDate,
            quantity,
          }));
        const d1 = w.brand.distributorIds[1];
        expect(shown(await walk({ lot: prefix }, size))).toEqual(expected);
        expect(shown(await walk({ lot: prefix, distributorId: d1 }, size))).toEqual(
          expected.filter((r) => r.distributorId === d1),
        );
        expect(shown(await walk({ lot: prefix, nearExpiry: true }, size))).toEqual(
          expected.filter((r) => r.expiryDate !== null && r.expiryDate <= addDays(on, 30)),
        );
        expect(shown(await walk({ lot: prefix, asOf: on }, size))).toEqual(expected);
      },
    ),
    { numRuns: 25 },
  );
});
