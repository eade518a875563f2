import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { LedgerEntryKind } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { Decimal } from '../../common/money';
import { addDays, today } from '../../common/dates';

/**
 * The open receivables the database keeps (receivable_open_item, refreshed by a trigger on every
 * ledger write) always equal the FIFO settlement computed here, independently, from the entries:
 * after random sequences of receivables, payments, credit notes and reversals, written through
 * the ledger service or straight into the table, in transactions that commit or roll back, and
 * from several connections at once.
 */
let t: TestApp;
let brand: BrandFixture;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
});
afterAll(() => t?.stop());

interface Entry {
  id: string;
  amount: string;
  occurred_on: string;
  due_on: string | null;
  reverses_id: string | null;
}

/** FIFO from the entries alone: reversed entries and reversals drop out; credits settle by (due, occurred, id). */
function fifo(entries: Entry[]): Array<{ id: string; outstanding: string }> {
  const reversed = new Set(entries.map((e) => e.reverses_id).filter(Boolean));
  const live = entries.filter((e) => !e.reverses_id && !reversed.has(e.id));
  let credit = live.filter((e) => new Decimal(e.amount).lt(0)).reduce((s, e) => s.minus(e.amount), new Decimal(0));
  const key = (e: Entry) => [e.due_on ?? e.occurred_on, e.occurred_on, e.id];
  const items = live
    .filter((e) => new Decimal(e.amount).gt(0))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] < kb[0] ? -1 : ka[0] > kb[0] ? 1 : ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : ka[2] < kb[2] ? -1 : 1;
    });
  const open: Array<{ id: string; outstanding: string }> = [];
  for (const item of items) {
    const used = Decimal.min(credit, item.amount);
    credit = credit.minus(used);
    const left = new Decimal(item.amount).minus(used);
    if (left.gt(0)) open.push({ id: item.id, outstanding: left.toFixed(2) });
  }
  return open;
}

async function newDistributor(): Promise<string> {
  const [d] = await t.app.ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, tier, region_id) SELECT brand_id, $2, $3, 'FORMAL', 1, region_id FROM distributor WHERE id = $1 RETURNING id`,
    [brand.distributorIds[0], `应收性质 ${randomUUID().slice(0, 8)}`, `RO-${randomUUID().slice(0, 8)}`],
  );
  return d.id;
}

async function expectKeptEqualsFifo(distributorId: string): Promise<void> {
  const entries: Entry[] = await t.app.ds.query(
    `SELECT id, amount::text AS amount, occurred_on::text AS occurred_on, due_on::text AS due_on, reverses_id FROM ledger_entry WHERE distributor_id = $1`,
    [distributorId],
  );
  const kept: Array<{ id: string; outstanding: string }> = await t.app.ds.query(
    `SELECT entry_id AS id, outstanding::text AS outstanding FROM receivable_open_item WHERE distributor_id = $1 ORDER BY due_on, occurred_on, entry_id`,
    [distributorId],
  );
  expect(kept).toEqual(fifo(entries));
  const [days] = await t.app.ds.query(
    `SELECT (SELECT COALESCE(SUM(outstanding), 0) FROM receivable_open_day WHERE distributor_id = $1)::text AS days,
            (SELECT count(*) FROM receivable_open_day d WHERE distributor_id = $1 AND outstanding <> (
               SELECT SUM(outstanding) FROM receivable_open_item i WHERE i.distributor_id = d.distributor_id AND i.occurred_on = d.occurred_on AND i.due_on = d.due_on))::int AS wrong`,
    [distributorId],
  );
  expect([days.wrong, new Decimal(days.days).toFixed(2)]).toEqual([
    0,
    kept.reduce((s, k) => s.plus(k.outstanding), new Decimal(0)).toFixed(2),
  ]);
}

const cents = fc.integer({ min: 1, max: 5_000_000 }).map((c) => new Decimal(c).dividedBy(100).toFixed(2));
const write = fc.record({
  kind: fc.constantFrom('SHIP', 'SHIP', 'SHIP', 'PAY', 'CREDIT', 'REVERSE'),
  amount: cents,
  // few distinct days, so equal due dates and equal occurrence days (the id decides) are common
  daysAgo: fc.integer({ min: 0, max: 6 }).map((n) => n * 20),
  terms: fc.constantFrom(null, 0, 30, 60),
  pick: fc.nat(),
  direct: fc.boolean(),
});
const batch = fc.record({ writes: fc.array(write, { minLength: 1, maxLength: 6 }), rollback: fc.boolean() });

test('the kept open items equal the FIFO from the entries after random writes, commits and rollbacks', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 6 }), async (batches) => {
      const d = await newDistributor();
      const posted: string[] = [];
      for (const b of batches) {
        const inBatch: string[] = [];
        await t.app.ds
          .transaction(async (em) => {
            for (const w of b.writes) {
              if (w.kind === 'REVERSE') {
                const candidates = [...posted, ...inBatch];
                const target = candidates[w.pick % Math.max(candidates.length, 1)];
                if (!target) continue;
                const [entry] = await em.query(
                  `SELECT 1 FROM ledger_entry WHERE reverses_id = $1 OR (id = $1 AND reverses_id IS NOT NULL)`,
                  [target],
                );
                if (entry) continue;
                const original = await t.app.services.ledger.bySource(
                  em,
                  'property',
                  (await em.query(`SELECT source_id FROM ledger_entry WHERE id = $1`, [target]))[0].source_id,
                );
                await t.app.services.ledger.reverse(
                  em,
                  original!,
                  { type: 'property', id: randomUUID() },
                  null as unknown as string,
                  'reversed',
                );
                continue;
              }
              const on = addDays(today(), -w.daysAgo);
              const kind = {
                SHIP: LedgerEntryKind.SHIPMENT_RECEIVABLE,
                PAY: LedgerEntryKind.PAYMENT,
                CREDIT: LedgerEntryKind.CREDIT_NOTE,
              }[w.kind as 'SHIP' | 'PAY' | 'CREDIT'];
              const amount = w.kind === 'SHIP' ? w.amount : new Decimal(w.amount).negated().toFixed(2);
              const dueOn = w.kind === 'SHIP' && w.terms !== null ? addDays(on, w.terms) : null;
              if (w.direct) {
                const [row] = await em.query(
                  `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
                 VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'property', gen_random_uuid()) RETURNING id`,
                  [brand.brandId, d, kind, amount, on, dueOn],
                );
                inBatch.push(row.id);
              } else {
                const entry = await t.app.services.ledger.append(em, {
                  brandId: brand.brandId,
                  distributorId: d,
                  kind,
                  amount,
                  currency: 'CNY',
                  occurredOn: on,
                  dueOn,
                  sourceType: 'property',
                  sourceId: randomUUID(),
                  createdBy: null,
                });
                inBatch.push(entry.id);
              }
            }
            if (b.rollback) throw new RollBack();
          })
          .catch((err) => {
            if (!(err instanceof RollBack)) throw err;
          });
        if (!b.rollback) posted.push(...inBatch);
        await expectKeptEqualsFifo(d);
      }
    }),
    { numRuns: 25 },
  );
});

class RollBack extends Error {}

test('writes to one account from several connections at once leave the kept items equal to the FIFO', async () => {
  const d = await newDistributor();
  const post = (amount: string, daysAgo: number, kind: LedgerEntryKind) =>
    t.app.ds.transaction(async (em) => {
      const on = addDays(today(), -daysAgo);
      await t.app.services.ledger.append(em, {
        brandId: brand.brandId,
        distributorId: d,
        kind,
        amount,
        currency: 'CNY',
        occurredOn: on,
        dueOn: kind === LedgerEntryKind.SHIPMENT_RECEIVABLE ? addDays(on, 30) : null,
        sourceType: 'property',
        sourceId: randomUUID(),
        createdBy: null,
      });
      // hold the transaction open a moment, so the others queue behind this account's lock
      await em.query(`SELECT pg_sleep(0.01)`);
    });
  await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      i % 3 === 2
        ? post(`-${((i * 37) % 500) + 10}.25`, i, LedgerEntryKind.PAYMENT)
        : post(`${((i * 53) % 900) + 100}.50`, 60 - i, LedgerEntryKind.SHIPMENT_RECEIVABLE),
    ),
  );
  await expectKeptEqualsFifo(d);
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM receivable_open_item WHERE distributor_id = $1`,
    [d],
  );
  expect(n).toBeGreaterThan(0);
});
