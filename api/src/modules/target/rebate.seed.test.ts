import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { distributorByCode } from '../../db/seed/demo-data';
import { seedCalendar } from '../../db/seed/seed-clock';
import { REBATE_SEED as R, quarterBefore } from './rebate.seed-data';

/**
 * The rebate demo as the API reads it: 苏州恒康's closed quarter (the one before the seed's) on
 * 体外诊断试剂 has the seed's sell-in from a delivered, paid order, reaches the 2 % band and is
 * due its rebate, nothing yet posted; finance's approval posts it to the ledger on the quarter's
 * last day, as a REBATE credit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const QUARTER = `quarter ended attainment policyVersion target { id distributor { name } productLine { name } }
  quarterAmount { amount } sellIn { amount } band { threshold rate } rebate { amount currency } posted { amount }
  pending { amount } nextBand { threshold rate } moreToNext { amount }`;

test('the seeded closed quarter is due its rebate, and approving it posts a REBATE on the quarter’s last day', async () => {
  const [{ anchor }] = await t.app.ds.query(`SELECT min(created_at) AS anchor FROM brand`);
  const { year, quarter, months } = quarterBefore(seedCalendar(new Date(anchor)).today);
  const hgk = distributorByCode(R.distributorCode).id;
  const finance = t.client(Audience.CONSOLE);
  await finance.login('finance@huakang.demo');
  const read = await finance.request(
    `query($y: Int!, $q: Int!, $d: ID) { quarterRebates(year: $y, quarter: $q, distributorId: $d) { ${QUARTER} } }`,
    { y: year, q: quarter, d: hgk },
  );
  expect(read.errors).toEqual([]);
  expect(read.data.quarterRebates).toEqual([
    expect.objectContaining({
      quarter,
      ended: true,
      attainment: '0.8788',
      policyVersion: 1,
      target: {
        id: R.targetId,
        distributor: { name: '苏州恒康医疗器械有限公司' },
        productLine: { name: '体外诊断试剂' },
      },
      quarterAmount: { amount: R.quarterAmount },
      sellIn: { amount: R.sellIn },
      band: { threshold: '0.8000', rate: '0.0200' },
      rebate: { amount: R.rebate, currency: 'CNY' },
      posted: { amount: '0.00' },
      pending: { amount: R.rebate },
      nextBand: { threshold: '1.0000', rate: '0.0300' },
      moreToNext: { amount: R.moreToNext },
    }),
  ]);
  // the order is delivered and paid: the account stands at zero before the rebate
  const [order] = await t.app.ds.query(`SELECT status FROM purchase_order WHERE id = $1`, [R.orderId]);
  const [{ balance }] = await t.app.ds.query(
    `SELECT COALESCE(SUM(amount), 0)::numeric(18,2)::text AS balance FROM ledger_entry WHERE distributor_id = $1`,
    [hgk],
  );
  expect([order.status, balance]).toEqual(['DELIVERED', '0.00']);

  const approved = await finance.request(
    `mutation($i: ApproveRebateInput!) { approveRebate(input: $i) { posted { amount } pending { amount } } }`,
    { i: { targetId: R.targetId, quarter, idempotencyKey: randomUUID() } },
  );
  expect(approved.errors).toEqual([]);
  expect(approved.data.approveRebate).toEqual({ posted: { amount: R.rebate }, pending: { amount: '0.00' } });
  const entries = await t.app.ds.query(
    `SELECT amount::text, occurred_on::text AS on FROM ledger_entry WHERE distributor_id = $1 AND kind = 'REBATE'`,
    [hgk],
  );
  const lastDay = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  expect(entries).toEqual([{ amount: `-${R.rebate}`, on: lastDay }]);
  expect(lastDay.slice(0, 7)).toBe(months[2]);
});
