import { EntityManager } from 'typeorm';
import { StockMovementKind } from '@medchannel/shared-schema';
import { BRANDS, distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { appendMovement } from './stock.service';

const K = StockMovementKind;
const product = (code: string) => PRODUCTS.find((p) => p.code === code)!;

/** The demo's channel stock, as its batches for the browser tests and the screens read them. */
export const SEED_STOCK = {
  /** 康达's CRP batch that expires within the near-expiry window */
  nearExpiryBatch: '2509C',
  /** 康达's CRP batch a rep sells out by scanning its UDI */
  batch: '2603A',
  crpGtin: product('HK-CRP-50').udiDi,
};

/**
 * Channel stock: 杭州康达 holds CRP and HIV reagents from before the system (an ADJUSTED opening stock, one batch near expiry), moves some to
 * its second tier 宁波瑞康 and sells out to 浙大一院's and 市一医院's laboratories; 瑞达 (瑞光) holds
 * and sells a batch of its own. Written through the same path as the API, so balances match. (The
 * seeded shipment stays to be received on the order's page: its serial is its placer's to see.)
 */
export async function seedInventory(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const day = (offset: number) => cal.fromToday(offset);
  const dept = async (hospitalId: string, name: string): Promise<string> =>
    (await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [hospitalId, name]))[0]
      .id;
  const kd = distributorByCode('HK-KD').id;
  const nb = distributorByCode('HK-NBRK').id;
  const owner = userByEmail('boss@kangda.demo').id;
  const rep = userByEmail('li.rep@kangda.demo').id;
  const HK = BRANDS.huakang.id;
  const crp = product('HK-CRP-50').id;
  const hiv = product('HK-HIV-96').id;
  const lot = (productId: string, batchNo: string, expiryDate: string | null) => ({
    brandId: HK,
    distributorId: kd,
    productId,
    batchNo,
    serialNo: '',
    expiryDate,
  });

  const opening = '期初库存（系统上线前）';
  const moves = [
    { ...lot(crp, SEED_STOCK.nearExpiryBatch, day(45)), kind: K.ADJUSTED, quantity: 40, on: -60, reason: opening },
    { ...lot(crp, SEED_STOCK.batch, day(300)), kind: K.ADJUSTED, quantity: 120, on: -60, reason: opening },
    { ...lot(hiv, '2512B', day(200)), kind: K.ADJUSTED, quantity: 30, on: -60, reason: opening },
  ];
  for (const m of moves) await appendMovement(em, { ...m, occurredOn: day(m.on), createdBy: owner });

  const zy = HOSPITALS[0].id;
  const sy = HOSPITALS[1].id;
  const sales = [
    {
      ...lot(crp, SEED_STOCK.nearExpiryBatch, null),
      hospitalId: zy,
      departmentId: await dept(zy, '检验科'),
      quantity: -10,
      on: -20,
    },
    {
      ...lot(crp, SEED_STOCK.batch, null),
      hospitalId: sy,
      departmentId: await dept(sy, '检验科'),
      quantity: -24,
      on: -12,
    },
    { ...lot(hiv, '2512B', null), hospitalId: zy, departmentId: await dept(zy, '检验科'), quantity: -6, on: -5 },
  ];
  for (const s of sales) await appendMovement(em, { ...s, kind: K.SOLD_OUT, occurredOn: day(s.on), createdBy: rep });

  // 20 CRP to the second tier 宁波瑞康
  const out = await appendMovement(em, {
    ...lot(crp, SEED_STOCK.batch, null),
    kind: K.TRANSFER_OUT,
    quantity: -20,
    occurredOn: day(-8),
    counterpartId: nb,
    createdBy: owner,
  });
  await appendMovement(em, {
    ...lot(crp, SEED_STOCK.batch, null),
    distributorId: nb,
    kind: K.TRANSFER_IN,
    quantity: 20,
    occurredOn: day(-8),
    counterpartId: kd,
    pairId: out.id,
    createdBy: owner,
  });

  // 瑞光: 瑞达 holds six analysers of one batch and has placed two
  const RG = BRANDS.ruiguang.id;
  const rd = distributorByCode('RG-RD').id;
  const rgProduct = PRODUCTS.find((p) => p.brandId === RG)!.id;
  const rgOwner = userByEmail('boss@ruida.demo').id;
  await appendMovement(em, {
    brandId: RG,
    distributorId: rd,
    productId: rgProduct,
    batchNo: 'RG2601',
    serialNo: '',
    expiryDate: day(400),
    kind: K.ADJUSTED,
    quantity: 6,
    occurredOn: day(-30),
    reason: opening,
    createdBy: rgOwner,
  });
  const rgHospital = HOSPITALS.find((h) => h.brandId === RG)!;
  await appendMovement(em, {
    brandId: RG,
    distributorId: rd,
    productId: rgProduct,
    batchNo: 'RG2601',
    serialNo: '',
    kind: K.SOLD_OUT,
    quantity: -2,
    occurredOn: day(-10),
    hospitalId: rgHospital.id,
    departmentId: await dept(rgHospital.id, rgHospital.departments[0].name),
    createdBy: rgOwner,
  });
}
