import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { addDays, addMonths, today } from '../../common/dates';
import {
  GET,
  LIST,
  PLACE,
  PlacementWorld,
  RELOCATE,
  REPLACE,
  RETURN,
  placementWorld,
  receivedSerial,
} from './placement.test-kit';

/**
 * Placed equipment through the API, in a brand of the test's own: D0 places instruments from its
 * stock, moves, replaces and takes one back; the commitment against sell-out by month; who sees which.
 */
let t: TestApp;
let w: PlacementWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await placementWorld(t);
});
afterAll(() => t?.stop());

const firstOfMonth = (offset: number) => addMonths(today(), offset).slice(0, 8) + '01';

const input = (serialNo: string, extra: Record<string, unknown> = {}) => ({
  productId: w.cat.productIII,
  serialNo,
  source: 'STOCK',
  hospitalId: w.cat.hospitalInCity,
  departmentId: w.departmentId,
  reagentLineId: w.cat.lineId,
  commitmentQuantity: 20,
  commitmentPeriod: 'MONTH',
  startsOn: firstOfMonth(-2),
  endsOn: addDays(today(), 700),
  idempotencyKey: randomUUID(),
  ...extra,
});

async function placed(extra: Record<string, unknown> = {}) {
  const serial = await receivedSerial(t, w);
  const r = await w.rep0.request(PLACE, { i: input(serial, extra) });
  expect(r.errors).toEqual([]);
  return r.data.placeInstrument;
}

/** Reagent units of the line sold out by D0 to a department on a day (written as a fact). */
const soldOut = (departmentId: string, on: string, units: number) =>
  t.app.ds.query(
    `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, hospital_id, department_id, created_by)
     SELECT $1, $2, $3, 'R1', 'SOLD_OUT', $4, $5, $6, $7, u.id FROM app_user u WHERE u.distributor_id = $2 LIMIT 1`,
    [w.brand.brandId, w.brand.distributorIds[0], w.cat.productII, -units, on, w.cat.hospitalInCity, departmentId],
  );

test('an instrument received into stock is placed once; a retry answers the first; the serial placed twice is refused', async () => {
  const serial = await receivedSerial(t, w);
  const i = input(serial.toLowerCase());
  const first = await w.rep0.request(PLACE, { i });
  expect(first.errors).toEqual([]);
  expect(first.data.placeInstrument).toMatchObject({ serialNo: serial, status: 'PLACED', source: 'STOCK', version: 1 });
  const again = await w.rep0.request(PLACE, { i });
  expect(again.data.placeInstrument.id).toBe(first.data.placeInstrument.id);
  const twice = await w.rep0.request(PLACE, { i: input(serial) });
  expect([codeOf(twice), reasonOf(twice)]).toEqual([ErrorCode.CONFLICT, ErrorReason.SERIAL_PLACED]);
  const never = await w.rep0.request(PLACE, { i: input('NEVER-IN-STOCK') });
  expect([codeOf(never), never.errors[0].extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'serialNo']);
});

test('the commitment against sell-out to its department, by month: a complete month below it is a shortfall', async () => {
  const p = await placed();
  await soldOut(w.departmentId, firstOfMonth(-2), 25); // two months ago: above 20
  await soldOut(w.departmentId, addDays(firstOfMonth(-1), 3), 12); // last month: below 20
  await soldOut(w.departmentId, firstOfMonth(0), 3); // this month: open, never a shortfall
  await soldOut(w.otherDepartmentId, addDays(firstOfMonth(-1), 3), 50); // another department: not counted
  const r = await w.admin.request(GET, { id: p.id });
  expect(r.errors).toEqual([]);
  const months = r.data.placement.commitment;
  const sold = (m: { actual: number }) => m.actual;
  expect(months.map((m: { month: string }) => m.month)).toEqual([
    firstOfMonth(-2).slice(0, 7),
    firstOfMonth(-1).slice(0, 7),
    firstOfMonth(0).slice(0, 7),
  ]);
  // every placement of the test shares the department: the earlier ones' sales count for each
  expect(months.map(sold)).toEqual([25, 12, 3]);
  expect(months.map((m: { shortfall: boolean }) => m.shortfall)).toEqual([false, true, false]);
  const short = await w.admin.request(LIST, { f: { shortfall: true } });
  expect(short.data.placements.nodes.map((n: { id: string }) => n.id)).toContain(p.id);
});

test('a yearly commitment counts a twelfth each month', async () => {
  const p = await placed({ commitmentQuantity: 240, commitmentPeriod: 'YEAR' });
  const r = await w.rep0.request(GET, { id: p.id });
  expect(r.data.placement.commitment.map((m: { committed: number }) => m.committed)).toEqual([20, 20, 20]);
});

test('relocation, replacement and return are appended to its history; an ended placement refuses changes', async () => {
  const p = await placed();
  const moved = await w.rep0.request(RELOCATE, {
    id: p.id,
    i: {
      expectedVersion: 1,
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.otherDepartmentId,
      occurredOn: today(),
      note: '移至急诊',
    },
  });
  expect(moved.errors).toEqual([]);
  expect(moved.data.relocatePlacement).toMatchObject({ departmentName: '急诊科', version: 2 });
  const stale = await w.rep0.request(RETURN, { id: p.id, i: { expectedVersion: 1, occurredOn: today() } });
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  const swapped = await w.owner.request(REPLACE, {
    id: p.id,
    i: { expectedVersion: 2, serialNo: 'new-serial-1', occurredOn: today(), note: '主板故障换机' },
  });
  expect(swapped.data.replacePlacementInstrument).toMatchObject({ serialNo: 'NEW-SERIAL-1', version: 3 });
  const back = await w.rep0.request(RETURN, { id: p.id, i: { expectedVersion: 3, occurredOn: today() } });
  expect(back.data.returnPlacement).toMatchObject({ status: 'RETURNED', returnedOn: today() });
  const after = await w.rep0.request(RELOCATE, {
    id: p.id,
    i: {
      expectedVersion: 4,
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.departmentId,
      occurredOn: today(),
    },
  });
  expect([codeOf(after), reasonOf(after)]).toEqual([ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION]);
  const history = (await w.admin.request(GET, { id: p.id })).data.placement.history;
  expect(
    history.map((h: { kind: string; departmentName: string; serialNo: string }) => [
      h.kind,
      h.departmentName,
      h.serialNo,
    ]),
  ).toEqual([
    ['PLACED', '检验科', p.serialNo],
    ['RELOCATED', '急诊科', p.serialNo],
    ['REPLACED', '急诊科', 'NEW-SERIAL-1'],
    ['RETURNED', '急诊科', 'NEW-SERIAL-1'],
  ]);
  // the serial came back: it may be placed again
  const serialAgain = await w.rep0.request(PLACE, { i: input('NEW-SERIAL-1') });
  expect(serialAgain.errors[0]?.extensions?.reason).not.toBe(ErrorReason.SERIAL_PLACED);
  await expect(
    t.app.ds.query(`UPDATE placement_event SET note = 'x' WHERE placement_id = $1`, [p.id]),
  ).rejects.toThrow();
});

test('a second tier sees its own placements only; its first tier’s owner sees both; another brand sees none (NOT_FOUND)', async () => {
  const p0 = await placed();
  const serial1 = await receivedSerial(t, w, 1);
  const p1 = (await w.rep1.request(PLACE, { i: input(serial1) })).data.placeInstrument;
  expect(p1.distributorId).toBe(w.brand.distributorIds[1]);
  expect(codeOf(await w.rep1.request(GET, { id: p0.id }))).toBe(ErrorCode.NOT_FOUND);
  const moveForeign = await w.rep1.request(RELOCATE, {
    id: p0.id,
    i: {
      expectedVersion: 1,
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.otherDepartmentId,
      occurredOn: today(),
    },
  });
  expect(codeOf(moveForeign)).toBe(ErrorCode.NOT_FOUND);
  expect((await w.owner.request(GET, { id: p1.id })).errors).toEqual([]);
  const ids = (await w.rep1.request(LIST)).data.placements.nodes.map((n: { id: string }) => n.id);
  expect(ids).toContain(p1.id);
  expect(ids).not.toContain(p0.id);
  const stranger = await t.as('boss@ruida.demo');
  expect(codeOf(await stranger.request(GET, { id: p0.id }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await stranger.request(RETURN, { id: p0.id, i: { expectedVersion: 1, occurredOn: today() } }))).toBe(
    ErrorCode.NOT_FOUND,
  );
  // a brand user of another brand places nothing at this brand's hospital
  const rgAdmin = t.client(Audience.CONSOLE);
  await rgAdmin.login('admin@ruiguang.demo');
  const foreign = await rgAdmin.request(PLACE, {
    i: input('RG-X1', { distributorId: w.brand.distributorIds[0] }),
  });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
});

const PAGE = `query($first: Int!, $after: String) { placements(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;

test('pages follow their cursor for the brand and for an owner (each its own sort key), rows of one instant included; a forged cursor is a coded error', async () => {
  for (let i = 0; i < 4; i++) await placed();
  // three of them at one instant, to the microsecond: the id orders them, and no page skips one
  await t.app.ds.query(
    `UPDATE placement SET created_at = '2026-03-04 05:06:07.891234+00'
      WHERE id IN (SELECT id FROM placement WHERE brand_id = $1 ORDER BY created_at DESC LIMIT 3)`,
    [w.brand.brandId],
  );
  for (const client of [w.admin, w.owner]) {
    const all = (await client.request(PAGE, { first: 100 })).data.placements;
    expect(all.totalCount).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
        await client.request(PAGE, { first: 2, after })
      ).data.placements;
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
  }
  const forged = Buffer.from(JSON.stringify(['not a date', 'not a uuid'])).toString('base64url');
  for (const client of [w.admin, w.owner])
    expect(codeOf(await client.request(PAGE, { first: 2, after: forged }))).toBe(ErrorCode.BAD_USER_INPUT);
});

test('the shortfall lists (short, and not short) page one row at a time as they list whole, with the count on every page', async () => {
  const FILTERED = `query($first: Int!, $after: String, $f: PlacementFilter) { placements(first: $first, after: $after, filter: $f) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
  let rows = 0;
  for (const shortfall of [true, false]) {
    const f = { shortfall };
    const all = (await w.admin.request(FILTERED, { first: 100, f })).data.placements;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i <= all.totalCount; i++) {
      const p: {
        totalCount: number;
        nodes: Array<{ id: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      } = (await w.admin.request(FILTERED, { first: 1, after, f })).data.placements;
      expect(p.totalCount).toBe(all.totalCount);
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
    rows += all.totalCount;
  }
  // short and not short are every placement in force, split
  expect(rows).toBeGreaterThan(1);
});
