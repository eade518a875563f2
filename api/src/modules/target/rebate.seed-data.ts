import { fixedId } from '../../db/seed/demo-data';

/**
 * The rebate demo (返利): 华康's policy on 体外诊断试剂 (80 % of the quarter's target → 2 % of its
 * sell-in, 100 % → 3 %), and 苏州恒康's agreed target on that line for the year of the quarter
 * before the seed's own (72,000.00 a quarter). In that closed quarter it ordered 20 HIV and 60 CRP
 * kits at its tier's prices (63,280.00), delivered and paid: 87.88 % of the target, so 2 % is due,
 * 1,265.60, and 8,720.00 more would have reached 3 %. Nothing is approved: finance approves it.
 */
export const REBATE_SEED = {
  targetId: fixedId(0x7a02, 1),
  policyId: fixedId(0x7a02, 2),
  orderId: fixedId(0x7a02, 3),
  shipmentId: fixedId(0x7a02, 4),
  invoiceId: fixedId(0x7a02, 5),
  paymentId: fixedId(0x7a02, 6),
  lineIds: [fixedId(0x7a02, 7), fixedId(0x7a02, 8)],
  distributorCode: 'HK-HGK',
  lineCode: 'IVD',
  bands: [
    { threshold: '0.8000', rate: '0.0200' },
    { threshold: '1.0000', rate: '0.0300' },
  ],
  quarterAmount: '72000.00',
  lines: [
    { productCode: 'HK-HIV-96', quantity: 20, batch: '2607H' },
    { productCode: 'HK-CRP-50', quantity: 60, batch: '2607C' },
  ],
  /** what the seed's numbers give (rebate.seed.test.ts checks them against the API) */
  sellIn: '63280.00',
  rebate: '1265.60',
  moreToNext: '8720.00',
} as const;

/** The quarter before the one `today` (YYYY-MM-DD) is in: its year, number and months (YYYY-MM). */
export function quarterBefore(today: string): { year: number; quarter: number; months: string[] } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const [y, q] = current === 1 ? [year - 1, 4] : [year, current - 1];
  const months = [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
  return { year: y, quarter: q, months };
}
