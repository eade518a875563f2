import { randomUUID } from 'node:crypto';
import { Audience, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { onPostgres, testConnection, waitersReach } from '../../../test/locks';
import { addDays, today } from '../../common/dates';

/**
 * A lowered credit limit binds orders already queued behind the distributor's credit lock. The
 * race is made deterministic: the test holds the lock from a connection of its own, lets orders
 * queue, changes the limit, and releases. Needs real PostgreSQL (PGlite runs one transaction at
 * a time, so a held lock would stop everything).
 */
const suite = onPostgres ? describe : describe.skip;

let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id total { amount } } }`;
const LIMIT = `mutation($d: ID!, $v: Int!, $a: Decimal!) { setCreditLimit(distributorId: $d, expectedVersion: $v, amount: $a) { id creditLimit { amount } version } }`;

async function distributorWithRep(index: number, limit: string) {
  const d = brand.distributorIds[index];
  await t.app.ds.query(`UPDATE distributor SET credit_limit = $2 WHERE id = $1`, [d, limit]);
  await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
    [brand.brandId, d, [cat.lineId], [cat.cityId], addDays(today(), -1), addDays(today(), 30)],
  );
  const [{ email }] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
    d,
  ]);
  const rep = t.client(Audience.PORTAL);
  await rep.login(email);
  return { d, rep };
}

// an order of 10 × 100.00 = 1000.00
const order = (rep: GqlClient) =>
  rep.request(PLACE, {
    i: {
      kind: 'HOSPITAL',
      hospitalId: cat.hospitalInCity,
      lines: [{ productId: cat.productIII, quantity: 10 }],
      idempotencyKey: randomUUID(),
    },
  });

suite('a lowered credit limit under concurrency', () => {
  beforeAll(async () => {
    t = await startTestApp({ dbPoolSize: 12 });
    brand = await createBrand(t.app.ds, 6);
    cat = await createCatalog(t.app.ds, brand);
    admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
  });
  afterAll(() => t?.stop());

  test('orders queued when the limit is lowered are decided against the new limit', async () => {
    const { d, rep } = await distributorWithRep(2, '20000.00');
    const lock = await testConnection();
    try {
      await lock.query('BEGIN');
      await lock.query(`SELECT pg_advisory_xact_lock(hashtext('credit:' || $1))`, [d]);
      const burst = Array.from({ length: 8 }, () => order(rep));
      await waitersReach(t.app.ds, 8);
      // the new limit commits while all eight wait: it fits three of them
      await t.app.ds.query(`UPDATE distributor SET credit_limit = '3000.00' WHERE id = $1`, [d]);
      await lock.query('COMMIT');
      const results = await Promise.all(burst);
      expect(results.filter((r) => !r.errors.length)).toHaveLength(3);
      expect(results.filter((r) => reasonOf(r) === ErrorReason.CREDIT_LIMIT_EXCEEDED)).toHaveLength(5);
      const [{ open }] = await t.app.ds.query(
        `SELECT COALESCE(SUM(total - shipped_total), 0)::text AS open FROM purchase_order WHERE distributor_id = $1 AND status = 'SUBMITTED'`,
        [d],
      );
      expect(open).toBe('3000.00');
    } finally {
      await lock.end();
    }
  });

  test('setCreditLimit takes the lock orders are decided under', async () => {
    const { d } = await distributorWithRep(3, '20000.00');
    const [{ version }] = await t.app.ds.query(`SELECT version FROM distributor WHERE id = $1`, [d]);
    const lock = await testConnection();
    try {
      await lock.query('BEGIN');
      await lock.query(`SELECT pg_advisory_xact_lock(hashtext('credit:' || $1))`, [d]);
      let done = false;
      const change = admin.request(LIMIT, { d, v: version, a: '2000.00' }).finally(() => (done = true));
      await waitersReach(t.app.ds, 1);
      expect(done).toBe(false);
      const [{ limit }] = await t.app.ds.query(`SELECT credit_limit::text AS limit FROM distributor WHERE id = $1`, [
        d,
      ]);
      expect(limit).toBe('20000.00');
      await lock.query('COMMIT');
      const r = await change;
      expect(r.errors).toEqual([]);
      expect(r.data.setCreditLimit.creditLimit.amount).toBe('2000.00');
    } finally {
      await lock.end();
    }
  });
});
