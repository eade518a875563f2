import { DataSource, EntityManager } from 'typeorm';
import { visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { addDays, isIsoDate } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { PriceListEntry, Product, ProductLine } from './product.entity';
import { CreateProductInput, ProductFilter, SetTierPriceInput } from './product.types';

/** The brand's catalog: reference data every user of the brand may read; prices by tier. */
export class ProductService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Product).createQueryBuilder('p'), scope, 'brand');
  }

  lines(scope: Scope): Promise<ProductLine[]> {
    return applyScope(this.ds.getRepository(ProductLine).createQueryBuilder('pl'), scope, 'brand').orderBy('pl.code').getMany();
  }

  linesByIds(scope: Scope, ids: readonly string[]): Promise<ProductLine[]> {
    const qb = this.ds.getRepository(ProductLine).createQueryBuilder('pl').where('pl.id = ANY(:ids)', { ids });
    return applyScope(qb, scope, 'brand').getMany();
  }

  list(scope: Scope, page: PageArgs, filter: ProductFilter = {}): Promise<Page<Product>> {
    const qb = this.scoped(scope);
    if (filter.search) {
      qb.andWhere('(p.name ILIKE :s OR p.code ILIKE :s OR p.registration_no ILIKE :s OR p.udi_di ILIKE :s)', {
        s: containsPattern(filter.search),
      });
    }
    if (filter.productLineId) qb.andWhere('p.product_line_id = :line', { line: filter.productLineId });
    if (filter.deviceClass) qb.andWhere('p.device_class = :cls', { cls: filter.deviceClass });
    return paginate(qb, page, [
      { column: 'p.name', value: (p) => p.name },
      { column: 'p.id', value: (p) => p.id },
    ]);
  }

  async get(scope: Scope, id: string): Promise<Product> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('p.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Product');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[], em?: EntityManager): Promise<Product[]> {
    return this.scoped(scope, em).andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** Products of the given lines, for expanding an authorization's coverage. */
  byLineIds(scope: Scope, lineIds: readonly string[], em?: EntityManager): Promise<Product[]> {
    return this.scoped(scope, em).andWhere('p.product_line_id = ANY(:lineIds)', { lineIds }).getMany();
  }

  priceEntriesByProductIds(scope: Scope, productIds: readonly string[]): Promise<PriceListEntry[]> {
    const qb = this.ds.getRepository(PriceListEntry).createQueryBuilder('e').where('e.product_id = ANY(:productIds)', { productIds });
    return applyScope(qb, scope, 'brand').orderBy('e.tier').addOrderBy('e.effective_from').getMany();
  }

  /** The tier's price in force on a date, or null when the price list has none. */
  async tierPrice(scope: Scope, productId: string, tier: number, on: string, em?: EntityManager): Promise<PriceListEntry | null> {
    const qb = (em ?? this.ds.manager)
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where('e.product_id = :productId AND e.tier = :tier', { productId, tier })
      .andWhere('e.effective_from <= :on AND (e.effective_to IS NULL OR e.effective_to >= :on)', { on });
    return applyScope(qb, scope, 'brand').orderBy('e.effective_from', 'DESC').getOne();
  }

  /**
   * The price each product sells at to a tier on a date: the tier's price-list entry in force,
   * else the list price. One query for any number of products.
   */
  async sellingPrices(scope: Scope, products: Product[], tier: number, on: string, em?: EntityManager): Promise<Map<string, { price: string; currency: string }>> {
    const prices = new Map(products.map((p) => [p.id, { price: p.listPrice, currency: p.currency }]));
    if (!products.length) return prices;
    const qb = (em ?? this.ds.manager)
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where('e.product_id = ANY(:ids) AND e.tier = :tier', { ids: products.map((p) => p.id), tier })
      .andWhere('e.effective_from <= :on AND (e.effective_to IS NULL OR e.effective_to >= :on)', { on });
    // ascending, so the latest entry in force wins
    for (const e of await applyScope(qb, scope, 'brand').orderBy('e.effective_from', 'ASC').getMany()) {
      prices.set(e.productId, { price: e.price, currency: e.currency });
    }
    return prices;
  }

  async create(scope: Scope, input: CreateProductInput): Promise<Product> {
    if (!isIsoDate(input.registrationValidFrom)) throw badInput('registrationValidFrom', 'Not a date');
    if (input.registrationValidTo < input.registrationValidFrom) {
      throw badInput('registrationValidTo', 'The registration cannot end before it starts');
    }
    return this.ds.transaction(async (em) => {
      await visibleId(em, scope, 'productLine', input.productLineId, 'productLineId');
      const clash = await this.scoped(scope, em).andWhere('p.code = :code', { code: input.code }).getCount();
      if (clash) throw new AppError(ErrorCode.CONFLICT, `A product with code ${input.code} exists already`, 'code');
      const product = await em.save(em.create(Product, { ...input, udiDi: input.udiDi ?? null, brandId: scope.brandId }));
      await audit(em, scope, 'CREATE', 'product', product.id, { ...input });
      return product;
    });
  }

  /**
   * Sets a tier's price from a date: the entry in force then ends the day before, so the price
   * list never has two prices for one day.
   */
  async setTierPrice(scope: Scope, input: SetTierPriceInput): Promise<Product> {
    return this.ds.transaction(async (em) => {
      const [product] = await this.byIds(scope, [input.productId], em);
      if (!product) throw notFound('Product');
      const later = await em.query(
        `SELECT 1 FROM price_list_entry WHERE product_id = $1 AND tier = $2 AND effective_from >= $3`,
        [product.id, input.tier, input.effectiveFrom],
      );
      if (later.length) throw badInput('effectiveFrom', 'A price from this date or later exists already');
      await em.query(
        `UPDATE price_list_entry SET effective_to = $4, updated_at = now()
          WHERE product_id = $1 AND tier = $2 AND effective_from < $3 AND (effective_to IS NULL OR effective_to >= $3)`,
        [product.id, input.tier, input.effectiveFrom, addDays(input.effectiveFrom, -1)],
      );
      const entry = await em.save(
        em.create(PriceListEntry, {
          brandId: scope.brandId,
          productId: product.id,
          tier: input.tier,
          price: input.price,
          currency: product.currency,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: null,
        }),
      );
      await audit(em, scope, 'SET_TIER_PRICE', 'product', product.id, { tier: input.tier, price: input.price, effectiveFrom: input.effectiveFrom, entryId: entry.id });
      return product;
    });
  }

  /** Marks whether ordering the product needs a certified person (the training gate). */
  async setCertificationRequired(scope: Scope, productId: string, required: boolean): Promise<Product> {
    return this.ds.transaction(async (em) => {
      const [product] = await this.byIds(scope, [productId], em);
      if (!product) throw notFound('Product');
      if (product.requiresCertification !== required) {
        product.requiresCertification = required;
        await em.save(product);
      }
      await audit(em, scope, 'SET_CERTIFICATION_REQUIRED', 'product', product.id, { required });
      return product;
    });
  }
}
