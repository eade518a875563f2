import { EntityManager } from 'typeorm';
import {
  LedgerEntryKind,
  OrderKind,
  OrderStatus,
  PaymentMethod,
  TargetStatus,
  TargetVersionKind,
} from '@medchannel/shared-schema';
import { addDays } from '../../common/dates';
import { Decimal } from '../../common/money';
import { BRANDS, distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { RebatePolicy } from './rebate.entity';
import { REBATE_SEED as R, quarterBefore } from './rebate.seed-data';
import { SalesTarget, SalesTargetVersion } from './target.entity';

/**
 * The rebate demo of rebate.seed-data.ts: the policy, 苏州恒康's agreed target, and its order of
 * the closed quarter placed, approved, shipped (with its receivable), delivered, invoiced and paid,
 * all on days of that quarter (the 11th of its middle month; paid on the 20th of its last).
 */
export async function seedRebates(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const HK = BRANDS.huakang.id;
  const d = distributorByCode(R.distributorCode);
  const owner = userByEmail('boss@hengkang.demo').id;
  const cm = userByEmail('zhang.cm@huakang.demo').id;
  const desk = userByEmail('order@huakang.demo').id;
  const finance = userByEmail('finance@huakang.demo').id;
  const lineId = PRODUCT_LINES.find((l) => l.brandId === HK && l.code === R.lineCode)!.id;
  const { year, months } = quarterBefore(cal.today);
  const firstDay = `${months[0]}-01`;
  await em.insert(RebatePolicy, {
    id: R.policyId,
    brandId: HK,
    productLineId: lineId,
    version: 1,
    bands: [...R.bands],
    createdBy: finance,
    requestKey: 'seed-rebate-policy-ivd',
    requestHash: '0'.repeat(64),
    createdAt: cal.factAt(addDays(firstDay, -20), '09:30'),
  });
  await em.insert(SalesTarget, {
    id: R.targetId,
    brandId: HK,
    distributorId: d.id,
    productLineId: lineId,
    year,
    status: TargetStatus.AGREED,
    currency: 'CNY',
    agreedAt: cal.factAt(addDays(firstDay, -10), '16:00'),
    agreedBy: owner,
    version: 1,
    createdBy: cm,
    createdAt: cal.factAt(addDays(firstDay, -15), '11:00'),
  });
  const q = R.quarterAmount;
  await em.insert(SalesTargetVersion, {
    brandId: HK,
    targetId: R.targetId,
    number: 1,
    kind: TargetVersionKind.PROPOSAL,
    potential: null,
    share: null,
    yearly: new Decimal(q).times(4).toFixed(2),
    q1: q,
    q2: q,
    q3: q,
    q4: q,
    currency: 'CNY',
    reason: null,
    createdBy: cm,
    requestKey: 'seed-rebate-target',
    requestHash: '0'.repeat(64),
    createdAt: cal.factAt(addDays(firstDay, -15), '11:00'),
  });

  const placed = `${months[1]}-11`;
  const paid = `${months[2]}-20`;
  const at = (day: string, minutes: number) => cal.factAt(day, '10:00', minutes);
  const lines = R.lines.map((l, i) => {
    const p = PRODUCTS.find((x) => x.code === l.productCode)!;
    return { ...l, id: R.lineIds[i], productId: p.id, price: p.tierPrices[d.tier] ?? p.listPrice };
  });
  const total = lines.reduce((s, l) => s.plus(new Decimal(l.price).times(l.quantity)), new Decimal(0)).toFixed(2);
  const [{ seq }] = await em.query(`SELECT nextval('purchase_order_number_seq')::text AS seq`);
  const number = `SO${placed.replaceAll('-', '')}${seq.padStart(8, '0')}`;
  await em.query(
    `INSERT INTO purchase_order (id, brand_id, distributor_id, number, kind, hospital_id, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
     VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, 'CNY', $8, $8, gen_random_uuid(), repeat('0', 64), $9)`,
    [R.orderId, HK, d.id, number, OrderKind.STOCK, owner, OrderStatus.DELIVERED, total, at(placed, 0)],
  );
  for (const [i, l] of lines.entries()) {
    await em.query(
      `INSERT INTO order_line (id, brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, $3, $4, $5, $6, $7, 'CNY')`,
      [l.id, HK, R.orderId, i + 1, l.productId, l.quantity, l.price],
    );
  }
  const steps: Array<[string, OrderStatus | null, OrderStatus, string, string]> = [
    ['PLACE', null, OrderStatus.SUBMITTED, owner, placed],
    ['APPROVE', OrderStatus.SUBMITTED, OrderStatus.APPROVED, desk, placed],
    ['SHIP', OrderStatus.APPROVED, OrderStatus.SHIPPED, desk, addDays(placed, 1)],
    ['DELIVER', OrderStatus.SHIPPED, OrderStatus.DELIVERED, desk, addDays(placed, 3)],
  ];
  for (const [i, [action, from, to, actor, day]] of steps.entries()) {
    await em.query(
      `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, actor_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [HK, R.orderId, action, from, to, actor, at(day, i * 60)],
    );
  }
  const shipped = addDays(placed, 1);
  const [{ seq: shipSeq }] = await em.query(`SELECT nextval('shipment_number_seq')::text AS seq`);
  await em.query(
    `INSERT INTO shipment (id, brand_id, order_id, distributor_id, number, shipped_on, carrier, tracking_no, amount, currency, idempotency_key, request_hash, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, '顺丰速运', 'SF1402388769455', $7, 'CNY', gen_random_uuid(), repeat('0', 64), $8, $9)`,
    [
      R.shipmentId,
      HK,
      R.orderId,
      d.id,
      `SH${shipped.replaceAll('-', '')}${shipSeq.padStart(8, '0')}`,
      shipped,
      total,
      desk,
      at(shipped, 120),
    ],
  );
  for (const [i, l] of lines.entries()) {
    await em.query(
      `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, batch_no, serial_no, udi_pi, expiry_date)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)`,
      [HK, R.shipmentId, l.id, i + 1, l.quantity, l.batch, `(10)${l.batch}`, addDays(shipped, 540)],
    );
  }
  const ledger = (
    kind: LedgerEntryKind,
    amount: string,
    on: string,
    due: string | null,
    type: string,
    id: string,
    memo: string,
  ) =>
    em.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo, created_by)
       VALUES ($1, $2, $3, $4, 'CNY', $5, $6, $7, $8, $9, $10)`,
      [HK, d.id, kind, amount, on, due, type, id, memo, desk],
    );
  await ledger(
    LedgerEntryKind.SHIPMENT_RECEIVABLE,
    total,
    shipped,
    addDays(shipped, 30),
    'shipment',
    R.shipmentId,
    number,
  );
  const net = new Decimal(total).dividedBy('1.13').toDecimalPlaces(2);
  await em.query(
    `INSERT INTO invoice (id, brand_id, distributor_id, number, issued_on, due_on, tax_rate, net_amount, tax_amount, gross_amount, currency, external_ref, request_hash, created_by)
     VALUES ($1, $2, $3, '32050726110000088', $4, $5, '0.1300', $6, $7, $8, 'CNY', 'ERP-INV-HGK-0088', repeat('0', 64), $9)`,
    [
      R.invoiceId,
      HK,
      d.id,
      shipped,
      addDays(shipped, 30),
      net.toFixed(2),
      new Decimal(total).minus(net).toFixed(2),
      total,
      finance,
    ],
  );
  await em.query(`INSERT INTO invoice_shipment (brand_id, invoice_id, shipment_id, amount) VALUES ($1, $2, $3, $4)`, [
    HK,
    R.invoiceId,
    R.shipmentId,
    total,
  ]);
  await em.query(
    `INSERT INTO payment (id, brand_id, distributor_id, amount, currency, received_on, method, external_ref, request_hash, note, created_by)
     VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'ABC-HGK-0088', repeat('0', 64), '试剂货款', $7)`,
    [R.paymentId, HK, d.id, total, paid, PaymentMethod.BANK_TRANSFER, finance],
  );
  await em.query(`INSERT INTO payment_allocation (brand_id, payment_id, invoice_id, amount) VALUES ($1, $2, $3, $4)`, [
    HK,
    R.paymentId,
    R.invoiceId,
    total,
  ]);
  await ledger(
    LedgerEntryKind.PAYMENT,
    new Decimal(total).negated().toFixed(2),
    paid,
    null,
    'payment',
    R.paymentId,
    'ABC-HGK-0088',
  );
}
