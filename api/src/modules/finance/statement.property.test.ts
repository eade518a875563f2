import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { LedgerEntryKind } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, adminScopeOf, createBrand } from '../../../test/factories';
import { Scope } from '../../auth/scope';
import { Decimal } from '../../common/money';
import { addDays, today } from '../../common/dates';
import { periodBounds, previousPeriod } from './statement-issue';

/**
 * For random sequences of shipments, payments, credit notes and reversals over three closed
 * months, every statement's closing balance equals its opening balance plus its lines, the next
 * month opens where this one closed, and the last one closes on the sum of every entry.
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

const months = (() => {
  const m3 = previousPeriod(today());
  const m2 = previousPeriod(`${m3}-01`);
  const m1 = previousPeriod(`${m2}-01`);
  return [m1, m2, m3];
})();

const cents = fc.integer({ min: 1, max: 50_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
const op = fc.record({
  kind: fc.constantFrom('SHIP', 'SHIP', 'PAY', 'CREDIT', 'REVERSE'),
  amount: cents,
  month: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 1, max: 28 }),
  pick: fc.nat(),
});

test('statements chain: closing = opening + lines; next opening = this closing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const [d] = await t.app.ds.query(
        `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id) SELECT brand_id, $2, $3, 'FORMAL', 1, region_id FROM distributor WHERE id = $1 RETURNING id`,
        [brand.distributorIds[0], `性质测试 ${randomUUID().slice(0, 8)}`, `PT-${randomUUID().slice(0, 8)}`],
      );
      const receivables: Array<{ id: string; amount: string; on: string }> = [];
      let all = new Decimal(0);
      await t.app.ds.transaction(async (em) => {
        for (const o of ops) {
          const on = `${months[o.month]}-${String(o.day).padStart(2, '0')}`;
          const base = {
            brandId: brand.brandId,
            distributorId: d.id,
            currency: 'CNY',
            occurredOn: on,
            sourceType: 'property',
            sourceId: randomUUID(),
            createdBy: null,
          };
          if (o.kind === 'REVERSE') {
            const target = receivables.splice(o.pick % Math.max(receivables.length, 1), 1)[0];
            if (!target) continue;
            const entry = await t.app.services.ledger.bySource(
              em,
              'property',
              (await em.query(`SELECT source_id FROM ledger_entry WHERE id = $1`, [target.id]))[0].source_id,
            );
            await t.app.services.ledger.reverse(
              em,
              entry!,
              { type: 'property', id: randomUUID() },
              scope.userId,
              'reversed',
            );
            all = all.minus(target.amount);
            continue;
          }
          const sign = o.kind === 'SHIP' ? 1 : -1;
          const kind = {
            SHIP: LedgerEntryKind.SHIPMENT_RECEIVABLE,
            PAY: LedgerEntryKind.PAYMENT,
            CREDIT: LedgerEntryKind.CREDIT_NOTE,
          }[o.kind as 'SHIP' | 'PAY' | 'CREDIT'];
          const amount = new Decimal(o.amount).times(sign).toFixed(2);
          const entry = await t.app.services.ledger.append(em, { ...base, kind, amount });
          if (o.kind === 'SHIP') receivables.push({ id: entry.id, amount, on });
          all = all.plus(amount);
        }
      });
      let previousClosing = new Decimal(0);
      for (const period of months) {
        const s = await t.app.services.statements.generate(scope, d.id, period);
        const lines = await t.app.services.statements.linesByStatementIds(scope, [s.id]);
        const sum = lines.reduce((acc, l) => acc.plus(l.amount), new Decimal(0));
        expect(new Decimal(s.openingBalance).eq(previousClosing)).toBe(true);
        expect(new Decimal(s.closingBalance).eq(new Decimal(s.openingBalance).plus(sum))).toBe(true);
        const { first, last } = periodBounds(period);
        expect(lines.every((l) => l.occurredOn >= first && l.occurredOn <= last)).toBe(true);
        previousClosing = new Decimal(s.closingBalance);
      }
      // reversals are dated like the entry they reverse, so every entry falls in the three months
      expect(previousClosing.eq(all)).toBe(true);
    }),
    { numRuns: 30 },
  );
});

test('the scheduled job issues last month’s statements once', async () => {
  const [d] = await t.app.ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id) SELECT brand_id, $2, $3, 'FORMAL', 1, region_id FROM distributor WHERE id = $1 RETURNING id`,
    [brand.distributorIds[0], `定时任务 ${randomUUID().slice(0, 8)}`, `JOB-${randomUUID().slice(0, 8)}`],
  );
  await t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id) VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '10.00', 'CNY', $3, 'fixture', gen_random_uuid())`,
    [brand.brandId, d.id, addDays(`${today().slice(0, 7)}-01`, -2)],
  );
  expect(await t.app.services.statements.generateDue(today(), brand.brandId)).toBeGreaterThanOrEqual(1);
  const count = async () =>
    (await t.app.ds.query(`SELECT count(*)::int AS n FROM statement WHERE distributor_id = $1`, [d.id]))[0].n;
  expect(await count()).toBe(1);
  await t.app.services.statements.generateDue(today(), brand.brandId);
  expect(await count()).toBe(1);
});
