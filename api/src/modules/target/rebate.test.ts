import { randomUUID } from 'node:crypto';
import { codeOf, reasonOf } from '../../../test/harness';
import { ACCEPT, PROPOSE, kit, orderOf, proposal, startKit } from './target.test-kit';

/**
 * Rebates on an agreed target of 2025 (its quarters ended whatever the day the test runs): the
 * band and the projection from sell-in, approval posting once, a recomputation posting the
 * difference, a closed month left alone, other brands answered NOT_FOUND.
 */
beforeAll(startKit);
afterAll(() => kit.t?.stop());

const QUARTER = `quarter quarterAmount { amount } sellIn { amount } attainment band { threshold rate } rebate { amount }
  posted { amount } pending { amount currency } nextBand { threshold rate } moreToNext { amount } policyVersion ended`;
const SET_POLICY = `mutation($i: SetRebatePolicyInput!) { setRebatePolicy(input: $i) { id version bands { threshold rate } } }`;
const APPROVE_OP = `mutation($i: ApproveRebateInput!) { approveRebate(input: $i) { target { id } ${QUARTER} } }`;
const QUARTER_REBATES = `query($y: Int!, $q: Int!) { quarterRebates(year: $y, quarter: $q) { target { id } ${QUARTER} } }`;
const OWN_TARGETS = `query($f: TargetFilter!) { salesTargets(filter: $f) { id rebate(quarter: 1) { ${QUARTER} } } }`;

const BANDS = [
  { threshold: '0.8', rate: '0.01' },
  { threshold: '1', rate: '0.02' },
  { threshold: '1.2', rate: '0.03' },
];

let targetId: string;
let februaryLine: string;
const d0 = () => kit.brand.distributorIds[0];
const rebateEntries = () =>
  kit.t.app.ds.query(
    `SELECT amount::text, occurred_on::text AS on, value_on::text AS value FROM ledger_entry
      WHERE distributor_id = $1 AND kind = 'REBATE' AND source_type = 'rebate_posting' ORDER BY created_at, id`,
    [d0()],
  );

/** Finance approves a quarter with a request key (a fresh one unless a retry's is given). */
const approve = (as: typeof kit.admin, t: string, q: number, idempotencyKey: string = randomUUID()) =>
  as.request(APPROVE_OP, { i: { targetId: t, quarter: q, idempotencyKey } });
const postings = () =>
  kit.t.app.ds.query(
    `SELECT number, due::text, amount::text, sell_in::text AS "sellIn" FROM rebate_posting WHERE target_id = $1 AND quarter = 1 ORDER BY number`,
    [targetId],
  );

beforeAll(async () => {
  // 4000.00 a year, 1000.00 a quarter; the owner accepts it
  const p = await kit.admin.request(PROPOSE, { i: proposal({ year: 2025, yearlyAmount: '4000.00' }) });
  expect(p.errors).toEqual([]);
  targetId = p.data.proposeTarget.id;
  const a = await kit.owner.request(ACCEPT, { id: targetId, v: p.data.proposeTarget.version });
  expect(a.errors).toEqual([]);
  // Q1 sell-in 999.90 (an order in February, China time), one cancelled order that does not count
  februaryLine = await orderOf(d0(), 'APPROVED', '2025-02-10T02:00:00Z', 10, '99.99');
  await orderOf(d0(), 'CANCELLED', '2025-02-11T02:00:00Z', 100, '99.99');
});

describe('rebates', () => {
  test('a policy is set by finance as versions, exact and sorted; bad bands change nothing', async () => {
    const bad = await kit.admin.request(SET_POLICY, {
      i: {
        productLineId: kit.cat.lineId,
        bands: [BANDS[1], { threshold: '1.0', rate: '0.03' }],
        idempotencyKey: randomUUID(),
      },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const first = await kit.admin.request(SET_POLICY, {
      i: { productLineId: kit.cat.lineId, bands: [BANDS[2], BANDS[0], BANDS[1]], idempotencyKey: randomUUID() },
    });
    expect(first.errors).toEqual([]);
    expect(first.data.setRebatePolicy).toMatchObject({
      version: 1,
      bands: [
        { threshold: '0.8000', rate: '0.0100' },
        { threshold: '1.0000', rate: '0.0200' },
        { threshold: '1.2000', rate: '0.0300' },
      ],
    });
    const key = randomUUID();
    const again = await kit.admin.request(SET_POLICY, {
      i: { productLineId: kit.cat.lineId, bands: BANDS, idempotencyKey: key },
    });
    const retry = await kit.admin.request(SET_POLICY, {
      i: { productLineId: kit.cat.lineId, bands: BANDS, idempotencyKey: key },
    });
    expect([again.data.setRebatePolicy.version, retry.data.setRebatePolicy.id]).toEqual([
      2,
      again.data.setRebatePolicy.id,
    ]);
    // the owner sets no policy, and another brand's admin sees no such line
    expect(
      codeOf(
        await kit.owner.request(SET_POLICY, {
          i: { productLineId: kit.cat.lineId, bands: BANDS, idempotencyKey: randomUUID() },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await kit.otherAdmin.request(SET_POLICY, {
          i: { productLineId: kit.cat.lineId, bands: BANDS, idempotencyKey: randomUUID() },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  test('the owner reads his quarter: band, rebate and exactly how much more reaches the next band', async () => {
    const r = await kit.owner.request(OWN_TARGETS, { f: { year: 2025 } });
    expect(r.errors).toEqual([]);
    expect(r.data.salesTargets.find((t: { id: string }) => t.id === targetId).rebate).toEqual({
      quarter: 1,
      quarterAmount: { amount: '1000.00' },
      sellIn: { amount: '999.90' },
      attainment: '0.9999',
      band: { threshold: '0.8000', rate: '0.0100' },
      rebate: { amount: '10.00' }, // 9.999 half up
      posted: { amount: '0.00' },
      pending: { amount: '10.00', currency: 'CNY' },
      nextBand: { threshold: '1.0000', rate: '0.0200' },
      moreToNext: { amount: '0.10' },
      policyVersion: 2,
      ended: true,
    });
  });

  test('approval posts once; a retry posts nothing; a late order posts only the difference', async () => {
    const key = randomUUID();
    const first = await approve(kit.admin, targetId, 1, key);
    expect(first.errors).toEqual([]);
    expect(first.data.approveRebate).toMatchObject({ posted: { amount: '10.00' }, pending: { amount: '0.00' } });
    const retry = await approve(kit.admin, targetId, 1);
    expect(retry.data.approveRebate).toMatchObject({ posted: { amount: '10.00' } });
    expect(await rebateEntries()).toEqual([{ amount: '-10.00', on: '2025-03-31', value: null }]);

    // a late order of March: 1000.00 reaches 100% → 2% of 1000.00 = 20.00, so 10.00 more
    await orderOf(d0(), 'DELIVERED', '2025-03-31T15:59:59Z', 1, '0.10');
    const list = await kit.admin.request(QUARTER_REBATES, { y: 2025, q: 1 });
    expect(list.data.quarterRebates).toEqual([
      expect.objectContaining({
        target: { id: targetId },
        rebate: { amount: '20.00' },
        pending: { amount: '10.00', currency: 'CNY' },
      }),
    ]);
    // a retry of the first approval (its request key) answers it and posts nothing, even now that more is due
    const replay = await approve(kit.admin, targetId, 1, key);
    expect(replay.errors).toEqual([]);
    expect(replay.data.approveRebate).toMatchObject({ posted: { amount: '10.00' }, pending: { amount: '10.00' } });
    expect(await rebateEntries()).toHaveLength(1);
    // the key reused for another quarter is refused and changes nothing
    const reused = await approve(kit.admin, targetId, 2, key);
    expect([codeOf(reused), reasonOf(reused)]).toEqual(['CONFLICT', 'IDEMPOTENCY_KEY_REUSED']);
    // March is stated (closed) before the approval: the difference is posted in the open period
    const issued = await kit.admin.request(
      `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id status } }`,
      { d: d0(), p: '2025-03' },
    );
    expect(issued.errors).toEqual([]);
    const again = await approve(kit.admin, targetId, 1);
    expect(again.data.approveRebate).toMatchObject({ posted: { amount: '20.00' }, pending: { amount: '0.00' } });
    const entries = await rebateEntries();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ amount: '-10.00', on: '2025-03-31', value: null });
    expect(entries[1]).toMatchObject({ amount: '-10.00', value: '2025-03-31' });
    expect(entries[1].on > '2025-03-31').toBe(true);
  });

  test('a late correction lowering sell-in: recomputing claws back the difference as a new REBATE entry; nothing earlier is edited', async () => {
    const before = { postings: await postings(), entries: await rebateEntries() };
    // the February line's price corrected from 99.99 to 79.99: sell-in 800.00 → 80% → 1% = 8.00, 12.00 less than posted
    const [order] = await kit.t.app.ds.query(
      `SELECT o.id, o.version FROM purchase_order o JOIN order_line l ON l.order_id = o.id WHERE l.id = $1`,
      [februaryLine],
    );
    const corrected = await kit.admin.request(
      `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { id } }`,
      {
        i: {
          orderId: order.id,
          lineId: februaryLine,
          unitPrice: '79.99',
          reason: '补录折扣',
          expectedVersion: order.version,
        },
      },
    );
    expect(corrected.errors).toEqual([]);
    const list = await kit.admin.request(QUARTER_REBATES, { y: 2025, q: 1 });
    expect(list.data.quarterRebates[0]).toMatchObject({
      sellIn: { amount: '800.00' },
      band: { threshold: '0.8000', rate: '0.0100' },
      rebate: { amount: '8.00' },
      posted: { amount: '20.00' },
      pending: { amount: '-12.00', currency: 'CNY' },
    });
    const key = randomUUID();
    const clawed = await approve(kit.admin, targetId, 1, key);
    expect(clawed.errors).toEqual([]);
    expect(clawed.data.approveRebate).toMatchObject({ posted: { amount: '8.00' }, pending: { amount: '0.00' } });
    expect(await approve(kit.admin, targetId, 1, key)).toMatchObject({ errors: [] });
    // appended: the earlier postings and entries as they were, then one adjusting posting and one debit
    const after = { postings: await postings(), entries: await rebateEntries() };
    expect(after.postings).toEqual([
      ...before.postings,
      { number: 3, due: '8.00', amount: '-12.00', sellIn: '800.00' },
    ]);
    expect(after.entries.slice(0, 2)).toEqual(before.entries);
    expect(after.entries).toHaveLength(3);
    expect(after.entries[2]).toMatchObject({ amount: '12.00', value: '2025-03-31' });
    const total = after.entries.reduce((sum: number, e: { amount: string }) => sum + Number(e.amount) * 100, 0);
    expect(total).toBe(-800);
  });

  test('a running quarter is projected but not approved; the owner and other brands cannot approve', async () => {
    const now = await approve(kit.admin, targetId, 5);
    expect(codeOf(now)).toBe('BAD_USER_INPUT');
    expect(codeOf(await approve(kit.owner, targetId, 1))).toBe('FORBIDDEN');
    expect(codeOf(await approve(kit.otherAdmin, targetId, 1))).toBe('NOT_FOUND');
    expect(codeOf(await approve(kit.otherAdmin, randomUUID(), 1))).toBe('NOT_FOUND');
    const other = await kit.otherAdmin.request(QUARTER_REBATES, { y: 2025, q: 1 });
    expect(other.data.quarterRebates).toEqual([]);
    const far = await kit.admin.request(PROPOSE, { i: proposal({ year: 2099, yearlyAmount: '4.00' }) });
    await kit.owner.request(ACCEPT, { id: far.data.proposeTarget.id, v: far.data.proposeTarget.version });
    const early = await approve(kit.admin, far.data.proposeTarget.id, 1);
    expect([reasonOf(early), early.errors[0].message]).toEqual(['ILLEGAL_TRANSITION', 'The quarter has not ended yet']);
    expect(await rebateEntries()).toHaveLength(3);
  });
});
