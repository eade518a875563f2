import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorReason,
  NotificationKind,
  OrderKind,
  OrderStatus,
  OutboxEventType,
  Role,
  Side,
} from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import type { DistributorService } from '../distributor';
import type { ProductService } from '../product';
import type { HospitalService } from '../hospital';
import type { ComplianceFinding, ComplianceService } from '../compliance';
import type { LedgerService } from '../ledger';
import type { OutboxService } from '../outbox';
import type { NotificationService } from '../notification';
import type { CertificationGap, CertificationService } from '../training';
import type { Distributor } from '../distributor';
import type { Product } from '../product';
import { Order, OrderEvent, OrderLine } from './order.entity';
import { CreditStatus, creditStatus, lockCredit } from './credit';
import { OrderDraftInput, PlaceOrderInput } from './order.inputs';
import type { OrderService } from './order.service';

interface ReviewedLine {
  lineNo: number;
  product: Product;
  quantity: number;
  unitPrice: string;
  amount: string;
  findings: ComplianceFinding[];
  /** the product needs a certified person and the one ordering holds no valid certificate for its line */
  certification: CertificationGap | null;
}

/**
 * An order that comes of something other than the price list: a won tender, whose quoted prices
 * the lines take. The order keeps the link; one live (not cancelled or rejected) order per tender.
 */
export interface OrderOrigin {
  tenderId: string;
  opportunityId: string;
  /** the price of every line's product, in `currency` */
  unitPrices: ReadonlyMap<string, string>;
  currency: string;
}

export interface OrderReview {
  distributor: Distributor;
  currency: string;
  lines: ReviewedLine[];
  total: string;
  credit: CreditStatus;
  withinCredit: boolean;
  allowed: boolean;
}

/** The tender's live order (not cancelled or rejected), if any. */
async function liveOrderOf(em: EntityManager, tenderId: string): Promise<string | null> {
  const [row] = await em.query(
    `SELECT id FROM purchase_order WHERE tender_id = $1 AND status NOT IN ($2, $3) ORDER BY created_at LIMIT 1`,
    [tenderId, OrderStatus.CANCELLED, OrderStatus.REJECTED],
  );
  return row?.id ?? null;
}

/**
 * A distributor whose exit plan (the exit module's exit_plan) has taken effect places no new
 * order: DISTRIBUTOR_EXITING, with the day it took effect, in words a rep can act on.
 */
async function refuseWhenExiting(em: EntityManager, distributorId: string): Promise<void> {
  const [plan] = await em.query(
    `SELECT effective_on::text AS on FROM exit_plan WHERE distributor_id = $1 AND effective_on <= $2`,
    [distributorId, today()],
  );
  if (plan)
    throw new AppError(
      ErrorCode.CONFLICT,
      `This distributor is exiting: no new orders from ${plan.on}. Open orders are finished or cancelled by the brand`,
      'distributorId',
      ErrorReason.DISTRIBUTOR_EXITING,
      { effectiveOn: plan.on },
    );
}

/**
 * Placing an order. Every line passes the compliance service; credit is checked under a
 * per-distributor lock so that parallel orders never together pass the limit; a client's
 * idempotency key makes retries return the first result.
 */
export class OrderPlacementService {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: OrderService,
    private readonly distributors: DistributorService,
    private readonly products: ProductService,
    private readonly hospitals: HospitalService,
    private readonly compliance: ComplianceService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly certifications: CertificationService,
    private readonly notifications: NotificationService,
  ) {}

  /** The distributor an order is for: the viewer's own unless they name one they may see. */
  async orderingDistributor(
    scope: Scope,
    distributorId: string | null | undefined,
    em?: EntityManager,
  ): Promise<Distributor> {
    const id = distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
    if (!id) throw badInput('distributorId', 'Choose the distributor');
    const [distributor] = await this.distributors.byIds(scope, [id], em);
    if (!distributor) throw notFound('Distributor');
    return distributor;
  }

  async creditOf(scope: Scope, distributorId: string | null | undefined): Promise<CreditStatus> {
    const distributor = await this.orderingDistributor(scope, distributorId);
    return creditStatus(this.ds.manager, this.ledger, scope, distributor);
  }

  /** Prices every line, asks compliance about each, and measures the credit; writes nothing. */
  async review(
    scope: Scope,
    draft: OrderDraftInput,
    em: EntityManager = this.ds.manager,
    known?: Distributor,
    origin?: OrderOrigin,
  ): Promise<OrderReview> {
    if (draft.kind === OrderKind.HOSPITAL && !draft.hospitalId)
      throw badInput('hospitalId', 'Choose the hospital the order is for');
    if (draft.kind === OrderKind.STOCK && draft.hospitalId)
      throw badInput('hospitalId', 'A stock order is for your own warehouse, not a hospital');
    const seen = new Set<string>();
    draft.lines.forEach((line, i) => {
      if (seen.has(line.productId))
        throw badInput(`lines.${i}.productId`, 'This product is on the order twice; change the quantity instead');
      seen.add(line.productId);
    });
    const distributor = known ?? (await this.orderingDistributor(scope, draft.distributorId, em));
    const products = await this.products.byIds(scope, [...seen], em);
    const byId = new Map(products.map((p) => [p.id, p]));
    if (products.length !== seen.size) throw notFound('Product');
    if (draft.hospitalId) {
      const [hospital] = await this.hospitals.byIds(scope, [draft.hospitalId], em);
      if (!hospital) throw notFound('Hospital');
    }
    const on = today();
    const prices = origin
      ? new Map(products.map((p) => [p.id, { price: origin.unitPrices.get(p.id)!, currency: origin.currency }]))
      : await this.products.sellingPrices(scope, products, distributor.id, on, em);
    const currencies = new Set([...prices.values()].map((p) => p.currency));
    if (currencies.size > 1) throw badInput('lines', 'Products priced in different currencies go on separate orders');
    const answers = await this.compliance.checkMany(
      scope,
      { distributorId: distributor.id, productIds: [...seen], hospitalId: draft.hospitalId ?? null, on },
      em,
    );
    // the person ordering must be certified for gated products (distributor staff; the brand is not gated)
    const gaps =
      scope.side === Side.PARTNER
        ? await this.certifications.gaps(em, scope.brandId, scope.userId, products)
        : new Map<string, CertificationGap>();
    const lines: ReviewedLine[] = draft.lines.map((line, i) => {
      const product = byId.get(line.productId)!;
      const unitPrice = prices.get(product.id)!.price;
      return {
        lineNo: i + 1,
        product,
        quantity: line.quantity,
        unitPrice,
        amount: new Decimal(unitPrice).times(line.quantity).toFixed(2),
        findings: answers.get(product.id)!.findings,
        certification: gaps.get(product.id) ?? null,
      };
    });
    const total = lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).toFixed(2);
    const credit = await creditStatus(em, this.ledger, scope, distributor);
    const withinCredit = new Decimal(total).lte(credit.available);
    return {
      distributor,
      currency: [...currencies][0] ?? 'CNY',
      lines,
      total,
      credit,
      withinCredit,
      allowed: withinCredit && lines.every((l) => !l.findings.length && !l.certification),
    };
  }

  /** Places the order; with an origin at its prices, answering the origin's live order when it has one. */
  async place(scope: Scope, input: PlaceOrderInput, origin?: OrderOrigin): Promise<Order> {
    const { idempotencyKey, ...draft } = input;
    const hash = fingerprint({
      ...(origin ? { tenderId: origin.tenderId } : {}),
      distributorId: draft.distributorId ?? null,
      kind: draft.kind,
      hospitalId: draft.hospitalId ?? null,
      lines: draft.lines.map((l) => [l.productId, l.quantity]),
      note: draft.note ?? null,
    });
    const write: IdempotentWrite<Order> = {
      hash,
      constraint: 'purchase_order_idempotency',
      earlier: (em) => em.findOne(Order, { where: { placedBy: scope.userId, idempotencyKey } }),
      reused: (earlier) =>
        keyReused(
          `This request key was already used for order ${earlier.number} with different contents`,
          'idempotencyKey',
          {
            order: { id: earlier.id, number: earlier.number },
          },
        ),
    };
    // A concurrent retry with the same key (under another distributor's lock) loses the race to insert and replays.
    const id = await idempotent(this.ds, write, async (em) => {
      // Lock first, then read everything the decision depends on (the limit with the distributor):
      // a limit lowered while this order queued binds it, since each statement of a READ COMMITTED
      // transaction sees what has committed before it. Locking an id the viewer may not see only
      // makes this transaction wait its turn before answering NOT_FOUND.
      const requested = draft.distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
      if (requested && isUuid(requested)) await lockCredit(em, requested);
      const distributor = await this.orderingDistributor(scope, draft.distributorId, em);
      return replayOrInsert(em, write, async () => {
        // under the distributor's lock: a second tap with another key finds the first one's order
        const live = origin && (await liveOrderOf(em, origin.tenderId));
        if (live) return live;
        await refuseWhenExiting(em, distributor.id);
        const review = await this.review(scope, draft, em, distributor, origin);
        this.refuseUnlessAllowed(scope, review);
        return this.insert(em, scope, draft, review, idempotencyKey, hash, origin);
      });
    });
    return this.orders.get(scope, id);
  }

  private refuseUnlessAllowed(scope: Scope, review: OrderReview): void {
    const refused = review.lines.filter((l) => l.findings.length);
    if (refused.length) {
      const message = refused
        .map((l) => `Line ${l.lineNo} (${l.product.name}): ${l.findings.map((f) => f.message).join('; ')}`)
        .join(' | ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, message, 'lines', ErrorReason.NOT_COMPLIANT, {
        lines: refused.map((l) => ({
          lineNo: l.lineNo,
          productId: l.product.id,
          reasons: l.findings.map((f) => f.reason),
        })),
      });
    }
    const uncertified = review.lines.filter((l) => l.certification);
    if (uncertified.length) {
      const courseOf = (g: CertificationGap) =>
        g.course ? `take the course “${g.course.title}”` : 'no course certifies for it yet; ask your trainer';
      const message = uncertified
        .map((l) => `Line ${l.lineNo} (${l.product.name}) needs a certified person: ${courseOf(l.certification!)}`)
        .join(' | ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, message, 'lines', ErrorReason.CERTIFICATION_REQUIRED, {
        lines: uncertified.map((l) => ({
          lineNo: l.lineNo,
          productId: l.product.id,
          productLineId: l.certification!.productLineId,
          course: l.certification!.course,
        })),
      });
    }
    if (!review.withinCredit) {
      // a rep learns that the order does not fit, not the account's figures
      const rep = scope.role === Role.REP;
      throw new AppError(
        ErrorCode.CONFLICT,
        rep
          ? `The order (${review.total} ${review.currency}) exceeds the distributor's available credit`
          : `The order (${review.total} ${review.currency}) exceeds the available credit (${review.credit.available} ${review.credit.currency})`,
        undefined,
        ErrorReason.CREDIT_LIMIT_EXCEEDED,
        rep ? undefined : { credit: { total: review.total, ...review.credit } },
      );
    }
  }

  private async insert(
    em: EntityManager,
    scope: Scope,
    draft: OrderDraftInput,
    review: OrderReview,
    idempotencyKey: string,
    hash: string,
    origin?: OrderOrigin,
  ): Promise<string> {
    const [{ seq }] = await em.query(`SELECT nextval('purchase_order_number_seq')::text AS seq`);
    const number = `SO${today().replaceAll('-', '')}${seq.padStart(8, '0')}`;
    const order = await em.save(
      em.create(Order, {
        brandId: scope.brandId,
        distributorId: review.distributor.id,
        number,
        kind: draft.kind,
        hospitalId: draft.hospitalId ?? null,
        placedBy: scope.userId,
        status: OrderStatus.SUBMITTED,
        currency: review.currency,
        total: review.total,
        shippedTotal: '0.00',
        note: draft.note?.trim() || null,
        idempotencyKey,
        requestHash: hash,
        submittedAt: new Date(),
        tenderId: origin?.tenderId ?? null,
        opportunityId: origin?.opportunityId ?? null,
      }),
    );
    await em.insert(
      OrderLine,
      review.lines.map((l) => ({
        brandId: scope.brandId,
        orderId: order.id,
        lineNo: l.lineNo,
        productId: l.product.id,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        currency: review.currency,
      })),
    );
    await em.insert(OrderEvent, {
      brandId: scope.brandId,
      orderId: order.id,
      action: 'PLACE',
      fromStatus: null,
      toStatus: OrderStatus.SUBMITTED,
      reason: null,
      actorId: scope.userId,
    });
    await audit(em, scope, 'PLACE', 'order', order.id, {
      number,
      distributorId: review.distributor.id,
      kind: draft.kind,
      hospitalId: draft.hospitalId ?? null,
      total: review.total,
      lines: review.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPrice: l.unitPrice })),
      ...(origin ? { tenderId: origin.tenderId } : {}),
    });
    // the distributor's owner (when a rep placed it) and the brand's order desk; each passes their scope
    const told: Array<{ id: string }> = await em.query(
      `SELECT u.id FROM app_user u WHERE u.brand_id = $1 AND u.disabled_at IS NULL AND u.id <> $4
          AND ((u.role = $2 AND u.distributor_id = $3) OR u.role = $5)`,
      [scope.brandId, Role.OWNER, review.distributor.id, scope.userId, Role.ORDER_DESK],
    );
    await this.notifications.notify(em, {
      brandId: scope.brandId,
      userIds: told.map((u) => u.id),
      kind: NotificationKind.ORDER_PLACED,
      entity: 'order',
      entityId: order.id,
      params: { number },
    });
    await this.outbox.emit(em, scope.brandId, OutboxEventType.ORDER_PLACED, 'order', order.id, {
      number,
      distributorCode: review.distributor.code,
      kind: draft.kind,
      hospitalId: draft.hospitalId ?? null,
      total: review.total,
      currency: review.currency,
      lines: review.lines.map((l) => ({
        lineNo: l.lineNo,
        productCode: l.product.code,
        udiDi: l.product.udiDi,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    });
    return order.id;
  }
}
