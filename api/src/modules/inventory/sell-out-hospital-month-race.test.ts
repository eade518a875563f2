import type { Client } from 'pg';
import { TestApp, startTestApp } from '../../../test/harness';
import { onPostgres, testConnection, waitersReach } from '../../../test/locks';
import { addDays, today } from '../../common/dates';
import { InventoryWorld, inventoryWorld, sellOutMonthsOf } from './inventory.test-kit';

/**
 * sell_out_hospital_month counts a (department, product) pair once, whichever distributors sold to
 * it. Two distributors writing the same pair at once each see only their own units until the other
 * commits, so the trigger makes the second wait for the first (the hospital's month is locked
 * first). Made deterministic here: the first writer's transaction stays open while the second
 * writes, then commits. Real PostgreSQL only (PGlite runs one transaction at a time).
 */
const suite = onPostgres ? describe : describe.skip;

let t: TestApp;
let w: InventoryWorld;
let first: Client;
let second: Client;
const month = `${addDays(today(), -90).slice(0, 7)}-01`;
const day = `${month.slice(0, 7)}-15`;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await startTestApp();
  w = await inventoryWorld(t);
  [first, second] = await Promise.all([testConnection(), testConnection()]);
});
afterAll(async () => {
  await Promise.all([first?.end(), second?.end()]);
  await t?.stop();
});

/** One movement of `quantity` (negative: sold) by distributor `d` at the city's laboratory. */
async function move(c: Client, d: number, quantity: number): Promise<void> {
  const [user] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [w.brand.ownerEmail]);
  await c.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
     VALUES ($1, $2, $3, 'RACE', $4, $5, $6, $7, $8, $9)`,
    [
      w.brand.brandId,
      w.brand.distributorIds[d],
      w.cat.productII,
      quantity < 0 ? 'SOLD_OUT' : 'RETURNED',
      quantity,
      day,
      w.cat.hospitalInCity,
      w.departmentId,
      user.id,
    ],
  );
}

/** D0 writes in an open transaction; D1 writes meanwhile (it waits, as it must); then D0 commits, and D1. */
async function race(q0: number, q1: number): Promise<void> {
  await first.query('BEGIN');
  await second.query('BEGIN');
  await move(first, 0, q0);
  const later = move(second, 1, q1);
  // the second writer either finished (no lock stopped it) or waits for the first
  await Promise.race([later, waitersReach(t.app.ds, 1).catch(() => undefined)]);
  await first.query('COMMIT');
  await later;
  await second.query('COMMIT');
}

const kept = async () =>
  (
    await t.app.ds.query(
      `SELECT rows, units FROM sell_out_hospital_month WHERE brand_id = $1 AND hospital_id = $2 AND month = $3`,
      [w.brand.brandId, w.cat.hospitalInCity, month],
    )
  )[0];

suite('two distributors writing one pair of a hospital’s month at once', () => {
  test('their sales count one row, their returns of all of it none', async () => {
    // the month's row exists already (a sale and its return): only the lock orders the writers
    await move(first, 0, -2);
    await move(first, 0, 2);
    expect(await kept()).toEqual({ rows: 0, units: 0 });

    await race(-3, -4);
    expect(await kept()).toEqual({ rows: 1, units: 7 });
    await race(3, 4);
    expect(await kept()).toEqual({ rows: 0, units: 0 });

    const months = await sellOutMonthsOf(t.app.ds, w.brand.brandId);
    expect(months.kept).toEqual(months.summed);
  });
});
