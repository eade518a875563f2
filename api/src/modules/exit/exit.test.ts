import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason, ExitStep } from '@medchannel/shared-schema';
import { TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import {
  ACKNOWLEDGE,
  DECIDE,
  ExitWorld,
  GET,
  HAND_OVER,
  MINE,
  PLACE,
  RETURN,
  SETTLE,
  START,
  exitWorld,
  orderInput,
  owes,
  stockOf,
} from './exit.test-kit';

/** 劝退: orders refused from the date, open orders decided, a buy-back credited once, the hand-over, the final statement. */
let t: TestApp;
let w: ExitWorld;
let planId: string;
let d0: string;
let d2: string;
const orderIds: string[] = [];
/** D0's instruments: one placed at the city hospital (handed over), one already returned (stays). */
const placementIds: { placed?: string; returned?: string } = {};

beforeAll(async () => {
  t = await startTestApp();
  w = await exitWorld(t);
  [d0, , d2] = w.brand.distributorIds;
  await stockOf(t.app.ds, w, d0);
  await owes(t.app.ds, w.brand.brandId, d0, '500.00');
});
afterAll(() => t?.stop());

const count = async (sql: string, params: unknown[]): Promise<number> =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

test('from the effective date new orders are refused with DISTRIBUTOR_EXITING; before it they go through', async () => {
  for (let i = 0; i < 2; i++) {
    const placed = await w.owner.request(PLACE, { i: orderInput(w) });
    expect(placed.errors).toEqual([]);
    orderIds.push(placed.data.placeOrder.id);
  }
  const input = {
    distributorId: d0,
    effectiveOn: today(),
    successorId: d2,
    reason: '长期窜货、低价倾销',
    idempotencyKey: randomUUID(),
  };
  const r = await w.admin.request(START, { i: input });
  expect(r.errors).toEqual([]);
  planId = r.data.startExitPlan.id;
  expect(r.data.startExitPlan).toMatchObject({
    effectiveOn: today(),
    authorizationsRevoked: 1,
    distributor: { id: d0, stage: 'EXITING' },
    successor: { id: d2 },
  });
  // a retry answers the same plan; the key with other contents is refused
  expect((await w.admin.request(START, { i: input })).data.startExitPlan.id).toBe(planId);
  const reused = await w.admin.request(START, { i: { ...input, reason: '另一个原因' } });
  expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await count(`exit_plan WHERE distributor_id = $1`, [d0])).toBe(1);
  expect(await count(`audit_log WHERE action = 'START_EXIT' AND distributor_id = $1`, [d0])).toBe(1);
  const [grant] = await t.app.ds.query(
    `SELECT revoked_from::text AS r FROM authorization_grant WHERE distributor_id = $1`,
    [d0],
  );
  expect(grant.r).toBe(today());

  const refused = await w.rep0.request(PLACE, { i: orderInput(w) });
  expect(codeOf(refused)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(refused)).toBe(ErrorReason.DISTRIBUTOR_EXITING);
  expect(refused.errors[0]?.extensions).toMatchObject({ effectiveOn: today() });
  expect(await count(`purchase_order WHERE distributor_id = $1`, [d0])).toBe(2);

  // D4 exits tomorrow: today it still orders
  const later = await w.admin.request(START, {
    i: {
      distributorId: w.brand.distributorIds[4],
      effectiveOn: addDays(today(), 1),
      reason: '合同到期不续',
      idempotencyKey: randomUUID(),
    },
  });
  expect(later.errors).toEqual([]);
  const stillOrders = await w.rep4.request(PLACE, { i: orderInput(w) });
  expect(stillOrders.errors).toEqual([]);
});

test('open orders are finished or cancelled by decision, each once', async () => {
  const cancel = await w.admin.request(DECIDE, {
    i: { planId, orderId: orderIds[0], decision: 'CANCEL', reason: '退出前不再发货' },
  });
  expect(cancel.errors).toEqual([]);
  expect(cancel.data.decideExitOrder.orders.find((o: { id: string }) => o.id === orderIds[0])).toMatchObject({
    status: 'CANCELLED',
    decision: 'CANCEL',
  });
  const again = await w.admin.request(DECIDE, {
    i: { planId, orderId: orderIds[0], decision: 'FINISH', reason: '再次' },
  });
  expect(reasonOf(again)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const finish = await w.admin.request(DECIDE, {
    i: { planId, orderId: orderIds[1], decision: 'FINISH', reason: '医院急需，照常发货' },
  });
  expect(finish.data.decideExitOrder.orders.find((o: { id: string }) => o.id === orderIds[1])).toMatchObject({
    status: 'SUBMITTED',
    decision: 'FINISH',
  });
  const plan = (await w.admin.request(GET, { id: planId })).data.exitPlan;
  expect(plan.steps.find((s: { step: string }) => s.step === ExitStep.OPEN_ORDERS_DECIDED).done).toBe(true);
});

test('a buy-back writes its stock movements and one credit note; a retry doubles neither', async () => {
  // the final statement waits for the account at zero
  const early = await w.admin.request(SETTLE, { p: planId });
  expect(reasonOf(early)).toBe(ErrorReason.ACCOUNT_NOT_SETTLED);
  expect(early.errors[0]?.extensions).toMatchObject({ balance: { amount: '500.00', currency: 'CNY' } });

  const input = {
    planId,
    lines: [
      { productId: w.cat.productII, batchNo: 'B1', quantity: 5, unitPrice: '80.00' },
      { productId: w.cat.productII, serialNo: 'SN1', quantity: 1, unitPrice: '100.00' },
    ],
    idempotencyKey: randomUUID(),
  };
  const r = await w.admin.request(RETURN, { i: input });
  expect(r.errors).toEqual([]);
  const plan = r.data.recordExitReturn;
  expect(plan.returns).toHaveLength(1);
  expect(plan.returns[0]).toMatchObject({ amount: { amount: '500.00', currency: 'CNY' } });
  expect(plan.returns[0].lines.map((l: { amount: { amount: string } }) => l.amount.amount)).toEqual([
    '400.00',
    '100.00',
  ]);
  expect(plan.account).toMatchObject({ balance: { amount: '0.00' }, credited: { amount: '500.00' } });
  expect(plan.steps.find((s: { step: string }) => s.step === ExitStep.STOCK_RETURNED).done).toBe(true);

  const again = await w.admin.request(RETURN, { i: input });
  expect(again.data.recordExitReturn.returns).toHaveLength(1);
  expect(await count(`stock_movement WHERE distributor_id = $1 AND kind = 'BRAND_RETURN'`, [d0])).toBe(2);
  expect(await count(`account_credit WHERE distributor_id = $1 AND kind = 'CREDIT_NOTE'`, [d0])).toBe(1);
  expect(await count(`ledger_entry WHERE distributor_id = $1 AND kind = 'CREDIT_NOTE'`, [d0])).toBe(1);

  // more than the stock holds: refused, nothing written
  const over = await w.admin.request(RETURN, {
    i: {
      planId,
      lines: [{ productId: w.cat.productII, batchNo: 'B1', quantity: 1, unitPrice: '80.00' }],
      idempotencyKey: randomUUID(),
    },
  });
  expect(reasonOf(over)).toBe(ErrorReason.INSUFFICIENT_STOCK);
  expect(await count(`exit_return WHERE plan_id = $1`, [planId])).toBe(1);
  expect(await count(`account_credit WHERE distributor_id = $1`, [d0])).toBe(1);
});

/** A placed instrument of D0 (with its reagent agreement and its PLACED step), or one already returned. */
async function placementOf(serial: string, returnedOn: string | null, actorId: string): Promise<string> {
  const [p] = await t.app.ds.query(
    `INSERT INTO placement (brand_id, distributor_id, product_id, serial_no, source, hospital_id, department_id, reagent_line_id,
       commitment_quantity, commitment_period, starts_on, ends_on, status, returned_on, created_by)
     VALUES ($1, $2, $3, $4, 'STOCK', $5, $6, $7, 40, 'MONTH', $8, $9, $10, $11, $12) RETURNING id`,
    [
      w.brand.brandId,
      d0,
      w.cat.productII,
      serial,
      w.cat.hospitalInCity,
      w.departmentId,
      w.cat.lineId,
      addDays(today(), -60),
      addDays(today(), 300),
      returnedOn ? 'RETURNED' : 'PLACED',
      returnedOn,
      actorId,
    ],
  );
  await t.app.ds.query(
    `INSERT INTO placement_event (brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, actor_id)
     VALUES ($1, $2, 'PLACED', $3, $4, $5, $6, $7)`,
    [w.brand.brandId, p.id, addDays(today(), -60), w.cat.hospitalInCity, w.departmentId, serial, actorId],
  );
  return p.id;
}

test('the hand-over moves open opportunities to the successor with a temporary authorization, once', async () => {
  const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [w.brand.adminEmail]);
  placementIds.placed = await placementOf('EX-SN-1', null, owner.id);
  placementIds.returned = await placementOf('EX-SN-2', addDays(today(), -5), owner.id);
  const opportunity = async (stage: string) =>
    (
      await t.app.ds.query(
        `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
         VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, $5, $6) RETURNING id`,
        [w.brand.brandId, w.cat.hospitalInCity, w.departmentId, w.cat.lineId, stage, owner.id, d0],
      )
    )[0].id as string;
  const open = await opportunity('NEED_CONFIRMED');
  const won = await opportunity('WON');

  // the successor's temporary grant obeys every rule a grant does: without valid licences it is
  // refused, and nothing is handed over
  const kept: Array<{ id: string; valid_to: string | null }> = await t.app.ds.query(
    `SELECT id, valid_to::text FROM qualification WHERE distributor_id = $1`,
    [d2],
  );
  await t.app.ds.query(
    `UPDATE qualification SET valid_from = LEAST(valid_from, $2::date), valid_to = $2::date WHERE distributor_id = $1`,
    [d2, addDays(today(), -1)],
  );
  const refused = await w.admin.request(HAND_OVER, { p: planId });
  expect(reasonOf(refused)).toBe(ErrorReason.NOT_COMPLIANT);
  expect(await count(`opportunity WHERE id = $1 AND distributor_id = $2`, [open, d0])).toBe(1);
  expect(await count(`authorization_grant WHERE distributor_id = $1 AND kind = 'TEMPORARY'`, [d2])).toBe(0);
  for (const q of kept)
    await t.app.ds.query(`UPDATE qualification SET valid_to = $2::date WHERE id = $1`, [q.id, q.valid_to]);

  const r = await w.admin.request(HAND_OVER, { p: planId });
  expect(r.errors).toEqual([]);
  const kinds = r.data.handOverExit.handovers.map((h: { kind: string; recordId: string }) => [h.kind, h.recordId]);
  expect(kinds).toEqual(
    expect.arrayContaining([
      ['OPPORTUNITY', open],
      ['HOSPITAL', w.cat.hospitalInCity],
    ]),
  );
  expect(kinds.map((k: string[]) => k[0])).toContain('AUTHORIZATION');
  const moved = await t.app.ds.query(`SELECT id, distributor_id FROM opportunity WHERE id = ANY($1) ORDER BY stage`, [
    [open, won],
  ]);
  expect(
    Object.fromEntries(moved.map((o: { id: string; distributor_id: string }) => [o.id, o.distributor_id])),
  ).toEqual({
    [open]: d2,
    [won]: d0,
  });
  const [grant] = await t.app.ds.query(
    `SELECT kind, valid_from::text AS f FROM authorization_grant WHERE distributor_id = $1 AND kind = 'TEMPORARY'`,
    [d2],
  );
  expect(grant).toEqual({ kind: 'TEMPORARY', f: today() });

  await w.admin.request(HAND_OVER, { p: planId });
  expect(await count(`authorization_grant WHERE distributor_id = $1 AND kind = 'TEMPORARY'`, [d2])).toBe(1);
  expect(
    await count(`audit_log WHERE action = 'HAND_OVER' AND entity = 'opportunity' AND entity_id = $1`, [open]),
  ).toBe(1);
});

test('placed instruments go to the successor with their agreements: listed, a HANDED_OVER step, audited; the exiting owner reaches them no more', async () => {
  const placed = placementIds.placed!;
  const plan = (await w.admin.request(GET, { id: planId })).data.exitPlan;
  expect(plan.handovers.filter((h: { kind: string }) => h.kind === 'PLACEMENT')).toEqual([
    { kind: 'PLACEMENT', recordId: placed, label: expect.stringMatching(/^EX-SN-1 · /) },
  ]);
  const rows = await t.app.ds.query(
    `SELECT serial_no AS serial, distributor_id AS d, commitment_quantity AS q FROM placement WHERE id = ANY($1) ORDER BY serial_no`,
    [[placed, placementIds.returned]],
  );
  expect(rows).toEqual([
    { serial: 'EX-SN-1', d: d2, q: 40 },
    { serial: 'EX-SN-2', d: d0, q: 40 },
  ]);
  const history = `query($id: ID!) { placement(id: $id) { id serialNo history { kind occurredOn note } } }`;
  const tag = w.brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const successor = t.client(Audience.PORTAL);
  await successor.login(`rep2-${tag}@test.demo`);
  const seen = await successor.request(history, { id: placed });
  expect(seen.errors).toEqual([]);
  expect(seen.data.placement.history.map((e: { kind: string }) => e.kind)).toEqual(['PLACED', 'HANDED_OVER']);
  expect(seen.data.placement.history[1]).toMatchObject({ occurredOn: today(), note: expect.any(String) });
  // the exiting distributor's owner no longer reads nor moves it: NOT_FOUND, and nothing changes
  expect(codeOf(await w.owner.request(history, { id: placed }))).toBe(ErrorCode.NOT_FOUND);
  const back = await w.owner.request(
    `mutation($id: ID!, $i: ReturnPlacementInput!) { returnPlacement(id: $id, input: $i) { id } }`,
    { id: placed, i: { expectedVersion: 2, occurredOn: today() } },
  );
  expect(codeOf(back)).toBe(ErrorCode.NOT_FOUND);
  expect(await count(`placement WHERE id = $1 AND status = 'PLACED' AND distributor_id = $2`, [placed, d2])).toBe(1);
  expect(
    await count(`audit_log WHERE action = 'HAND_OVER' AND entity = 'placement' AND entity_id = $1`, [placed]),
  ).toBe(1);
  // the hand-over again moves nothing more
  await w.admin.request(HAND_OVER, { p: planId });
  expect(await count(`placement_event WHERE placement_id = $1 AND kind = 'HANDED_OVER'`, [placed])).toBe(1);
});

test('the final statement settles at zero and the owner acknowledges his checklist', async () => {
  const early = await w.owner.request(ACKNOWLEDGE, { p: planId });
  expect(reasonOf(early)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  const settled = await w.admin.request(SETTLE, { p: planId });
  expect(settled.errors).toEqual([]);
  expect(settled.data.settleExit.account.finalBalance).toEqual({ amount: '0.00' });

  const mine = await w.owner.request(MINE);
  expect(mine.data.myExitPlan.id).toBe(planId);
  const ack = await w.owner.request(ACKNOWLEDGE, { p: planId });
  expect(ack.errors).toEqual([]);
  expect(ack.data.acknowledgeExit.steps.every((s: { done: boolean }) => s.done)).toBe(true);
  expect(await count(`audit_log WHERE action = 'ACKNOWLEDGE_EXIT' AND distributor_id = $1`, [d0])).toBe(1);
});

test('another brand, another distributor’s owner and a rep reach no exit plan', async () => {
  const other = await createBrand(t.app.ds, 1);
  const stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
  expect(codeOf(await stranger.request(GET, { id: planId }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await stranger.request(HAND_OVER, { p: planId }))).toBe(ErrorCode.NOT_FOUND);
  const foreignStart = await stranger.request(START, {
    i: { distributorId: w.brand.distributorIds[3], effectiveOn: today(), reason: '越界', idempotencyKey: randomUUID() },
  });
  expect(codeOf(foreignStart)).toBe(ErrorCode.NOT_FOUND);
  const strangerOwner = t.client(Audience.PORTAL);
  await strangerOwner.login(other.ownerEmail);
  expect(codeOf(await strangerOwner.request(GET, { id: planId }))).toBe(ErrorCode.NOT_FOUND);
  expect((await strangerOwner.request(MINE)).data.myExitPlan).toBeNull();
  expect(codeOf(await w.rep0.request(GET, { id: planId }))).toBe(ErrorCode.FORBIDDEN);
  // a channel manager who neither manages D0 nor holds its region
  const [cm] = await t.app.ds.query(
    `SELECT u.email FROM app_user u WHERE u.brand_id = $1 AND u.role = 'CHANNEL_MANAGER'
        AND u.id <> (SELECT channel_manager_id FROM distributor WHERE id = $2) LIMIT 1`,
    [w.brand.brandId, d0],
  );
  const otherCm = t.client(Audience.CONSOLE);
  await otherCm.login(cm.email);
  expect(codeOf(await otherCm.request(GET, { id: planId }))).toBe(ErrorCode.NOT_FOUND);
});
