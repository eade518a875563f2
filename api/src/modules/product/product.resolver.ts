import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BRAND_ROLES, Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { PriceListEntry, Product, ProductLine } from './product.entity';
import {
  CreateProductInput,
  MoneyType,
  PriceListEntryType,
  ProductConnection,
  ProductFilter,
  ProductIdArgs,
  ProductLineType,
  ProductType,
  SetTierPriceInput,
} from './product.types';

@Resolver(() => ProductType)
export class ProductResolver {
  @Authorized()
  @Query(() => [ProductLineType])
  productLines(@Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return ctx.services.products.lines(requireScope(ctx));
  }

  /** The brand's products, searchable by name, code, registration number or UDI-DI. */
  @Authorized()
  @Query(() => ProductConnection)
  products(
    @Args() page: PageArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.products.list(requireScope(ctx), page, filter);
  }

  @Authorized()
  @Query(() => ProductType)
  product(@Args() { id }: ProductIdArgs, @Ctx() ctx: GqlContext): Promise<Product> {
    return ctx.services.products.get(requireScope(ctx), id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProductType)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: GqlContext): Promise<Product> {
    return ctx.services.products.create(requireScope(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => ProductType)
  setTierPrice(@Arg('input') input: SetTierPriceInput, @Ctx() ctx: GqlContext): Promise<Product> {
    return ctx.services.products.setTierPrice(requireScope(ctx), input);
  }

  @FieldResolver(() => ProductLineType)
  productLine(@Root() p: Product, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(p.productLineId);
  }

  @FieldResolver(() => MoneyType)
  listPrice(@Root() p: Product): MoneyType {
    return { amount: p.listPrice, currency: p.currency };
  }

  /** Every tier's prices over time: the brand's business, not a distributor's. */
  @Authorized(...BRAND_ROLES)
  @FieldResolver(() => [PriceListEntryType])
  priceList(@Root() p: Product, @Ctx() ctx: GqlContext): Promise<PriceListEntry[]> {
    return loadersOf(ctx).priceEntriesByProductId.load(p.id);
  }
}

@Resolver(() => PriceListEntryType)
export class PriceListEntryResolver {
  @FieldResolver(() => MoneyType)
  price(@Root() e: PriceListEntry): MoneyType {
    return { amount: e.price, currency: e.currency };
  }
}
