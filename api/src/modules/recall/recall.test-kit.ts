import { randomUUID } from 'node:crypto';
import { GqlClient, GqlResult, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, brandClients, provinceBrand } from '../../../test/factories';
import { today } from '../../common/dates';

/**
 * A brand of a test's own for recalls: D0 (first tier) with its second tier D1, and D2 (first tier,
 * never given the recalled batch); all authorized for the province; a laboratory at the city's hospital.
 */
export interface RecallWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  departmentId: string;
  admin: GqlClient;
  /** D0's owner (also sees D1) */
  owner: GqlClient;
  rep0: GqlClient;
  rep1: GqlClient;
  rep2: GqlClient;
}

export async function recallWorld(t: TestApp): Promise<RecallWorld> {
  const { brand, cat, departmentId } = await provinceBrand(t.app.ds, 3);
  const {
    admin,
    owner,
    reps: [rep0, rep1, rep2],
  } = await brandClients(t, brand, [0, 1, 2]);
  return { brand, cat, departmentId, admin, owner, rep0, rep1, rep2 };
}

async function ok(r: Promise<GqlResult>) {
  const result = await r;
  if (result.errors.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/**
 * A fresh batch through the channel: D0 takes `received` in (an opening stock), moves `transferred` to D1, sells
 * `sold0` to the laboratory; D1 sells `sold1` there. Answers the batch.
 */
export async function batchThroughChannel(
  w: RecallWorld,
  units = { received: 50, transferred: 20, sold0: 5, sold1: 3 },
): Promise<string> {
  const batchNo = `R${randomUUID().slice(0, 6)}`;
  const move = (quantity: number, extra: Record<string, unknown>) => ({
    productId: w.cat.productII,
    batchNo,
    quantity,
    occurredOn: today(),
    ...extra,
  });
  await ok(w.rep0.request(RECORD, { i: move(units.received, { kind: 'ADJUSTED', reason: '期初库存' }) }));
  await ok(
    w.owner.request(RECORD, {
      i: move(units.transferred, { kind: 'TRANSFER_OUT', toDistributorId: w.brand.distributorIds[1] }),
    }),
  );
  const sale = { kind: 'SOLD_OUT', hospitalId: w.cat.hospitalInCity, departmentId: w.departmentId };
  await ok(w.rep0.request(RECORD, { i: move(units.sold0, sale) }));
  if (units.sold1) await ok(w.rep1.request(RECORD, { i: move(units.sold1, sale) }));
  return batchNo;
}

const RECORD = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { id } }`;

const RECALL = `id productName batchNo serialNo reason severity instructions status closedAt distributorCount acknowledgedCount hospitalCount`;
export const CREATE = `mutation($i: CreateRecallInput!) { createRecall(input: $i) { ${RECALL} } }`;
export const ONE = `query($id: ID!) { recall(id: $id) { ${RECALL} } }`;
export const LIST = `query { recalls(first: 50) { totalCount nodes { ${RECALL} } } }`;
export const REACH = `query($id: ID!, $f: RecallReachFilter) { recallDistributors(recallId: $id, first: 50, filter: $f) {
  totalCount nodes { distributorId distributorName tier received held transferred sold acknowledgedAt acknowledgedByName } } }`;
export const HOSPITALS = `query($id: ID!) { recallHospitals(recallId: $id, first: 50) { totalCount nodes { distributorId distributorName hospitalName departmentName quantity } } }`;
export const ACK = `mutation($id: ID!, $d: ID) { acknowledgeRecall(id: $id, distributorId: $d) { distributorId acknowledgedAt acknowledgedByName } }`;
export const CLOSE = `mutation($id: ID!) { closeRecall(id: $id) { ${RECALL} } }`;

export const recallInput = (productId: string, batchNo: string, extra: Record<string, unknown> = {}) => ({
  productId,
  batchNo,
  reason: '试剂批次效价偏低',
  severity: 'CLASS_II',
  instructions: '停止销售，隔离库存，通知医院',
  idempotencyKey: randomUUID(),
  ...extra,
});
