import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';
import { adminScopeOf } from '../../../test/factories';
import { applyTiersDue } from '../distributor';
import { codeOf, reasonOf } from '../../../test/harness';
import {
  CATALOG,
  PROPOSALS,
  PROPOSE,
  REVIEW,
  SCORECARD,
  SET_WEIGHTS,
  kit,
  startKit,
  weights,
} from './scorecard.test-kit';

/**
 * The scorecard's figures against the kit's hand-made first quarter of 2025 (scorecard.test-kit.ts),
 * and re-tiering from a date with the catalog's prices following.
 */
beforeAll(startKit);
afterAll(() => kit.t?.stop());

type Figure = {
  kind: string;
  value: string | null;
  score: string | null;
  weight: number;
  inputs: { key: string; subject: string | null; value: string }[];
};
const Q1 = () => ({ d: kit.brand.distributorIds[0], y: 2025, q: 1 });
const byKind = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.kind, f]));
const inputs = (f: Figure) => Object.fromEntries(f.inputs.filter((i) => !i.subject).map((i) => [i.key, i.value]));
const p2Price = async () => {
  const r = await kit.owner.request(CATALOG);
  expect(r.errors).toEqual([]);
  return r.data.catalog.nodes.find((n: { product: { code: string } }) => n.product.code === 'P2').unitPrice.amount;
};

describe('the scorecard', () => {
  test('computes each figure from its inputs, and weighs them alike until the brand sets weights', async () => {
    const r = await kit.admin.request(SCORECARD, Q1());
    expect(r.errors).toEqual([]);
    const card = r.data.distributorScorecard;
    expect(card).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-31',
      asOf: '2025-03-31',
      tier: 1,
      weightsVersion: null,
    });
    const f = byKind(card.figures);
    // 600.00 approved in Q1 ÷ 1000.00 agreed (the cancelled and the April orders left out)
    expect([f.ATTAINMENT.value, f.ATTAINMENT.score, inputs(f.ATTAINMENT)]).toEqual([
      '0.6000',
      '60.00',
      { target: '1000.00', sellIn: '600.00' },
    ]);
    // 2 hospitals authorized (the city's through its province), 1 with a sell-out not reversed
    expect([f.COVERAGE.value, inputs(f.COVERAGE)]).toEqual([
      '0.5000',
      { authorizedHospitals: '2', hospitalsWithSellOut: '1' },
    ]);
    // line 1: the owner and the rep; line 2: a certificate lapsed before the quarter's end
    expect(
      f.CERTIFIED_REPS.inputs
        .filter((i: { subject: string | null }) => i.subject)
        .sort((a: { subject: string | null }, b: { subject: string | null }) => a.subject!.localeCompare(b.subject!)),
    ).toEqual(
      [
        { key: 'certifiedReps', subject: '测试产品线', value: '2' },
        { key: 'certifiedReps', subject: '第二产品线', value: '0' },
      ].sort((a, b) => a.subject.localeCompare(b.subject)),
    );
    expect([f.CERTIFIED_REPS.value, f.CERTIFIED_REPS.score]).toEqual(['0.5000', '50.00']);
    // 1100.00 open (600.00 of the first receivable after the 400.00 paid, and 500.00), 600.00 past due;
    // 1 − 600 ÷ 1100 (0.5454, rounded down) = 0.4546; DSO 1100.00 ÷ 1500.00 raised × 90 days = 66.0
    expect([f.PAYMENT.value, f.PAYMENT.score, inputs(f.PAYMENT)]).toEqual([
      '0.4546',
      '45.46',
      { outstanding: '1100.00', overdue: '600.00', balance: '1100.00', raised: '1500.00', days: '90', dso: '66.0' },
    ]);
    // one of the February note's three commitments acknowledged; April's left out
    expect([f.COMMITMENTS.value, f.COMMITMENTS.score, inputs(f.COMMITMENTS)]).toEqual([
      '0.3333',
      '33.33',
      { commitments: '3', acknowledged: '1' },
    ]);
    // three of four stock counts match what the movements derive
    expect([f.STOCKTAKE.value, f.STOCKTAKE.score]).toEqual(['0.7500', '75.00']);
    // (60 + 50 + 50 + 45.46 + 33.33 + 75) ÷ 6 = 52.2983…
    expect(card.score).toBe('52.30');
  });

  test('takes the brand’s weights as a new version, once per request key', async () => {
    const input = weights('50');
    const a = await kit.admin.request(SET_WEIGHTS, { i: input });
    expect(a.errors).toEqual([]);
    const b = await kit.admin.request(SET_WEIGHTS, { i: input });
    expect(b.data.setScorecardWeights.version).toBe(a.data.setScorecardWeights.version);
    const reused = await kit.admin.request(SET_WEIGHTS, { i: { ...input, upThreshold: '90' } });
    expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
    const inverted = await kit.admin.request(SET_WEIGHTS, { i: weights('90', '80') });
    expect(codeOf(inverted)).toBe(ErrorCode.BAD_USER_INPUT);
    const r = await kit.admin.request(SCORECARD, Q1());
    // (60×30 + 50×20 + 50×10 + 45.46×20 + 33.33×10 + 75×10) ÷ 100 = 52.925
    expect(r.data.distributorScorecard).toMatchObject({
      score: '52.93',
      weightsVersion: a.data.setScorecardWeights.version,
    });
    expect(byKind(r.data.distributorScorecard.figures).ATTAINMENT.weight).toBe(30);
  });

  test('the owner reads his own; another distributor and another brand’s are not found', async () => {
    const own = await kit.owner.request(SCORECARD, { y: 2025, q: 1 });
    expect(own.errors).toEqual([]);
    expect(own.data.distributorScorecard.distributor.id).toBe(kit.brand.distributorIds[0]);
    expect(own.data.distributorScorecard.score).toBe('52.93');
    const theirs = await kit.owner.request(SCORECARD, { ...Q1(), d: kit.brand.distributorIds[2] });
    expect(codeOf(theirs)).toBe(ErrorCode.NOT_FOUND);
    const foreign = await kit.otherAdmin.request(SCORECARD, Q1());
    expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('re-tiering', () => {
  const propose = (key = randomUUID()) =>
    kit.admin.request(PROPOSE, {
      i: { distributorId: kit.brand.distributorIds[0], year: 2025, quarter: 1, idempotencyKey: key },
    });

  test('is proposed only past a threshold, once per key, one open at a time', async () => {
    const between = await propose();
    expect(reasonOf(between)).toBe(ErrorReason.RETIER_NOT_INDICATED);
    expect((await kit.admin.request(SET_WEIGHTS, { i: weights('60') })).errors).toEqual([]);
    const key = randomUUID();
    const a = await propose(key);
    expect(a.errors).toEqual([]);
    expect(a.data.proposeRetier).toMatchObject({
      score: '52.93',
      fromTier: 1,
      toTier: 2,
      direction: 'DOWN',
      status: 'PROPOSED',
    });
    const b = await propose(key);
    expect(b.data.proposeRetier.id).toBe(a.data.proposeRetier.id);
    expect(reasonOf(await propose())).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const listed = await kit.admin.request(PROPOSALS, { s: 'PROPOSED' });
    expect(listed.data.retierProposals.map((p: { id: string }) => p.id)).toEqual([a.data.proposeRetier.id]);
    expect(
      codeOf(
        await kit.otherAdmin.request(REVIEW, {
          id: a.data.proposeRetier.id,
          i: { approve: false, reason: 'x', idempotencyKey: randomUUID() },
        }),
      ),
    ).toBe(ErrorCode.NOT_FOUND);
  });

  test('approved from today, the catalog’s prices follow at once; reviewed once', async () => {
    const [open] = (await kit.admin.request(PROPOSALS, { s: 'PROPOSED' })).data.retierProposals;
    expect(await p2Price()).toBe('80.00');
    const past = await kit.admin.request(REVIEW, {
      id: open.id,
      i: { approve: true, effectiveFrom: addDays(today(), -1), idempotencyKey: randomUUID() },
    });
    expect(codeOf(past)).toBe(ErrorCode.BAD_USER_INPUT);
    const i = { approve: true, effectiveFrom: today(), idempotencyKey: randomUUID() };
    const a = await kit.admin.request(REVIEW, { id: open.id, i });
    expect(a.errors).toEqual([]);
    expect(a.data.reviewRetier).toMatchObject({ status: 'APPROVED', effectiveFrom: today() });
    expect((await kit.admin.request(REVIEW, { id: open.id, i })).data.reviewRetier.status).toBe('APPROVED');
    const again = await kit.admin.request(REVIEW, { id: open.id, i: { ...i, idempotencyKey: randomUUID() } });
    expect(reasonOf(again)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    expect(await p2Price()).toBe('90.00');
    const history = await kit.t.app.ds.query(
      `SELECT tier, effective_from::text AS "from" FROM distributor_tier WHERE distributor_id = $1`,
      [kit.brand.distributorIds[0]],
    );
    expect(history).toEqual([{ tier: 2, from: today() }]);
  });

  test('approved from a later date, prices change from that date and not before', async () => {
    const p = await propose();
    expect(p.data.proposeRetier).toMatchObject({ fromTier: 2, toTier: 3 });
    const from = addDays(today(), 7);
    const r = await kit.admin.request(REVIEW, {
      id: p.data.proposeRetier.id,
      i: { approve: true, effectiveFrom: from, idempotencyKey: randomUUID() },
    });
    expect(r.errors).toEqual([]);
    expect(await p2Price()).toBe('90.00');
    const scope = await adminScopeOf(kit.t.app.ds, kit.brand);
    const products = await kit.t.app.services.products.byIds(scope, [kit.cat.productII]);
    const at = async (on: string) =>
      (await kit.t.app.services.products.sellingPrices(scope, products, kit.brand.distributorIds[0], on)).get(
        kit.cat.productII,
      )!.price;
    expect([await at(addDays(from, -1)), await at(from), await at(addDays(from, 30))]).toEqual([
      '90.00',
      '95.00',
      '95.00',
    ]);
    // a rejection needs its reason
    expect((await kit.admin.request(SET_WEIGHTS, { i: weights('10', '20') })).errors).toEqual([]);
    const up = await propose();
    expect(up.data.proposeRetier).toMatchObject({ fromTier: 2, toTier: 1, direction: 'UP' });
    const bare = await kit.admin.request(REVIEW, {
      id: up.data.proposeRetier.id,
      i: { approve: false, idempotencyKey: randomUUID() },
    });
    expect(codeOf(bare)).toBe(ErrorCode.BAD_USER_INPUT);
    const no = await kit.admin.request(REVIEW, {
      id: up.data.proposeRetier.id,
      i: { approve: false, reason: '观察一季', idempotencyKey: randomUUID() },
    });
    expect(no.data.reviewRetier).toMatchObject({ status: 'REJECTED', reviewReason: '观察一季' });
  });
});

describe('the profile’s tier', () => {
  const DISTRIBUTOR = `query($id: ID!) { distributor(id: $id) { tier version } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $i: DistributorProfileInput!) { updateDistributorProfile(id: $id, expectedVersion: $v, input: $i) { tier version } }`;
  const profile = async (id: string) => (await kit.admin.request(DISTRIBUTOR, { id })).data.distributor;
  const history = (id: string) =>
    kit.t.app.ds.query(
      `SELECT tier, effective_from::text AS "from" FROM distributor_tier WHERE distributor_id = $1 ORDER BY effective_from, created_at`,
      [id],
    );

  test('becomes a dated re-tier’s on its day, by the housekeeping job, once', async () => {
    const d0 = kit.brand.distributorIds[0];
    // the tests above approved tier 2 from today and tier 3 from a week on
    expect((await profile(d0)).tier).toBe(2);
    expect(await applyTiersDue(kit.t.app.ds)).toBe(0);
    expect((await profile(d0)).tier).toBe(2);
    const weekOn = new Date(Date.now() + 7 * 86_400_000);
    expect(await applyTiersDue(kit.t.app.ds, weekOn)).toBe(1);
    expect((await profile(d0)).tier).toBe(3);
    expect(await applyTiersDue(kit.t.app.ds, weekOn)).toBe(0);
    // the job sets the tier in force on its day, whichever way (here back from the simulated week)
    expect(await applyTiersDue(kit.t.app.ds)).toBe(1);
    expect((await profile(d0)).tier).toBe(2);
  });

  test('set on the profile, applies from today through the history; refused before a dated re-tier', async () => {
    const [d0, d1] = kit.brand.distributorIds;
    const before = await profile(d0);
    const refused = await kit.admin.request(UPDATE, { id: d0, v: before.version, i: { tier: 1 } });
    expect(reasonOf(refused)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    expect(await profile(d0)).toEqual(before);
    expect((await history(d0)).map((r: { tier: number }) => r.tier)).toEqual([2, 3]);

    const scope = await adminScopeOf(kit.t.app.ds, kit.brand);
    const products = await kit.t.app.services.products.byIds(scope, [kit.cat.productII]);
    const price = async () =>
      (await kit.t.app.services.products.sellingPrices(scope, products, d1, today())).get(kit.cat.productII)!.price;
    const start = await profile(d1);
    expect(start.tier).toBe(2);
    expect(await price()).toBe('90.00');
    const three = await kit.admin.request(UPDATE, { id: d1, v: start.version, i: { tier: 3 } });
    expect(three.errors).toEqual([]);
    expect(await price()).toBe('95.00');
    // corrected the same day: both kept, the later applies
    const two = await kit.admin.request(UPDATE, {
      id: d1,
      v: three.data.updateDistributorProfile.version,
      i: { tier: 1 },
    });
    expect(two.data.updateDistributorProfile.tier).toBe(1);
    expect(await price()).toBe('80.00');
    expect(await history(d1)).toEqual([
      { tier: 3, from: today() },
      { tier: 1, from: today() },
    ]);
    expect(await applyTiersDue(kit.t.app.ds)).toBe(0);
  });
});
