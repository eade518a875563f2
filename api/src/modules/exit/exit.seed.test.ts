import { randomUUID } from 'node:crypto';
import { Audience, ExitStep } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../../../test/harness';
import { distributorByCode } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import { seedCalendar } from '../../db/seed/seed-clock';
import { SEED_EXIT } from './exit.seed';
import { ACKNOWLEDGE, GET, HAND_OVER, MINE, RETURN, SETTLE } from './exit.test-kit';

/**
 * The demo's exit as the API reads it: 瑞光's admin sees 温州瑞华's plan under way (EXITING, its
 * grant revoked from the effective date, 瑞达 the successor, the analyser and the 64,000.00 still to
 * deal with), its owner sees the same plan in the portal, and the plan can be carried through:
 * bought back at the balance, handed over, settled at zero and acknowledged.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const done = (plan: { steps: Array<{ step: ExitStep; done: boolean }> }) =>
  plan.steps.filter((s) => s.done).map((s) => s.step);

test('the seeded exit is under way for the admin and the owner, and can be carried through to a final statement at zero', async () => {
  const [{ anchor }] = await t.app.ds.query(`SELECT min(created_at) AS anchor FROM brand`);
  const cal = seedCalendar(new Date(anchor));
  const exiting = distributorByCode(SEED_EXIT.distributorCode);
  const admin = t.client(Audience.CONSOLE);
  await admin.login('admin@ruiguang.demo');
  const list = await admin.request(`{ exitPlans(first: 10) { nodes { id distributor { id } } } }`);
  expect(list.errors).toEqual([]);
  expect(list.data.exitPlans.nodes.map((p: { distributor: { id: string } }) => p.distributor.id)).toEqual([exiting.id]);
  const planId = list.data.exitPlans.nodes[0].id;

  const read = await admin.request(GET, { id: planId });
  expect(read.errors).toEqual([]);
  const plan = read.data.exitPlan;
  expect(plan).toMatchObject({
    effectiveOn: cal.fromToday(SEED_EXIT.effectiveIn),
    sellOutUntil: cal.fromToday(SEED_EXIT.sellOutFor),
    reason: SEED_EXIT.reason,
    authorizationsRevoked: 1,
    distributor: { name: exiting.name, stage: 'EXITING' },
    successor: { name: distributorByCode(SEED_EXIT.successorCode).name },
    account: { balance: { amount: '64000.00' } },
  });
  expect(done(plan)).toEqual([ExitStep.PLAN_STARTED, ExitStep.OPEN_ORDERS_DECIDED]);
  const [grant] = await t.app.ds.query(
    `SELECT revoked_from::text AS revoked FROM authorization_grant WHERE distributor_id = $1`,
    [exiting.id],
  );
  expect(grant.revoked).toBe(plan.effectiveOn);

  const owner = t.client(Audience.PORTAL);
  await owner.login('boss@wzruihua.demo');
  const mine = await owner.request(MINE);
  expect(mine.errors).toEqual([]);
  expect(mine.data.myExitPlan).toMatchObject({ id: planId, effectiveOn: plan.effectiveOn });

  // carried through: the analyser bought back at what the account owes, handed over, settled, acknowledged
  const analyser = PRODUCTS.find((p) => p.code === 'RG-BC-800')!;
  const returned = await admin.request(RETURN, {
    i: {
      planId,
      lines: [{ productId: analyser.id, batchNo: SEED_EXIT.batch, quantity: 1, unitPrice: '64000.00' }],
      idempotencyKey: randomUUID(),
    },
  });
  expect(returned.errors).toEqual([]);
  expect(returned.data.recordExitReturn.account).toMatchObject({ balance: { amount: '0.00' } });
  expect((await admin.request(HAND_OVER, { p: planId })).errors).toEqual([]);
  const settled = await admin.request(SETTLE, { p: planId });
  expect(settled.errors).toEqual([]);
  expect(settled.data.settleExit.account).toMatchObject({ finalBalance: { amount: '0.00' } });
  const acknowledged = await owner.request(ACKNOWLEDGE, { p: planId });
  expect(acknowledged.errors).toEqual([]);
  expect(done(acknowledged.data.acknowledgeExit)).toEqual(
    Object.values(ExitStep).filter((s) => s !== ExitStep.AUTHORIZATIONS_REVOKED),
  );
});
