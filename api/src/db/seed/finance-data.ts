import { EntityManager } from 'typeorm';
import { LedgerEntryKind, PaymentMethod } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { addDays } from '../../common/dates';
import { issueStatement } from '../../modules/finance';
import { DISTRIBUTORS, USERS, fixedId } from './demo-data';
import { SeedCalendar } from './seed-clock';
import { SEED_ORDERS, seedShipmentIdOf } from './order-data';

/**
 * The finance demo: balances carried over from before the system (期初余额), an invoice for the
 * partly shipped order's shipment, a payment against it, and a rep the owner lets see the account.
 */
export const SEED_INVOICE_ID = fixedId(0x3a, 1);
export const SEED_PAYMENT_ID = fixedId(0x3b, 1);
export const SEED_INVOICE_NUMBER = '33002611180012345';
export const SEED_PAYMENT_REF = 'ICBC-20261125-0078';
/** whose account the seeded invoice and payment are */
export const SEED_ACCOUNT_CODE = 'HK-KD';

/** Balances carried over from before the system: on the last day of the month before last, due on the 1st of last month (overdue). */
export const OPENING_BALANCES: Record<string, string> = {
  'HK-KD': '350000.00',
  'HK-HN': '86000.00',
  'RG-RD': '120000.00',
  // 温州瑞华, which the demo's exit ends (exit.seed.ts)
  'RG-WZRH': '64000.00',
};

/**
 * Last month's business of the accounts the demo reconciles, on fixed days of last month (their
 * statements are issued by the seed, version 1). Receivables fall due at the end of this month (月结).
 */
export const LAST_MONTH: Record<string, Array<{ day: number; kind: LedgerEntryKind; amount: string; memo: string }>> = {
  'HK-KD': [
    {
      day: 6,
      kind: LedgerEntryKind.SHIPMENT_RECEIVABLE,
      amount: '59200.00',
      memo: '系统上线前发货 C反应蛋白试剂 ×200',
    },
    { day: 12, kind: LedgerEntryKind.SHIPMENT_RECEIVABLE, amount: '41600.00', memo: '系统上线前发货 HIV试剂 ×20' },
    { day: 18, kind: LedgerEntryKind.PAYMENT, amount: '-120000.00', memo: 'ICBC-0918-0033 回款' },
    { day: 25, kind: LedgerEntryKind.REBATE, amount: '-3000.00', memo: '三季度返利' },
  ],
  'RG-RD': [{ day: 9, kind: LedgerEntryKind.SHIPMENT_RECEIVABLE, amount: '36000.00', memo: '系统上线前发货 生化试剂' }],
  'HK-HN': [
    { day: 8, kind: LedgerEntryKind.SHIPMENT_RECEIVABLE, amount: '168000.00', memo: '系统上线前发货 便携式超声 P10' },
    { day: 21, kind: LedgerEntryKind.PAYMENT, amount: '-50000.00', memo: 'BOC-0921-0112 回款' },
  ],
};

/** The seeded payment against the shipment's invoice: two days back, but in this month like the shipment. */
export const seedPaymentDay = (cal: SeedCalendar) => cal.thisMonthDay(2);

export async function seedFinance(em: EntityManager, cal: SeedCalendar): Promise<void> {
  await em.query(`UPDATE app_user SET finance_access = true WHERE email = 'li.rep@kangda.demo'`);
  for (const [code, amount] of Object.entries(OPENING_BALANCES)) {
    const d = DISTRIBUTORS.find((x) => x.code === code)!;
    await em.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo)
       VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'opening_balance', $2, '期初余额（系统上线前）')`,
      [d.brandId, d.id, LedgerEntryKind.ADJUSTMENT, amount, cal.carriedOverOn, cal.lastMonthDay(1)],
    );
  }
  const period = cal.lastMonth;
  for (const [code, entries] of Object.entries(LAST_MONTH)) {
    const d = DISTRIBUTORS.find((x) => x.code === code)!;
    for (const e of entries) {
      const on = cal.lastMonthDay(e.day);
      await em.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo)
         VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'legacy', gen_random_uuid(), $7)`,
        [d.brandId, d.id, e.kind, e.amount, on, e.amount.startsWith('-') ? null : cal.lastOfThisMonth, e.memo],
      );
    }
    await issueStatement(em, { brandId: d.brandId, distributorId: d.id }, period, 1);
  }
  const shippedOrder = SEED_ORDERS.find((o) => o.shippedSerials)!;
  const d = DISTRIBUTORS.find((x) => x.code === shippedOrder.distributorCode)!;
  const finance = USERS.find((u) => u.brandId === d.brandId && u.email.startsWith('finance@'))!.id;
  const shipmentId = seedShipmentIdOf(shippedOrder.id);
  const [shipment] = await em.query(
    `SELECT amount::text AS amount, shipped_on::text AS shipped_on FROM shipment WHERE id = $1`,
    [shipmentId],
  );
  const gross = new Decimal(shipment.amount);
  const net = gross.dividedBy('1.13').toDecimalPlaces(2);
  await em.query(
    `INSERT INTO invoice (id, brand_id, distributor_id, number, issued_on, due_on, tax_rate, net_amount, tax_amount, gross_amount, currency, external_ref, request_hash, created_by)
     VALUES ($1, $2, $3, $10, $4, $5, '0.1300', $6, $7, $8, 'CNY', 'ERP-INV-2611-0031', repeat('0', 64), $9)`,
    [
      SEED_INVOICE_ID,
      d.brandId,
      d.id,
      shipment.shipped_on,
      addDays(shipment.shipped_on, 30),
      net.toFixed(2),
      gross.minus(net).toFixed(2),
      gross.toFixed(2),
      finance,
      SEED_INVOICE_NUMBER,
    ],
  );
  await em.query(`INSERT INTO invoice_shipment (brand_id, invoice_id, shipment_id, amount) VALUES ($1, $2, $3, $4)`, [
    d.brandId,
    SEED_INVOICE_ID,
    shipmentId,
    gross.toFixed(2),
  ]);
  await em.query(
    `INSERT INTO payment (id, brand_id, distributor_id, amount, currency, received_on, method, external_ref, request_hash, note, created_by)
     VALUES ($1, $2, $3, '150000.00', 'CNY', $4, $5, $7, repeat('0', 64), '首付款', $6)`,
    [SEED_PAYMENT_ID, d.brandId, d.id, seedPaymentDay(cal), PaymentMethod.BANK_TRANSFER, finance, SEED_PAYMENT_REF],
  );
  await em.query(
    `INSERT INTO payment_allocation (brand_id, payment_id, invoice_id, amount) VALUES ($1, $2, $3, '150000.00')`,
    [d.brandId, SEED_PAYMENT_ID, SEED_INVOICE_ID],
  );
  await em.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo, created_by)
     VALUES ($1, $2, $3, '-150000.00', 'CNY', $4, 'payment', $5, $7, $6)`,
    [d.brandId, d.id, LedgerEntryKind.PAYMENT, seedPaymentDay(cal), SEED_PAYMENT_ID, finance, SEED_PAYMENT_REF],
  );
}
