import { EntityManager } from 'typeorm';
import { TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { BRANDS, distributorByCode, fixedId } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { ProductFloorPrice, Tender, TenderQuote } from './tender.entity';

/** The fixed ids of the demo tender and its waiting quote. */
export const SEED_TENDER_ID = fixedId(0x7e01, 1);
export const SEED_PENDING_QUOTE_ID = fixedId(0x7e02, 1);

/** 华康's floor prices of its ultrasound line (from 90 days before the seed's day). */
const FLOORS: Array<{ code: string; price: string }> = [
  { code: 'HK-US-200', price: '600000.00' },
  { code: 'HK-US-P10', price: '150000.00' },
  { code: 'HK-PAD-50', price: '40.00' },
];

/**
 * The demo tender: 广州粤康's opportunity at 中山大学附属第一医院 (already at its TENDER stage) is
 * bid in a tender whose registration closes in ten days; its owner's quote for the HK-US-200 is
 * below the floor and waits for approval (no regional head covers 广东: the admin decides).
 */
export async function seedTenders(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const HK = BRANDS.huakang.id;
  const product = (code: string) => PRODUCTS.find((p) => p.brandId === HK && p.code === code)!;
  await em.insert(
    ProductFloorPrice,
    FLOORS.map((f) => ({
      brandId: HK,
      productId: product(f.code).id,
      price: f.price,
      currency: 'CNY',
      effectiveFrom: cal.fromToday(-90),
      effectiveTo: null,
    })),
  );
  const [opportunity]: Array<{ id: string; owner_id: string }> = await em.query(
    `SELECT id, owner_id FROM opportunity WHERE distributor_id = $1 AND stage = 'TENDER' ORDER BY created_at LIMIT 1`,
    [distributorByCode('HK-YK').id],
  );
  const owner = opportunity.owner_id;
  await em.insert(Tender, {
    id: SEED_TENDER_ID,
    brandId: HK,
    opportunityId: opportunity.id,
    number: 'GZ-ZB-2026-0418',
    purchaser: '中山大学附属第一医院',
    budget: '1000000.00',
    currency: 'CNY',
    registrationDeadline: cal.fromToday(10),
    bidOpeningAt: cal.plannedAt(cal.fromToday(20), '09:30'),
    status: TenderStatus.OPEN,
    winningPrice: null,
    winner: null,
    createdBy: owner,
    createdAt: cal.factAt(cal.fromToday(-5), '10:00'),
  });
  await em.insert(TenderQuote, {
    id: SEED_PENDING_QUOTE_ID,
    brandId: HK,
    tenderId: SEED_TENDER_ID,
    productId: product('HK-US-200').id,
    price: '580000.00',
    currency: 'CNY',
    floorPrice: '600000.00',
    status: TenderQuoteStatus.PENDING_APPROVAL,
    reason: '院方预算有限，竞品报价 58 万',
    requestedBy: owner,
    createdAt: cal.factAt(cal.fromToday(-2), '16:00'),
  });
}
