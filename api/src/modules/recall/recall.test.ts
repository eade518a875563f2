import { ErrorCode } from '@medchannel/shared-schema';
import { TestApp, codeOf, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { Audience } from '@medchannel/shared-schema';
import {
  ACK,
  CLOSE,
  CREATE,
  HOSPITALS,
  LIST,
  ONE,
  REACH,
  RecallWorld,
  batchThroughChannel,
  recallInput,
  recallWorld,
} from './recall.test-kit';

/**
 * Recalls through the API, in a brand of the test's own (recall.test-kit.ts): a batch D0 received,
 * moved partly to its second tier D1 and both sold to a hospital; D2 never had it.
 */
let t: TestApp;
let w: RecallWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await recallWorld(t);
});
afterAll(() => t?.stop());

const [D0, D1, D2] = [0, 1, 2];
const idOf = (i: number) => w.brand.distributorIds[i];

async function issue(batchNo: string) {
  const r = await w.admin.request(CREATE, { i: recallInput(w.cat.productII, batchNo) });
  expect(r.errors).toEqual([]);
  return r.data.createRecall;
}

test('a batch recall reaches the first tier, its second tier and the hospitals they sold to, with their units', async () => {
  const batchNo = await batchThroughChannel(w);
  const recall = await issue(batchNo);
  expect(recall).toMatchObject({
    batchNo,
    status: 'OPEN',
    distributorCount: 2,
    acknowledgedCount: 0,
    hospitalCount: 2,
  });

  const reach = (await w.admin.request(REACH, { id: recall.id })).data.recallDistributors;
  const byId = Object.fromEntries(reach.nodes.map((n: { distributorId: string }) => [n.distributorId, n]));
  expect(byId[idOf(D0)]).toMatchObject({
    tier: 1,
    received: 50,
    held: 25,
    transferred: 20,
    sold: 5,
    acknowledgedAt: null,
  });
  expect(byId[idOf(D1)]).toMatchObject({ tier: 2, received: 20, held: 17, transferred: 0, sold: 3 });
  // D2 never got the batch: not reached
  expect(byId[idOf(D2)]).toBeUndefined();

  const hospitals = (await w.admin.request(HOSPITALS, { id: recall.id })).data.recallHospitals.nodes;
  expect(
    hospitals.map((h: { distributorId: string; quantity: number }) => [h.distributorId, h.quantity]).sort(),
  ).toEqual(
    [
      [idOf(D0), 5],
      [idOf(D1), 3],
    ].sort(),
  );
  expect(hospitals[0]).toMatchObject({ departmentName: '检验科' });

  // every person of a reached distributor is told; nobody at D2
  const told: Array<{ distributor_id: string }> = await t.app.ds.query(
    `SELECT DISTINCT u.distributor_id FROM notification n JOIN app_user u ON u.id = n.user_id
      WHERE n.entity = 'recall' AND n.entity_id = $1 AND n.kind = 'RECALL_ISSUED'`,
    [recall.id],
  );
  expect(told.map((r) => r.distributor_id).sort()).toEqual([idOf(D0), idOf(D1)].sort());
});

test('a distributor sees only its own part; an unreached one and another brand get NOT_FOUND', async () => {
  const batchNo = await batchThroughChannel(w);
  const recall = await issue(batchNo);

  const mine = (await w.rep1.request(REACH, { id: recall.id })).data.recallDistributors;
  expect(mine.nodes.map((n: { distributorId: string }) => n.distributorId)).toEqual([idOf(D1)]);
  const sold = (await w.rep1.request(HOSPITALS, { id: recall.id })).data.recallHospitals.nodes;
  expect(sold).toHaveLength(1);
  expect(sold[0]).toMatchObject({ distributorId: idOf(D1), quantity: 3 });
  expect((await w.rep1.request(ONE, { id: recall.id })).data.recall).toMatchObject({ distributorCount: 1 });
  // the owner of D0 sees his second tier's part too
  expect((await w.owner.request(REACH, { id: recall.id })).data.recallDistributors.totalCount).toBe(2);

  for (const q of [ONE, REACH, HOSPITALS, ACK])
    expect(codeOf(await w.rep2.request(q, { id: recall.id }))).toBe(ErrorCode.NOT_FOUND);
  const listed = (await w.rep2.request(LIST)).data.recalls.nodes.map((n: { id: string }) => n.id);
  expect(listed).not.toContain(recall.id);
  // a rep of D0 cannot acknowledge for the second tier
  expect(codeOf(await w.rep0.request(ACK, { id: recall.id, d: idOf(D1) }))).toBe(ErrorCode.NOT_FOUND);

  const other = await createBrand(t.app.ds, 1);
  const stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
  for (const q of [ONE, REACH, HOSPITALS, CLOSE])
    expect(codeOf(await stranger.request(q, { id: recall.id }))).toBe(ErrorCode.NOT_FOUND);
  // nor may a brand recall another brand's product
  const foreign = await stranger.request(CREATE, { i: recallInput(w.cat.productII, batchNo) });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
});

test('acknowledging is idempotent; the brand sees who has not acknowledged', async () => {
  const batchNo = await batchThroughChannel(w);
  const recall = await issue(batchNo);
  const first = await w.rep1.request(ACK, { id: recall.id });
  expect(first.errors).toEqual([]);
  expect(first.data.acknowledgeRecall).toMatchObject({ distributorId: idOf(D1), acknowledgedByName: '销售1' });
  const again = await w.rep1.request(ACK, { id: recall.id });
  expect(again.data.acknowledgeRecall.acknowledgedAt).toBe(first.data.acknowledgeRecall.acknowledgedAt);
  const [{ n }] = await t.app.ds.query(`SELECT COUNT(*)::int AS n FROM recall_ack WHERE recall_id = $1`, [recall.id]);
  expect(n).toBe(1);

  const pending = (await w.admin.request(REACH, { id: recall.id, f: { acknowledged: false } })).data.recallDistributors;
  expect(pending.nodes.map((r: { distributorId: string }) => r.distributorId)).toEqual([idOf(D0)]);
  expect((await w.admin.request(ONE, { id: recall.id })).data.recall).toMatchObject({ acknowledgedCount: 1 });
});

test('a replayed create issues one recall; a lot nobody received is refused; closing keeps the reach', async () => {
  const batchNo = await batchThroughChannel(w);
  const input = recallInput(w.cat.productII, batchNo);
  const a = await w.admin.request(CREATE, { i: input });
  const b = await w.admin.request(CREATE, { i: input });
  expect(b.data.createRecall.id).toBe(a.data.createRecall.id);
  const [{ n }] = await t.app.ds.query(`SELECT COUNT(*)::int AS n FROM recall WHERE batch_no = $1`, [batchNo]);
  expect(n).toBe(1);

  const none = await w.admin.request(CREATE, { i: recallInput(w.cat.productII, 'NEVER-SHIPPED') });
  expect(codeOf(none)).toBe(ErrorCode.BAD_USER_INPUT);
  const [{ m }] = await t.app.ds.query(`SELECT COUNT(*)::int AS m FROM recall WHERE batch_no = 'NEVER-SHIPPED'`);
  expect(m).toBe(0);

  const id = a.data.createRecall.id;
  const closed = await w.admin.request(CLOSE, { id });
  expect(closed.data.closeRecall).toMatchObject({ status: 'CLOSED', distributorCount: 2 });
  expect(closed.data.closeRecall.closedAt).not.toBeNull();
  await expect(t.app.ds.query(`UPDATE recall_distributor SET held = 0 WHERE recall_id = $1`, [id])).rejects.toThrow();
  await expect(t.app.ds.query(`DELETE FROM recall_hospital WHERE recall_id = $1`, [id])).rejects.toThrow();
  // the units moved on since do not change the closed recall's reach
  expect((await w.admin.request(REACH, { id })).data.recallDistributors.nodes).toContainEqual(
    expect.objectContaining({ distributorId: idOf(D0), held: 25 }),
  );
});
