import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { LedgerEntryKind, PaymentMethod } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, adminScopeOf, createBrand } from '../../../test/factories';
import { Scope } from '../../auth/scope';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import { LedgerEntry } from '../ledger';
import { periodBounds, previousPeriod } from './statement-issue';

/**
 * A stated month is closed: for arbitrary interleavings of shipments, payments with arbitrary
 * dates (earlier months included), entries written by hand-written SQL, reversals, statements
 * issued for any ended month and confirmations, every ISSUED or CONFIRMED statement keeps equal
 * to what the ledger says of its month (opening balance, lines, debits, credits, closing balance),
 * and no entry is posted after today.
 */
let t: TestApp;
let brand: BrandFixture;
let scope: Scope;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
  scope = await adminScopeOf(t.app.ds, brand);
});
afterAll(() => t?.stop());

const now = today();
const months = (() => {
  const m3 = previousPeriod(now);
  const m2 = previousPeriod(`${m3}-01`);
  const m1 = previousPeriod(`${m2}-01`);
  return [m1, m2, m3];
})();
/** A day of one of the three ended months, or of this month up to today. */
const day = fc
  .record({ month: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day: d }) => {
    const on =
      month === 3
        ? `${now.slice(0, 7)}-${String(d).padStart(2, '0')}`
        : `${months[month]}-${String(d).padStart(2, '0')}`;
    return on > now ? now : on;
  });
const cents = fc.integer({ min: 1, max: 5_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
const op = fc.oneof(
  fc.record({ kind: fc.constant('SHIP' as const), on: day, amount: cents }),
  fc.record({ kind: fc.constant('PAY' as const), on: day, amount: cents }),
  fc.record({ kind: fc.constant('RAW' as const), on: day, amount: cents }),
  fc.record({ kind: fc.constant('REVERSE' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('ISSUE' as const), month: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('CONFIRM' as const), pick: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(d: string, o: Op): Promise<void> {
  const { ledger, statements, statementReview, payments } = t.app.services;
  const base = {
    brandId: brand.brandId,
    distributorId: d,
    currency: 'CNY',
    sourceType: 'property',
    sourceId: randomUUID(),
    createdBy: null,
  };
  switch (o.kind) {
    case 'SHIP':
      await t.app.ds.transaction((em) =>
        ledger.append(em, { ...base, kind: LedgerEntryKind.SHIPMENT_RECEIVABLE, amount: o.amount, occurredOn: o.on }),
      );
      return;
    case 'PAY':
      await payments.record(scope, {
        distributorId: d,
        amount: o.amount,
        receivedOn: o.on,
        method: PaymentMethod.BANK_TRANSFER,
        externalRef: `BANK-${randomUUID()}`,
      });
      return;
    case 'RAW':
      // a path that bypasses the ledger service (an import, a fix by hand)
      await t.app.ds.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id) VALUES ($1, $2, 'ADJUSTMENT', $3, 'CNY', $4, 'property', gen_random_uuid())`,
        [brand.brandId, d, o.amount, o.on],
      );
      return;
    case 'REVERSE': {
      const open = await t.app.ds.query(
        `SELECT e.id FROM ledger_entry e WHERE e.distributor_id = $1 AND e.kind = 'SHIPMENT_RECEIVABLE' AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id) ORDER BY e.created_at, e.id`,
        [d],
      );
      if (!open.length) return;
      await t.app.ds.transaction(async (em) => {
        const entry = await em.findOneByOrFail(LedgerEntry, { id: open[o.pick % open.length].id });
        await ledger.reverse(em, entry, { type: 'property', id: randomUUID() }, scope.userId, 'reversed');
      });
      return;
    }
    case 'ISSUE':
      await statements.generate(scope, d, months[o.month]);
      return;
    case 'CONFIRM': {
      const issued = await t.app.ds.query(
        `SELECT id FROM statement WHERE distributor_id = $1 AND status = 'ISSUED' ORDER BY period`,
        [d],
      );
      if (issued.length) await statementReview.confirm(scope, issued[o.pick % issued.length].id);
      return;
    }
  }
}

/** Each issued or confirmed statement against the ledger's figures for its month, now. */
async function mismatches(d: string): Promise<string[]> {
  const found: string[] = [];
  const stated = await t.app.ds.query(
    `SELECT id, period, status, opening_balance::text AS opening, debits::text AS debits, credits::text AS credits, closing_balance::text AS closing
       FROM statement WHERE distributor_id = $1 AND status IN ('ISSUED', 'CONFIRMED')`,
    [d],
  );
  for (const s of stated) {
    const { first, last } = periodBounds(s.period);
    const [{ opening }] = await t.app.ds.query(
      `SELECT COALESCE(SUM(amount), 0)::text AS opening FROM ledger_entry WHERE distributor_id = $1 AND occurred_on < $2`,
      [d, first],
    );
    const entries: Array<{ id: string; amount: string }> = await t.app.ds.query(
      `SELECT id, amount::text AS amount FROM ledger_entry WHERE distributor_id = $1 AND occurred_on BETWEEN $2 AND $3 ORDER BY id`,
      [d, first, last],
    );
    const lines: Array<{ id: string }> = await t.app.ds.query(
      `SELECT ledger_entry_id AS id FROM statement_line WHERE statement_id = $1 ORDER BY ledger_entry_id`,
      [s.id],
    );
    const debits = entries
      .filter((e) => new Decimal(e.amount).gt(0))
      .reduce((a, e) => a.plus(e.amount), new Decimal(0));
    const credits = entries
      .filter((e) => new Decimal(e.amount).lt(0))
      .reduce((a, e) => a.minus(e.amount), new Decimal(0));
    const ledgerSays = {
      opening: new Decimal(opening).toFixed(2),
      debits: debits.toFixed(2),
      credits: credits.toFixed(2),
      closing: new Decimal(opening).plus(debits).minus(credits).toFixed(2),
      lines: entries.map((e) => e.id).join(),
    };
    const statementSays = {
      opening: s.opening,
      debits: s.debits,
      credits: s.credits,
      closing: s.closing,
      lines: lines.map((l) => l.id).join(),
    };
    if (JSON.stringify(ledgerSays) !== JSON.stringify(statementSays))
      found.push(
        `${s.period} ${s.status}: statement ${JSON.stringify(statementSays)} ledger ${JSON.stringify(ledgerSays)}`,
      );
  }
  const [{ late }] = await t.app.ds.query(
    `SELECT count(*)::int AS late FROM ledger_entry WHERE distributor_id = $1 AND (occurred_on > $2 OR value_on >= occurred_on)`,
    [d, now],
  );
  if (late) found.push(`${late} entries posted after today or on/after their own date`);
  return found;
}

test('issued and confirmed statements always equal the ledger for their month', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
      const [d] = await t.app.ds.query(
        `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id) SELECT brand_id, $2, $3, 'FORMAL', 1, region_id FROM distributor WHERE id = $1 RETURNING id`,
        [brand.distributorIds[0], `封账测试 ${randomUUID().slice(0, 8)}`, `CP-${randomUUID().slice(0, 8)}`],
      );
      for (const o of ops) {
        await apply(d.id, o);
        expect(await mismatches(d.id)).toEqual([]);
      }
    }),
    { numRuns: 25 },
  );
});

test('a payment dated into a stated month counts in the open period and keeps the day it was received', async () => {
  const [d] = await t.app.ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id) SELECT brand_id, $2, $3, 'FORMAL', 1, region_id FROM distributor WHERE id = $1 RETURNING id`,
    [brand.distributorIds[0], `迟到回款 ${randomUUID().slice(0, 8)}`, `LP-${randomUUID().slice(0, 8)}`],
  );
  const [m1] = months;
  await apply(d.id, { kind: 'SHIP', on: `${m1}-10`, amount: '1000.00' });
  await apply(d.id, { kind: 'ISSUE', month: 1 });
  const p = await t.app.services.payments.record(scope, {
    distributorId: d.id,
    amount: '400.00',
    receivedOn: `${m1}-28`,
    method: PaymentMethod.BANK_TRANSFER,
    externalRef: `BANK-${randomUUID()}`,
  });
  expect(p.receivedOn).toBe(`${m1}-28`);
  const [entry] = await t.app.ds.query(
    `SELECT occurred_on::text AS on, value_on::text AS value FROM ledger_entry WHERE source_type = 'payment' AND source_id = $1`,
    [p.id],
  );
  // m2 is stated, so m1 and m2 are closed: it counts on the first day after m2
  expect(entry).toEqual({ on: periodBounds(months[2]).first, value: `${m1}-28` });
  expect(await mismatches(d.id)).toEqual([]);
});
