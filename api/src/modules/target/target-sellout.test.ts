import { randomUUID } from 'node:crypto';
import { PROPOSE, kit, orderOf, proposal, startKit } from './target.test-kit';

/**
 * A target's monthly series: sell-in from orders and sell-out (流向) valued at the distributor's
 * tier price on each line's day, unreported months null. Figures for year 2030, by hand:
 *
 * Prices of the kit's product P2 (list price 100.00): tier 1 80.00 from 01-01 to 02-28, then 90.00
 * from 03-01; tier 2 70.00 from 01-01. D0 is tier 1, re-tiered to 2 from 03-20.
 *
 * - Jan: nothing reported → sell-out null; sell-in 0.00.
 * - Feb: sold 3 on 02-10 at tier 1's 80.00 = 240.00; a hospital returns 1 on 02-20 at 80.00 = −80.00
 *        → 160.00. D2 (another distributor) sells 5 on 02-12: not counted. D0 receives 50 (not a
 *        sell-out): not counted. Sell-in: an approved order of 2 × 100.00 = 200.00.
 * - Mar: sold 2 on 03-05 at tier 1's new 90.00 = 180.00; sold 4 on 03-25 at tier 2's 70.00 (the
 *        re-tier from 03-20) = 280.00 → 460.00.
 * - Apr: nothing reported → null.
 * - May: a sell-out upload committed with nothing of this line → reported, 0.00.
 * Sell-out total 160.00 + 460.00 + 0.00 = 620.00. Cumulative sell-in from Feb 200.00 of the yearly
 * 4000.00 = 5.0%.
 */
beforeAll(startKit);
afterAll(() => kit.t?.stop());

const SERIES = `query($f: TargetFilter!) { salesTargets(filter: $f) { id progress {
  sellOutTotal { amount currency } series { month sellIn { amount currency } sellOut { amount currency }
  cumulative { amount } attainment } } } }`;

async function move(distributorId: string, kind: string, quantity: number, on: string, hospital = true) {
  const ds = kit.t.app.ds;
  const [u] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN'`, [kit.brand.brandId]);
  await ds.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, created_by)
     VALUES ($1, $2, $3, 'B1', $4, $5, $6, $7, $8)`,
    [
      kit.brand.brandId,
      distributorId,
      kit.cat.productII,
      kind,
      quantity,
      on,
      hospital ? kit.cat.hospitalInCity : null,
      u.id,
    ],
  );
}

beforeAll(async () => {
  const ds = kit.t.app.ds;
  const [d0, , d2] = kit.brand.distributorIds;
  const [u] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN'`, [kit.brand.brandId]);
  await ds.query(
    `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from, effective_to) VALUES
     ($1, $2, 1, '80.00', '2030-01-01', '2030-02-28'), ($1, $2, 1, '90.00', '2030-03-01', NULL),
     ($1, $2, 2, '70.00', '2030-01-01', NULL)`,
    [kit.brand.brandId, kit.cat.productII],
  );
  await ds.query(
    `INSERT INTO distributor_tier (brand_id, distributor_id, tier, effective_from, created_by) VALUES ($1, $2, 2, '2030-03-20', $3)`,
    [kit.brand.brandId, d0, u.id],
  );
  await move(d0, 'RECEIVED', 50, '2030-02-01', false);
  await move(d0, 'SOLD_OUT', -3, '2030-02-10');
  await move(d0, 'RETURNED', 1, '2030-02-20');
  await move(d2, 'SOLD_OUT', -5, '2030-02-12');
  await move(d0, 'SOLD_OUT', -2, '2030-03-05');
  await move(d0, 'SOLD_OUT', -4, '2030-03-25');
  await ds.query(
    `INSERT INTO sellout_upload (brand_id, distributor_id, created_by, kind, month, content_hash, status, total_rows, rows, errors, committed_at)
     VALUES ($1, $2, $3, 'SELL_OUT', '2030-05', repeat('a', 64), 'COMMITTED', 0, '[]', '[]', now())`,
    [kit.brand.brandId, d0, u.id],
  );
  await orderOf(d0, 'APPROVED', '2030-02-03T10:00:00+08:00', 2, '100.00');
  const made = await kit.admin.request(PROPOSE, {
    i: proposal({ yearlyAmount: '4000.00', idempotencyKey: randomUUID() }),
  });
  expect(made.errors).toEqual([]);
});

const cny = (amount: string) => ({ amount, currency: 'CNY' });

test('the series gives each month of the year its sell-in and its sell-out at the tier price of the day', async () => {
  const res = await kit.admin.request(SERIES, { f: { year: 2030, distributorId: kit.brand.distributorIds[0] } });
  expect(res.errors).toEqual([]);
  const [target] = res.data.salesTargets;
  const { series, sellOutTotal } = target.progress;
  expect(series.map((m: { month: string }) => m.month)).toEqual(
    Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`),
  );
  expect(series.slice(0, 5)).toEqual([
    { month: '2030-01', sellIn: cny('0.00'), sellOut: null, cumulative: { amount: '0.00' }, attainment: '0.0' },
    {
      month: '2030-02',
      sellIn: cny('200.00'),
      sellOut: cny('160.00'),
      cumulative: { amount: '200.00' },
      attainment: '5.0',
    },
    {
      month: '2030-03',
      sellIn: cny('0.00'),
      sellOut: cny('460.00'),
      cumulative: { amount: '200.00' },
      attainment: '5.0',
    },
    { month: '2030-04', sellIn: cny('0.00'), sellOut: null, cumulative: { amount: '200.00' }, attainment: '5.0' },
    {
      month: '2030-05',
      sellIn: cny('0.00'),
      sellOut: cny('0.00'),
      cumulative: { amount: '200.00' },
      attainment: '5.0',
    },
  ]);
  expect(series.slice(5).every((m: { sellOut: unknown }) => m.sellOut === null)).toBe(true);
  expect(sellOutTotal).toEqual(cny('620.00'));
});

test('the owner sees the same series on his own target', async () => {
  const res = await kit.owner.request(SERIES, { f: { year: 2030 } });
  expect(res.errors).toEqual([]);
  expect(res.data.salesTargets).toHaveLength(1);
  expect(res.data.salesTargets[0].progress.sellOutTotal).toEqual(cny('620.00'));
  expect(res.data.salesTargets[0].progress.series[2].sellOut).toEqual(cny('460.00'));
});

test('a year with nothing reported has no sell-out total', async () => {
  const [d0] = kit.brand.distributorIds;
  const made = await kit.admin.request(PROPOSE, {
    i: proposal({ year: 2031, yearlyAmount: '100.00', idempotencyKey: randomUUID() }),
  });
  expect(made.errors).toEqual([]);
  const res = await kit.admin.request(SERIES, { f: { year: 2031, distributorId: d0 } });
  expect(res.data.salesTargets[0].progress.sellOutTotal).toBeNull();
  expect(res.data.salesTargets[0].progress.series).toHaveLength(12);
});
