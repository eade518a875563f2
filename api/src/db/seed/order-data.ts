import { EntityManager } from 'typeorm';
import { LedgerEntryKind, NotificationKind, OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { addDays } from '../../common/dates';
import { DISTRIBUTORS, USERS, fixedId } from './demo-data';
import { HOSPITALS } from './hospital-data';
import { PRODUCTS } from './catalog-data';
import { SeedCalendar } from './seed-clock';

/**
 * The orders demo: credit limits and a handful of orders in every state the order desk meets, with
 * their timeline, one partial shipment (serials, UDI) and its receivable. Ids are fixed. An order
 * is placed `daysAgo` days before the seed's day at 10:00 China time; the shipped one (its receivable
 * is on the ledger) stays in this month, so last month's statement never depends on the day the seed runs.
 */
const CREDIT_LIMITS: Record<string, string> = {
  'HK-KD': '5000000.00',
  'HK-NBRK': '5000000.00',
  'HK-HN': '1000000.00',
  'HK-HGK': '200000.00',
  'HK-YK': '1500000.00',
  'RG-RD': '1200000.00',
  'RG-WZRH': '300000.00',
};

export interface SeedOrder {
  id: string;
  distributorCode: string;
  placedBy: string;
  hospitalId: string | null;
  daysAgo: number;
  status: OrderStatus;
  lines: Array<{ productCode: string; quantity: number }>;
  rejectReason?: string;
  /** units shipped of line 1, each with a serial */
  shippedSerials?: string[];
}

export const SEED_ORDERS: SeedOrder[] = [
  {
    id: fixedId(0x2a, 1),
    distributorCode: 'HK-KD',
    placedBy: 'li.rep@kangda.demo',
    hospitalId: HOSPITALS[0].id,
    daysAgo: 0,
    status: OrderStatus.SUBMITTED,
    lines: [
      { productCode: 'HK-CRP-50', quantity: 20 },
      { productCode: 'HK-HIV-96', quantity: 10 },
    ],
  },
  {
    id: fixedId(0x2a, 2),
    distributorCode: 'HK-KD',
    placedBy: 'wang.rep@kangda.demo',
    hospitalId: HOSPITALS[1].id,
    daysAgo: 6,
    status: OrderStatus.PARTIALLY_SHIPPED,
    lines: [{ productCode: 'HK-US-200', quantity: 2 }],
    shippedSerials: ['HK200-2611-0387'],
  },
  {
    id: fixedId(0x2a, 3),
    distributorCode: 'HK-HN',
    placedBy: 'xu.rep@huaning.demo',
    hospitalId: HOSPITALS[3].id,
    daysAgo: 12,
    status: OrderStatus.REJECTED,
    lines: [{ productCode: 'HK-US-200', quantity: 1 }],
    rejectReason: '经营许可证已过期，请更新资质后重新下单',
  },
  {
    id: fixedId(0x2a, 4),
    distributorCode: 'HK-NBRK',
    placedBy: 'boss@nbruikang.demo',
    hospitalId: HOSPITALS[2].id,
    daysAgo: 3,
    status: OrderStatus.SUBMITTED,
    lines: [{ productCode: 'HK-US-200', quantity: 1 }],
  },
  {
    id: fixedId(0x2a, 11),
    distributorCode: 'RG-RD',
    placedBy: 'rep@ruida.demo',
    hospitalId: HOSPITALS[6].id,
    daysAgo: 2,
    status: OrderStatus.SUBMITTED,
    lines: [{ productCode: 'RG-BC-800', quantity: 1 }],
  },
];

const orderDesk = (brandId: string) => USERS.find((u) => u.brandId === brandId && u.email.startsWith('order@'))!.id;

export const seedShipmentIdOf = (orderId: string) => fixedId(0x2c, Number.parseInt(orderId.slice(-4), 16));

/** The day an order is placed (and, for the shipped one, shipped). */
export const seedOrderDay = (cal: SeedCalendar, o: SeedOrder) =>
  o.shippedSerials ? cal.thisMonthDay(o.daysAgo) : cal.fromToday(-o.daysAgo);

export async function seedOrders(em: EntityManager, cal: SeedCalendar): Promise<void> {
  for (const [code, limit] of Object.entries(CREDIT_LIMITS)) {
    await em.query(`UPDATE distributor SET credit_limit = $2 WHERE code = $1`, [code, limit]);
  }
  for (const o of SEED_ORDERS) {
    const d = DISTRIBUTORS.find((x) => x.code === o.distributorCode)!;
    const placedBy = USERS.find((u) => u.email === o.placedBy)!.id;
    const desk = orderDesk(d.brandId);
    const day = seedOrderDay(cal, o);
    const at = (minutes: number) => cal.factAt(day, '10:00', minutes);
    const lines = o.lines.map((l, i) => {
      const p = PRODUCTS.find((x) => x.code === l.productCode)!;
      return {
        id: fixedId(0x2b, Number.parseInt(o.id.slice(-4), 16) * 10 + i),
        lineNo: i + 1,
        productId: p.id,
        quantity: l.quantity,
        unitPrice: p.tierPrices[d.tier] ?? p.listPrice,
      };
    });
    const total = lines.reduce((s, l) => s.plus(new Decimal(l.unitPrice).times(l.quantity)), new Decimal(0));
    const [{ seq }] = await em.query(`SELECT nextval('purchase_order_number_seq')::text AS seq`);
    const number = `SO${day.replaceAll('-', '')}${seq.padStart(8, '0')}`;
    const shipped = o.shippedSerials ? new Decimal(lines[0].unitPrice).times(o.shippedSerials.length) : new Decimal(0);
    await em.query(
      `INSERT INTO purchase_order (id, brand_id, distributor_id, number, kind, hospital_id, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'CNY', $9, $10, gen_random_uuid(), repeat('0', 64), $11)`,
      [
        o.id,
        d.brandId,
        d.id,
        number,
        o.hospitalId ? OrderKind.HOSPITAL : OrderKind.STOCK,
        o.hospitalId,
        placedBy,
        o.status,
        total.toFixed(2),
        shipped.toFixed(2),
        at(0),
      ],
    );
    for (const l of lines) {
      await em.query(
        `INSERT INTO order_line (id, brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, $3, $4, $5, $6, $7, 'CNY')`,
        [l.id, d.brandId, o.id, l.lineNo, l.productId, l.quantity, l.unitPrice],
      );
    }
    const events: Array<[string, OrderStatus | null, OrderStatus, string | null, string]> = [
      ['PLACE', null, OrderStatus.SUBMITTED, null, placedBy],
    ];
    if (o.status === OrderStatus.REJECTED)
      events.push(['REJECT', OrderStatus.SUBMITTED, OrderStatus.REJECTED, o.rejectReason!, desk]);
    if (o.status === OrderStatus.PARTIALLY_SHIPPED) {
      events.push(
        ['APPROVE', OrderStatus.SUBMITTED, OrderStatus.APPROVED, null, desk],
        ['SHIP', OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED, null, desk],
      );
    }
    for (const [i, [action, from, to, reason, actor]] of events.entries()) {
      await em.query(
        `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, reason, actor_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d.brandId, o.id, action, from, to, reason, actor, at(i * 90)],
      );
    }
    if (o.shippedSerials) {
      const shipmentId = seedShipmentIdOf(o.id);
      const [{ seq: shipSeq }] = await em.query(`SELECT nextval('shipment_number_seq')::text AS seq`);
      await em.query(
        `INSERT INTO shipment (id, brand_id, order_id, distributor_id, number, shipped_on, carrier, tracking_no, amount, currency, idempotency_key, request_hash, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, '顺丰速运', 'SF1402388761023', $7, 'CNY', gen_random_uuid(), repeat('0', 64), $8, $9)`,
        [
          shipmentId,
          d.brandId,
          o.id,
          d.id,
          `SH${day.replaceAll('-', '')}${shipSeq.padStart(8, '0')}`,
          day,
          shipped.toFixed(2),
          desk,
          at(180),
        ],
      );
      for (const [n, serial] of o.shippedSerials.entries()) {
        await em.query(
          `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, batch_no, serial_no, udi_pi, expiry_date) VALUES ($1, $2, $3, $4, 1, '2611A', $5, $6, NULL)`,
          [d.brandId, shipmentId, lines[0].id, n + 1, serial, `(11)261105(21)${serial}`],
        );
      }
      await em.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo, created_by)
         VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'shipment', $7, $8, $9)`,
        [
          d.brandId,
          d.id,
          LedgerEntryKind.SHIPMENT_RECEIVABLE,
          shipped.toFixed(2),
          day,
          addDays(day, 30),
          shipmentId,
          number,
          desk,
        ],
      );
    }
    const audience = [
      placedBy,
      ...USERS.filter((u) => u.distributorCode === d.code && u.role === 'OWNER').map((u) => u.id),
    ];
    const notices: NotificationKind[] =
      o.status === OrderStatus.REJECTED
        ? [NotificationKind.ORDER_REJECTED]
        : o.status === OrderStatus.PARTIALLY_SHIPPED
          ? [NotificationKind.ORDER_APPROVED, NotificationKind.ORDER_SHIPPED]
          : [];
    for (const kind of notices) {
      for (const userId of new Set(audience)) {
        await em.query(
          `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, $3, 'order', $4, $5)`,
          [
            d.brandId,
            userId,
            kind,
            o.id,
            JSON.stringify({ number, ...(o.rejectReason ? { reason: o.rejectReason } : {}) }),
          ],
        );
      }
    }
  }
}
