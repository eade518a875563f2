import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ErrorReason, OrderKind, OrderStatus, OutboxEventType, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { withinRegion } from '../region/region.sql';
import type { DistributorService } from '../distributor/distributor.service';
import type { ProductService } from '../product/product.service';
import type { HospitalService } from '../hospital/hospital.service';
import type { ComplianceFinding, ComplianceService } from '../compliance/compliance.service';
import type { LedgerService } from '../ledger/ledger.service';
import type { OutboxService } from '../outbox/outbox.service';
import type { CertificationGap, CertificationService } from '../training/certification.service';
import type { Distributor } from '../distributor/distributor.entity';
import type { Product } from '../product/product.entity';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import { CreditStatus, creditStatus, lockCredit } from './credit';
import { OrderDraftInput, OrderFilter, PlaceOrderInput } from './order.inputs';

export interface ReviewedLine {
  lineNo: number;
  product: Product;
  quantity: number;
  unitPrice: string;
  amount: string;
  findings: ComplianceFinding[];
  /** the product needs a certified person and the one ordering holds no valid certificate for its line */
  certification: CertificationGap | null;
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

/** A stable fingerprint of what was asked, so a reused idempotency key can tell a retry from a new request. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export const isUniqueViolation = (err: unknown, constraint: string) =>
  err instanceof QueryFailedError && (err.driverError as { code?: string; constraint?: string })?.code === '23505' &&
  (err.driverError as { constraint?: string }).constraint === constraint;

/**
 * Placing and reading orders (the order desk's moves live in OrderDeskService). Every line passes
 * the compliance service; credit is checked under a per-distributor lock so that parallel orders
 * never together pass the limit; a client's idempotency key makes retries return the first result.
 */
export class OrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly products: ProductService,
    private readonly hospitals: HospitalService,
    private readonly compliance: ComplianceService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly certifications: CertificationService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Order).createQueryBuilder('o'), scope, 'order');
  }

  /** `column IN (the orders the viewer may see)`, for rows that hang off an order. */
  ofVisibleOrders(scope: Scope, column: string): { sql: string; params: Record<string, unknown> } {
    const { sql, params } = scopeCondition(scope, 'order', 'vo');
    return { sql: `${column} IN (SELECT vo.id FROM purchase_order vo WHERE ${sql})`, params };
  }

  list(scope: Scope, page: PageArgs, filter: OrderFilter = {}): Promise<Page<Order>> {
    const qb = this.scoped(scope);
    if (filter.statuses?.length) qb.andWhere('o.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.distributorId) qb.andWhere('o.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.hospitalId) qb.andWhere('o.hospital_id = :hospitalId', { hospitalId: filter.hospitalId });
    if (filter.regionId) {
      qb.andWhere(`o.distributor_id IN (SELECT fd.id FROM distributor fd WHERE ${withinRegion('fd.region_id')})`, { regionId: filter.regionId });
    }
    if (filter.minAgeDays != null) {
      qb.andWhere(`o.submitted_at <= now() - make_interval(days => :age)`, { age: filter.minAgeDays });
    }
    if (filter.search) {
      qb.andWhere(
        `(o.number ILIKE :s OR o.hospital_id IN (SELECT sh.id FROM hospital sh WHERE sh.brand_id = o.brand_id AND sh.name ILIKE :s)
          OR o.distributor_id IN (SELECT sd.id FROM distributor sd WHERE sd.brand_id = o.brand_id AND sd.name ILIKE :s))`,
        { s: containsPattern(filter.search) },
      );
    }
    // newest first; numbers grow with time (date + sequence), and are unique within the brand
    return paginate(qb, page, [
      { column: 'o.number', value: (o) => o.number },
      { column: 'o.id', value: (o) => o.id },
    ], 'DESC');
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<Order> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('o.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Order');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Order[]> {
    return this.scoped(scope).andWhere('o.id = ANY(:ids)', { ids }).getMany();
  }

  linesByOrderIds(scope: Scope, orderIds: readonly string[]): Promise<OrderLine[]> {
    const visible = this.ofVisibleOrders(scope, 'l.order_id');
    return this.ds.getRepository(OrderLine).createQueryBuilder('l')
      .where('l.order_id = ANY(:orderIds)', { orderIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('l.line_no').getMany();
  }

  linesByIds(scope: Scope, ids: readonly string[]): Promise<OrderLine[]> {
    const visible = this.ofVisibleOrders(scope, 'l.order_id');
    return this.ds.getRepository(OrderLine).createQueryBuilder('l')
      .where('l.id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params).getMany();
  }

  eventsByOrderIds(scope: Scope, orderIds: readonly string[]): Promise<OrderEvent[]> {
    const visible = this.ofVisibleOrders(scope, 'e.order_id');
    return this.ds.getRepository(OrderEvent).createQueryBuilder('e')
      .where('e.order_id = ANY(:orderIds)', { orderIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('e.created_at').addOrderBy('e.id').getMany();
  }

  adjustmentsByLineIds(scope: Scope, lineIds: readonly string[]): Promise<OrderPriceAdjustment[]> {
    const visible = this.ofVisibleOrders(scope, 'a.order_id');
    return this.ds.getRepository(OrderPriceAdjustment).createQueryBuilder('a')
      .where('a.order_line_id = ANY(:lineIds)', { lineIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('a.created_at').addOrderBy('a.id').getMany();
  }

  /** The distributor an order is for: the viewer's own unless they name one they may see. */
  async orderingDistributor(scope: Scope, distributorId: string | null | undefined, em?: EntityManager): Promise<Distributor> {
    const id = distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
    if (!id) throw badInput('distributorId', 'Choose the distributor');
    const [distributor] = await this.distributors.byIds(scope, [id], em);
    if (!distributor) throw notFound('Distributor');
    return distributor;
  }

  async creditOf(scope: Scope, distributorId: string | null | undefined): Promise<CreditStatus> {
    const distributor = await this.orderingDistributor(scope, distributorId);
    return creditStatus(this.ds.manager, this.ledger, distributor);
  }

  /** Prices every line, asks compliance about each, and measures the credit; writes nothing. */
  async review(scope: Scope, draft: OrderDraftInput, em: EntityManager = this.ds.manager, known?: Distributor): Promise<OrderReview> {
    if (draft.kind === OrderKind.HOSPITAL && !draft.hospitalId) throw badInput('hospitalId', 'Choose the hospital the order is for');
    if (draft.kind === OrderKind.STOCK && draft.hospitalId) throw badInput('hospitalId', 'A stock order is for your own warehouse, not a hospital');
    const seen = new Set<string>();
    draft.lines.forEach((line, i) => {
      if (seen.has(line.productId)) throw badInput(`lines.${i}.productId`, 'This product is on the order twice; change the quantity instead');
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
    const prices = await this.products.sellingPrices(scope, products, distributor.tier, on, em);
    const currencies = new Set([...prices.values()].map((p) => p.currency));
    if (currencies.size > 1) throw badInput('lines', 'Products priced in different currencies go on separate orders');
    const answers = await this.compliance.checkMany(scope.brandId, { distributorId: distributor.id, productIds: [...seen], hospitalId: draft.hospitalId ?? null, on }, em);
    // the person ordering must be certified for gated products (distributor staff; the brand is not gated)
    const gaps = scope.side === Side.PARTNER ? await this.certifications.gaps(em, scope.brandId, scope.userId, products) : new Map<string, CertificationGap>();
    const lines: ReviewedLine[] = draft.lines.map((line, i) => {
      const product = byId.get(line.productId)!;
      const unitPrice = prices.get(product.id)!.price;
      return {
        lineNo: i + 1, product, quantity: line.quantity, unitPrice,
        amount: new Decimal(unitPrice).times(line.quantity).toFixed(2), findings: answers.get(product.id)!.findings,
        certification: gaps.get(product.id) ?? null,
      };
    });
    const total = lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).toFixed(2);
    const credit = await creditStatus(em, this.ledger, distributor);
    const withinCredit = new Decimal(total).lte(credit.available);
    return {
      distributor, currency: [...currencies][0] ?? 'CNY', lines, total, credit, withinCredit,
      allowed: withinCredit && lines.every((l) => !l.findings.length && !l.certification),
    };
  }

  async place(scope: Scope, input: PlaceOrderInput): Promise<Order> {
    const { idempotencyKey, ...draft } = input;
    const hash = fingerprint({
      distributorId: draft.distributorId ?? null, kind: draft.kind, hospitalId: draft.hospitalId ?? null,
      lines: draft.lines.map((l) => [l.productId, l.quantity]), note: draft.note ?? null,
    });
    try {
      const id = await this.ds.transaction(async (em) => {
        // Lock first, then read everything the decision depends on (the limit with the distributor):
        // a limit lowered while this order queued binds it, since each statement of a READ COMMITTED
        // transaction sees what has committed before it. Locking an id the viewer may not see only
        // makes this transaction wait its turn before answering NOT_FOUND.
        const requested = draft.distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
        if (requested && isUuid(requested)) await lockCredit(em, requested);
        const distributor = await this.orderingDistributor(scope, draft.distributorId, em);
        const earlier = await em.findOne(Order, { where: { placedBy: scope.userId, idempotencyKey } });
        if (earlier) return this.replayed(earlier, hash);
        const review = await this.review(scope, draft, em, distributor);
        this.refuseUnlessAllowed(scope, review);
        return this.insert(em, scope, draft, review, idempotencyKey, hash);
      });
      return this.get(scope, id);
    } catch (err) {
      // A concurrent retry with the same key (under another distributor's lock) lost the race to insert.
      if (!isUniqueViolation(err, 'purchase_order_idempotency')) throw err;
      const earlier = await this.ds.manager.findOneOrFail(Order, { where: { placedBy: scope.userId, idempotencyKey } });
      return this.get(scope, this.replayed(earlier, hash));
    }
  }

  private replayed(earlier: Order, hash: string): string {
    if (earlier.requestHash !== hash) {
      throw new AppError(ErrorCode.CONFLICT, `This request key was already used for order ${earlier.number} with different contents`, 'idempotencyKey', ErrorReason.IDEMPOTENCY_KEY_REUSED, {
        order: { id: earlier.id, number: earlier.number },
      });
    }
    return earlier.id;
  }

  private refuseUnlessAllowed(scope: Scope, review: OrderReview): void {
    const refused = review.lines.filter((l) => l.findings.length);
    if (refused.length) {
      const message = refused.map((l) => `Line ${l.lineNo} (${l.product.name}): ${l.findings.map((f) => f.message).join('; ')}`).join(' | ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, message, 'lines', ErrorReason.NOT_COMPLIANT, {
        lines: refused.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, reasons: l.findings.map((f) => f.reason) })),
      });
    }
    const uncertified = review.lines.filter((l) => l.certification);
    if (uncertified.length) {
      const courseOf = (g: CertificationGap) => (g.course ? `take the course “${g.course.title}”` : 'no course certifies for it yet; ask your trainer');
      const message = uncertified.map((l) => `Line ${l.lineNo} (${l.product.name}) needs a certified person: ${courseOf(l.certification!)}`).join(' | ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, message, 'lines', ErrorReason.CERTIFICATION_REQUIRED, {
        lines: uncertified.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, productLineId: l.certification!.productLineId, course: l.certification!.course })),
      });
    }
    if (!review.withinCredit) {
      // a rep learns that the order does not fit, not the account's figures
      const rep = scope.role === Role.REP;
      throw new AppError(
        ErrorCode.CONFLICT,
        rep ? `The order (${review.total} ${review.currency}) exceeds the distributor's available credit` : `The order (${review.total} ${review.currency}) exceeds the available credit (${review.credit.available} ${review.credit.currency})`,
        undefined,
        ErrorReason.CREDIT_LIMIT_EXCEEDED,
        rep ? undefined : { credit: { total: review.total, ...review.credit } },
      );
    }
  }

  private async insert(em: EntityManager, scope: Scope, draft: OrderDraftInput, review: OrderReview, idempotencyKey: string, hash: string): Promise<string> {
    const [{ seq }] = await em.query(`SELECT nextval('purchase_order_number_seq')::text AS seq`);
    const number = `SO${today().replaceAll('-', '')}${seq.padStart(8, '0')}`;
    const order = await em.save(
      em.create(Order, {
        brandId: scope.brandId, distributorId: review.distributor.id, number, kind: draft.kind, hospitalId: draft.hospitalId ?? null,
        placedBy: scope.userId, status: OrderStatus.SUBMITTED, currency: review.currency, total: review.total, shippedTotal: '0.00',
        note: draft.note?.trim() || null, idempotencyKey, requestHash: hash, submittedAt: new Date(),
      }),
    );
    await em.insert(OrderLine, review.lines.map((l) => ({
      brandId: scope.brandId, orderId: order.id, lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity, unitPrice: l.unitPrice, currency: review.currency,
    })));
    await em.insert(OrderEvent, { brandId: scope.brandId, orderId: order.id, action: 'PLACE', fromStatus: null, toStatus: OrderStatus.SUBMITTED, reason: null, actorId: scope.userId });
    await audit(em, scope, 'PLACE', 'order', order.id, {
      number, distributorId: review.distributor.id, kind: draft.kind, hospitalId: draft.hospitalId ?? null, total: review.total,
      lines: review.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPrice: l.unitPrice })),
    });
    await this.outbox.emit(em, scope.brandId, OutboxEventType.ORDER_PLACED, 'order', order.id, {
      number, distributorCode: review.distributor.code, kind: draft.kind, hospitalId: draft.hospitalId ?? null, total: review.total, currency: review.currency,
      lines: review.lines.map((l) => ({ lineNo: l.lineNo, productCode: l.product.code, udiDi: l.product.udiDi, quantity: l.quantity, unitPrice: l.unitPrice })),
    });
    return order.id;
  }
}
