import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import {
  CAMPAIGN,
  CLOSE,
  CONFIRM,
  COUNT,
  DISCREPANCIES,
  ITEMS,
  OPEN,
  PLACE,
  PlacementWorld,
  placementWorld,
  receivedSerial,
} from './placement.test-kit';

/**
 * The stocktake through the API: the brand opens a campaign, D0's and D1's people confirm their
 * instruments and count their stock, discrepancies and progress follow, and a closed campaign refuses
 * every write (the service first, the database's trigger under it).
 */
let t: TestApp;
let w: PlacementWorld;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await startTestApp();
  w = await placementWorld(t);
});
afterAll(() => t?.stop());

async function place(index: number): Promise<string> {
  const serialNo = await receivedSerial(t, w, index);
  const r = await (index === 0 ? w.rep0 : w.rep1).request(PLACE, {
    i: {
      productId: w.cat.productIII,
      serialNo,
      source: 'STOCK',
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.departmentId,
      reagentLineId: w.cat.lineId,
      commitmentQuantity: 10,
      commitmentPeriod: 'MONTH',
      startsOn: addDays(today(), -30),
      endsOn: addDays(today(), 300),
    },
  });
  expect(r.errors).toEqual([]);
  return serialNo;
}

async function open(year: number) {
  const r = await w.admin.request(OPEN, { i: { year, dueOn: addDays(today(), 30), idempotencyKey: randomUUID() } });
  expect(r.errors).toEqual([]);
  return r.data.openStocktake.id as string;
}

const items = async (c: GqlClient, campaignId: string) =>
  (await c.request(ITEMS, { c: campaignId })).data.stocktakeItems.nodes as Array<{ id: string; serialNo: string }>;

const photo = (c: GqlClient, itemId: string) =>
  fetch(`${t.url}/files/stocktake-items/${itemId}/photo`, {
    method: 'PUT',
    headers: {
      'x-medchannel-app': c.audience!.toLowerCase(),
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-file-name': encodeURIComponent('现场.png'),
    },
    body: PNG,
  });

test('confirming an instrument: its serial scanned (a GS1 UDI or the plain serial), a photo; another serial is refused; progress and discrepancies follow', async () => {
  const s0 = await place(0);
  const s1 = await place(1);
  const campaign = await open(2031);
  const mine = await items(w.rep0, campaign);
  expect(mine.map((i) => i.serialNo)).toContain(s0);
  expect(mine.map((i) => i.serialNo)).not.toContain(s1);
  const item0 = mine.find((i) => i.serialNo === s0)!;
  const item1 = (await items(w.rep1, campaign)).find((i) => i.serialNo === s1)!;

  const wrong = await w.rep0.request(CONFIRM, {
    id: item0.id,
    i: { finding: 'FOUND', scannedCode: 'OTHER-1', condition: 'GOOD' },
  });
  expect([codeOf(wrong), reasonOf(wrong)]).toEqual([ErrorCode.BAD_USER_INPUT, ErrorReason.SERIAL_MISMATCH]);
  const udi = `(01)06901234500062(17)271231(10)EQ1(21)${s0}`;
  const ok = await w.rep0.request(CONFIRM, {
    id: item0.id,
    i: { finding: 'FOUND', scannedCode: udi, condition: 'GOOD', meterReading: 12840 },
  });
  expect(ok.errors).toEqual([]);
  expect(ok.data.confirmStocktakeItem).toMatchObject({
    finding: 'FOUND',
    condition: 'GOOD',
    meterReading: 12840,
    hasPhoto: false,
  });
  expect((await photo(w.rep1, item0.id)).status).toBe(404);
  expect((await photo(w.rep0, item0.id)).status).toBe(200);
  const got = await fetch(`${t.url}/files/stocktake-items/${item0.id}/photo`, {
    headers: { 'x-medchannel-app': 'console', cookie: [...w.admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);

  // another distributor's item, and the brand confirming at all: NOT_FOUND
  expect(codeOf(await w.rep1.request(CONFIRM, { id: item0.id, i: { finding: 'NOT_FOUND' } }))).toBe(
    ErrorCode.NOT_FOUND,
  );
  expect(codeOf(await w.admin.request(CONFIRM, { id: item0.id, i: { finding: 'NOT_FOUND' } }))).toBe(
    ErrorCode.FORBIDDEN,
  );
  const lost = await w.rep1.request(CONFIRM, { id: item1.id, i: { finding: 'NOT_FOUND' } });
  expect(lost.errors).toEqual([]);

  // D0 counts a batch it holds (one unit of EQ1 per serial received, less those placed: placing moves no stock)
  const held = Number(
    (
      await t.app.ds.query(
        `SELECT COALESCE(SUM(quantity), 0)::int AS n FROM stock_balance WHERE distributor_id = $1 AND batch_no = 'EQ1'`,
        [w.brand.distributorIds[0]],
      )
    )[0].n,
  );
  const counted = await w.rep0.request(COUNT, {
    c: campaign,
    i: { productId: w.cat.productIII, batchNo: 'EQ1', counted: held - 1 },
  });
  expect(counted.errors).toEqual([]);
  expect(counted.data.countStocktakeBatch).toMatchObject({ counted: held - 1, derived: held });

  const d = (await w.admin.request(DISCREPANCIES, { c: campaign })).data.stocktakeDiscrepancies;
  expect(d.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['COUNT_DIFFERS', 'NOT_FOUND']);
  const own = (await w.rep1.request(DISCREPANCIES, { c: campaign })).data.stocktakeDiscrepancies;
  expect(own.nodes.map((n: { kind: string; serialNo: string }) => [n.kind, n.serialNo])).toEqual([['NOT_FOUND', s1]]);

  const progress = (await w.admin.request(CAMPAIGN, { id: campaign })).data.stocktakeCampaign.progress;
  const of = (i: number) =>
    progress.find((p: { distributorId: string }) => p.distributorId === w.brand.distributorIds[i]);
  expect(of(0)).toMatchObject({ confirmed: 1, batchesCounted: 1, discrepancies: 1 });
  expect(of(0).instruments).toBeGreaterThanOrEqual(1);
  expect(of(1)).toMatchObject({ instruments: 1, confirmed: 1, discrepancies: 1 });
  const seenBy1 = (await w.rep1.request(CAMPAIGN, { id: campaign })).data.stocktakeCampaign.progress;
  expect(seenBy1.map((p: { distributorId: string }) => p.distributorId)).toEqual([w.brand.distributorIds[1]]);
});

test('a closed campaign keeps its results: every write is refused with STOCKTAKE_CLOSED, and the database refuses too', async () => {
  const s0 = await place(0);
  const campaign = await open(2032);
  const item = (await items(w.rep0, campaign)).find((i) => i.serialNo === s0)!;
  expect(
    (await w.rep0.request(CONFIRM, { id: item.id, i: { finding: 'FOUND', scannedCode: s0, condition: 'GOOD' } }))
      .errors,
  ).toEqual([]);
  const rep = await w.rep0.request(CLOSE, { id: campaign });
  expect(codeOf(rep)).toBe(ErrorCode.FORBIDDEN);
  const closed = await w.admin.request(CLOSE, { id: campaign });
  expect(closed.data.closeStocktake.status).toBe('CLOSED');
  const again = await w.rep0.request(CONFIRM, { id: item.id, i: { finding: 'NOT_FOUND' } });
  expect([codeOf(again), reasonOf(again)]).toEqual([ErrorCode.CONFLICT, ErrorReason.STOCKTAKE_CLOSED]);
  const count = await w.rep0.request(COUNT, {
    c: campaign,
    i: { productId: w.cat.productIII, batchNo: 'EQ1', counted: 1 },
  });
  expect(reasonOf(count)).toBe(ErrorReason.STOCKTAKE_CLOSED);
  const photoRes = await photo(w.rep0, item.id);
  expect(photoRes.status).toBe(409);
  expect(reasonOf(await w.admin.request(CLOSE, { id: campaign }))).toBe(ErrorReason.STOCKTAKE_CLOSED);
  await expect(
    t.app.ds.query(`UPDATE stocktake_item SET finding = 'NOT_FOUND', condition = NULL WHERE id = $1`, [item.id]),
  ).rejects.toThrow(/closed/);
  await expect(
    t.app.ds.query(`UPDATE stocktake_campaign SET status = 'OPEN', closed_at = NULL WHERE id = $1`, [campaign]),
  ).rejects.toThrow(/closed/);
  const kept = (await items(w.admin, campaign)).find((i) => i.id === item.id);
  expect(kept).toMatchObject({ finding: 'FOUND' });
});

test('a campaign of another brand is NOT_FOUND; a year opens once', async () => {
  const campaign = await open(2033);
  const stranger = await t.as('boss@ruida.demo');
  expect(codeOf(await stranger.request(CAMPAIGN, { id: campaign }))).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await stranger.request(ITEMS, { c: campaign }))).toBe(ErrorCode.NOT_FOUND);
  const rgAdmin = await t.as('admin@ruiguang.demo');
  expect(codeOf(await rgAdmin.request(CLOSE, { id: campaign }))).toBe(ErrorCode.NOT_FOUND);
  const twice = await w.admin.request(OPEN, { i: { year: 2033, dueOn: addDays(today(), 30) } });
  expect(codeOf(twice)).toBe(ErrorCode.CONFLICT);
});
