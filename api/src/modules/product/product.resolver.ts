import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { PriceListEntry, Product, ProductLine, ProductRegistration } from './product.entity';
import { LocalDateScalar } from '../../common/dates';
import { CreateProductInput, RenewRegistrationInput, UpdateProductInput } from './product.inputs';
import {
  MoneyType,
  PriceListEntryType,
  ProductConnection,
  ProductFilter,
  ProductIdArgs,
  ProductLineType,
  ProductRegistrationType,
  ProductType,
  SetTierPriceInput,
} from './product.types';
import { Can } from '../../auth/can';

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

  @Can('product.create')
  @Mutation(() => ProductType)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: GqlContext): Promise<Product> {
    return ctx.services.products.create(requireScope(ctx), input);
  }

  @Can('product.edit')
  @Mutation(() => ProductType)
  updateProduct(
    @Args() { id }: ProductIdArgs,
    @Arg('input') input: UpdateProductInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Product> {
    return ctx.services.products.update(requireScope(ctx), id, input);
  }

  @Can('product.edit')
  @Mutation(() => ProductType, { description: 'Renews the registration certificate; the old one stays in its history' })
  renewProductRegistration(
    @Args() { id }: ProductIdArgs,
    @Arg('input') input: RenewRegistrationInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Product> {
    return ctx.services.products.renewRegistration(requireScope(ctx), id, input);
  }

  @Can('product.setPrice')
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
  @Can('product.readPrices')
  @FieldResolver(() => [PriceListEntryType])
  priceList(@Root() p: Product, @Ctx() ctx: GqlContext): Promise<PriceListEntry[]> {
    return loadersOf(ctx).priceEntriesByProductId.load(p.id);
  }

  /** The price of each tier in force on a day: what an order placed that day is priced at. */
  @Can('product.readPrices')
  @FieldResolver(() => [PriceListEntryType])
  async pricesOn(
    @Root() p: Product,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() ctx: GqlContext,
  ): Promise<PriceListEntry[]> {
    const entries = await loadersOf(ctx).priceEntriesOn(on).load(p.id);
    // ascending by date within a tier, so the latest entry in force wins
    return [...new Map(entries.map((e) => [e.tier, e])).values()];
  }

  /** The registration certificates it was registered under, the current one first. */
  @FieldResolver(() => [ProductRegistrationType])
  registrations(@Root() p: Product, @Ctx() ctx: GqlContext): Promise<ProductRegistration[]> {
    return loadersOf(ctx).registrationsByProductId.load(p.id);
  }
}

@Resolver(() => PriceListEntryType)
export class PriceListEntryResolver {
  @FieldResolver(() => MoneyType)
  price(@Root() e: PriceListEntry): MoneyType {
    return { amount: e.price, currency: e.currency };
  }
}
