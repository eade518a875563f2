import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import { createDataSource } from '../data-source';
import { distributorByCode } from './demo-data';
import { LAST_MONTH, OPENING_BALANCES, SEED_PAYMENT_ID, seedPaymentDay } from './finance-data';
import { SEED_ORDERS, seedOrderDay, seedShipmentIdOf } from './order-data';
import { seedCalendar } from './seed-clock';

// The demo seed as the run's template seeded it at the start of the run (CI runs this file at
// simulated dates under libfaketime: the first minutes of a month, its last minute, New Year's Eve
// 23:59 China time). Expectations come from the seed's calendar at the seed's own anchor: the
// moment the brands were created.
let ds: DataSource;
beforeAll(async () => {
  ds = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
  await ds.initialize();
});
afterAll(() => ds?.destroy());

/** Planned moments (an appointment, an expiry, a retry): these may lie ahead. Every other time is a fact. */
const PLANNED = new Set(['starts_at', 'ends_at', 'expires_at', 'next_attempt_at', 'bid_opening_at']);
/** Calendar dates of things that happened. */
const DATE_FACTS: Array<[string, string]> = [
  ['ledger_entry', 'occurred_on'],
  ['shipment', 'shipped_on'],
  ['invoice', 'issued_on'],
  ['payment', 'received_on'],
  ['visit_note', 'visited_on'],
  ['certificate', 'issued_on'],
];

test('no seeded time lies in the future: every timestamp of a fact is at most now, every date of a fact at most today (China)', async () => {
  const columns: Array<{ table_name: string; column_name: string }> = await ds.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' ORDER BY table_name, column_name`,
  );
  const facts = columns.filter((c) => !PLANNED.has(c.column_name));
  expect(facts.length).toBeGreaterThan(40);
  const now = new Date();
  const ahead: string[] = [];
  for (const { table_name, column_name } of facts) {
    const [{ latest }] = await ds.query(`SELECT max("${column_name}") AS latest FROM "${table_name}"`);
    if (latest && new Date(latest).getTime() > now.getTime())
      ahead.push(`${table_name}.${column_name} = ${new Date(latest).toISOString()}`);
  }
  for (const [table, column] of DATE_FACTS) {
    const [{ latest }] = await ds.query(`SELECT max(${column})::text AS latest FROM ${table}`);
    if (latest && latest > today(now)) ahead.push(`${table}.${column} = ${latest}`);
  }
  expect(ahead).toEqual([]);
});

test('last month’s statements hold last month’s business and nothing else; this month’s shipment and payment stay in this month', async () => {
  const [{ created_at: anchor }] = await ds.query(`SELECT min(created_at) AS created_at FROM brand`);
  const cal = seedCalendar(new Date(anchor));
  for (const [code, entries] of Object.entries(LAST_MONTH)) {
    const d = distributorByCode(code);
    const statements = await ds.query(
      `SELECT id, period, version, status, opening_balance::text AS opening, closing_balance::text AS closing FROM statement WHERE distributor_id = $1`,
      [d.id],
    );
    expect(statements).toEqual([expect.objectContaining({ period: cal.lastMonth, version: 1, status: 'ISSUED' })]);
    const lines = await ds.query(
      `SELECT memo, amount::text AS amount FROM statement_line WHERE statement_id = $1 ORDER BY line_no`,
      [statements[0].id],
    );
    expect(lines).toEqual(entries.map((e) => ({ memo: e.memo, amount: e.amount })));
    const opening = new Decimal(OPENING_BALANCES[code] ?? '0');
    expect(statements[0].opening).toBe(opening.toFixed(2));
    expect(statements[0].closing).toBe(entries.reduce((sum, e) => sum.plus(e.amount), opening).toFixed(2));
    // the ledger agrees: nothing else of theirs is dated in last month
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE distributor_id = $1 AND occurred_on >= $2 AND occurred_on < $3`,
      [d.id, `${cal.lastMonth}-01`, cal.firstOfThisMonth],
    );
    expect(n).toBe(entries.length);
  }
  const shipped = SEED_ORDERS.find((o) => o.shippedSerials)!;
  const [shipment] = await ds.query(`SELECT shipped_on::text AS on FROM shipment WHERE id = $1`, [
    seedShipmentIdOf(shipped.id),
  ]);
  const [payment] = await ds.query(`SELECT received_on::text AS on FROM payment WHERE id = $1`, [SEED_PAYMENT_ID]);
  expect([shipment.on, payment.on]).toEqual([seedOrderDay(cal, shipped), seedPaymentDay(cal)]);
  expect([shipment.on.slice(0, 7), payment.on.slice(0, 7)]).toEqual([cal.thisMonth, cal.thisMonth]);
  // the balances carried over from before the system are overdue on every day of the month
  const carried = await ds.query(
    `SELECT occurred_on::text AS on, due_on::text AS due FROM ledger_entry WHERE source_type = 'opening_balance'`,
  );
  expect(carried).toHaveLength(Object.keys(OPENING_BALANCES).length);
  for (const c of carried) expect([c.on, c.due < cal.firstOfThisMonth]).toEqual([cal.carriedOverOn, true]);
});
