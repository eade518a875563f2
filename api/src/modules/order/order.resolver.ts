import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { HospitalType } from '../hospital';
import { Hospital } from '../hospital';
import { UserType } from '../user';
import { User } from '../user';
import { MoneyType, money } from '../product';
import { Order, OrderEvent, OrderLine } from './order.entity';
import { Shipment } from './shipment.entity';
import { CatalogItem, catalogPageParts, primeCatalogPage } from './catalog-page';
import { OrderReview } from './order-placement.service';
import { CreditStatus } from './credit';
import { orderTreeParts, primeOrderTree } from './order-tree';
import type { CertificationGap } from '../training';
import { CertificationNeedType } from '../training';
import {
  CatalogConnection,
  CreditStatusType,
  OrderConnection,
  OrderEventType,
  OrderLineType,
  OrderReviewType,
  OrderType,
  ShipmentType,
} from './order.types';
import {
  AdjustOrderLinePriceInput,
  CatalogArgs,
  OrderDraftInput,
  OrderFilter,
  OrderTransitionArgs,
  PlaceOrderInput,
  ReasonedTransitionArgs,
  RecordShipmentInput,
  ReverseShipmentArgs,
} from './order.inputs';
import { Can } from '../../auth/can';

const needOf = (gap: CertificationGap | null): CertificationNeedType | null =>
  gap && { productLineId: gap.productLineId, courseId: gap.course?.id ?? null, courseTitle: gap.course?.title ?? null };

const creditMoney = (c: CreditStatus): CreditStatusType => ({
  limit: money(c.limit, c.currency),
  openOrders: money(c.openOrders, c.currency),
  receivables: money(c.receivables, c.currency),
  available: money(c.available, c.currency),
});

@Resolver(() => OrderType)
export class OrderResolver {
  /** Orders the viewer may see: the brand by region, an owner their distributor's (and second tier's), a rep their own. Newest first. */
  @Authorized()
  @Query(() => OrderConnection)
  async orders(
    @Args() page: PageArgs,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Order>> {
    // the page and what the request asks of each order: one statement (order-tree.ts)
    const parts = orderTreeParts(selectionOf(info).nodes ?? {});
    const found = await ctx.services.orders.list(requireScope(ctx), page, filter, parts);
    const loaders = loadersOf(ctx);
    return { ...found, nodes: found.nodes.map((tree) => primeOrderTree(loaders, tree)) };
  }

  @Authorized()
  @Query(() => OrderType)
  /** The order with what the request asks of its lines, shipments and timeline: one statement (order-tree.ts). */
  async order(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Order> {
    const tree = await ctx.services.orders.tree(requireScope(ctx), id, orderTreeParts(selectionOf(info)));
    return primeOrderTree(loadersOf(ctx), tree);
  }

  /** What a distributor may sell now, at its tier price: the page and what its rows name in one statement (catalog-page.ts). */
  @Authorized()
  @Query(() => CatalogConnection)
  async catalog(
    @Args() args: CatalogArgs,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Omit<CatalogItem, 'certification'> & { certification: CertificationNeedType | null }>> {
    const scope = requireScope(ctx);
    const found = await ctx.services.catalog.list(scope, args, page, catalogPageParts(scope, selectionOf(info).nodes));
    const items = primeCatalogPage(loadersOf(ctx), found.nodes);
    return { ...found, nodes: items.map((n) => ({ ...n, certification: needOf(n.certification) })) };
  }

  @Can('order.readCredit')
  @Query(() => CreditStatusType)
  async creditStatus(
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<CreditStatusType> {
    return creditMoney(await ctx.services.orderPlacement.creditOf(requireScope(ctx), distributorId));
  }

  /** Prices, compliance per line and credit, before placing: nothing is written. */
  @Authorized()
  @Query(() => OrderReviewType)
  async reviewOrder(@Arg('input') input: OrderDraftInput, @Ctx() ctx: GqlContext): Promise<OrderReviewType> {
    const scope = requireScope(ctx);
    const r: OrderReview = await ctx.services.orderPlacement.review(scope, input);
    return {
      lines: r.lines.map((l) => ({
        ...l,
        unitPrice: money(l.unitPrice, r.currency),
        amount: money(l.amount, r.currency),
        certification: needOf(l.certification),
      })),
      total: money(r.total, r.currency),
      credit: scope.role === Role.REP ? null : creditMoney(r.credit),
      withinCredit: r.withinCredit,
      allowed: r.allowed,
    };
  }

  @Can('order.place')
  @Mutation(() => OrderType)
  placeOrder(@Arg('input') input: PlaceOrderInput, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderPlacement.place(requireScope(ctx), input);
  }

  @Can('order.approve')
  @Mutation(() => OrderType)
  approveOrder(@Args() args: OrderTransitionArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.approve(requireScope(ctx), args);
  }

  @Can('order.approve')
  @Mutation(() => OrderType)
  rejectOrder(@Args() args: ReasonedTransitionArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.reject(requireScope(ctx), args);
  }

  /** The distributor before approval; the order desk before anything ships (with a reason). */
  @Can('order.cancel')
  @Mutation(() => OrderType)
  cancelOrder(@Args() args: OrderTransitionArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.cancel(requireScope(ctx), args);
  }

  @Can('order.approve')
  @Mutation(() => OrderType)
  adjustOrderLinePrice(@Arg('input') input: AdjustOrderLinePriceInput, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.adjustPrice(requireScope(ctx), input);
  }

  @Can('order.ship')
  @Mutation(() => OrderType)
  recordShipment(@Arg('input') input: RecordShipmentInput, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.shipments.record(requireScope(ctx), input);
  }

  @Can('order.ship')
  @Mutation(() => OrderType)
  reverseShipment(@Args() args: ReverseShipmentArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.shipments.reverse(requireScope(ctx), args);
  }

  /** The goods arrived: the order desk or the distributor says so. */
  @Can('order.confirmDelivery')
  @Mutation(() => OrderType)
  confirmDelivery(@Args() args: OrderTransitionArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.confirmDelivery(requireScope(ctx), args);
  }

  @Can('order.close')
  @Mutation(() => OrderType)
  closeOrder(@Args() args: OrderTransitionArgs, @Ctx() ctx: GqlContext): Promise<Order> {
    return ctx.services.orderDesk.close(requireScope(ctx), args);
  }

  @FieldResolver(() => MoneyType)
  total(@Root() o: Order): MoneyType {
    return money(o.total, o.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'What has shipped (net of reversals) and gone to the ledger' })
  shippedTotal(@Root() o: Order): MoneyType {
    return money(o.shippedTotal, o.currency);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(o.distributorId);
  }

  @FieldResolver(() => HospitalType, { nullable: true, description: 'None for a stock order' })
  async hospital(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<Hospital | null> {
    return o.hospitalId ? loadersOf(ctx).hospitalById.load(o.hospitalId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  placedBy(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(o.placedBy);
  }

  @FieldResolver(() => [OrderLineType])
  lines(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<OrderLine[]> {
    return loadersOf(ctx).linesByOrderId.load(o.id);
  }

  @FieldResolver(() => [ShipmentType])
  shipments(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<Shipment[]> {
    return loadersOf(ctx).shipmentsByOrderId.load(o.id);
  }

  @FieldResolver(() => [OrderEventType], { description: 'The timeline: every move with who and why' })
  events(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<OrderEvent[]> {
    return loadersOf(ctx).eventsByOrderId.load(o.id);
  }
}
