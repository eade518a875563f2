import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import {
  RecordStockMovementInput,
  ReverseStockMovementArgs,
  SellOutFilter,
  StockFilter,
  StockMovementFilter,
} from './inventory.inputs';
import {
  SellOutConnection,
  StockLineConnection,
  StockMovementConnection,
  StockMovementType,
  UdiScanType,
} from './inventory.types';

@Resolver()
export class InventoryResolver {
  @Can('stock.read')
  @Query(() => StockLineConnection, {
    description: 'Lots on hand in scope (now, or at the end of asOf), soonest expiry first',
  })
  channelStock(
    @Args() page: PageArgs,
    @Arg('filter', () => StockFilter, { nullable: true }) filter: StockFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stockReads.stock(requireScope(ctx), page, filter);
  }

  @Can('stock.read')
  @Query(() => StockMovementConnection, { description: 'Stock movements in scope, newest first' })
  stockMovements(
    @Args() page: PageArgs,
    @Arg('filter', () => StockMovementFilter, { nullable: true }) filter: StockMovementFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stockReads.movements(requireScope(ctx), page, filter);
  }

  @Can('stock.read')
  @Query(() => SellOutConnection, { description: 'Sell-out (流向) by hospital, department and product, in scope' })
  sellOut(
    @Args() page: PageArgs,
    @Arg('filter', () => SellOutFilter, { nullable: true }) filter: SellOutFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stockReads.sellOut(requireScope(ctx), page, filter);
  }

  @Can('stock.record')
  @Query(() => UdiScanType, { description: 'Reads a scanned GS1 UDI: GTIN, expiry, batch, serial, and its product' })
  scanUdi(@Arg('code') code: string, @Ctx() ctx: GqlContext) {
    return ctx.services.stockReads.scan(requireScope(ctx), code);
  }

  @Can('stock.record')
  @Mutation(() => [StockMovementType], {
    description: 'Receives a shipment into the distributor’s stock: its items not received yet (again: nothing more)',
  })
  async receiveShipment(@Arg('shipmentId', () => ID) shipmentId: string, @Ctx() ctx: GqlContext) {
    const scope = requireScope(ctx);
    const ids = await ctx.services.stock.receive(scope, shipmentId);
    return ctx.services.stockReads.byIds(scope, ids);
  }

  @Can('stock.record')
  @Mutation(() => StockMovementType, { description: 'A sell-out to a hospital, a transfer, a return or an adjustment' })
  async recordStockMovement(@Arg('input') input: RecordStockMovementInput, @Ctx() ctx: GqlContext) {
    const scope = requireScope(ctx);
    const id = await ctx.services.stock.record(scope, input);
    return (await ctx.services.stockReads.byIds(scope, [id]))[0];
  }

  @Can('stock.record')
  @Mutation(() => StockMovementType, { description: 'Corrects a wrong movement by appending its opposite' })
  async reverseStockMovement(@Args() { id, reason }: ReverseStockMovementArgs, @Ctx() ctx: GqlContext) {
    const scope = requireScope(ctx);
    const reversal = await ctx.services.stock.reverse(scope, id, reason);
    return (await ctx.services.stockReads.byIds(scope, [reversal]))[0];
  }
}
