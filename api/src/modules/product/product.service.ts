import { DataSource, EntityManager } from 'typeorm';
import { visibleId } from '../../auth/scoped-ids';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { fixed2 } from '../../common/money';
import { assertVersion } from '../../common/versioning';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { addDays, isIsoDate } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { PriceListEntry, Product, ProductLine, ProductRegistration } from './product.entity';
import { tierOnSql } from '../distributor';
import { ProductFilter, SetTierPriceInput } from './product.types';
import { CreateProductInput, RenewRegistrationInput, UpdateProductInput } from './product.inputs';

/** The brand's catalog: reference data every user of the brand may read; prices by tier. */
export class ProductService {
  constructor(private readonly ds: DataSource) {}

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Product).createQueryBuilder('p'), scope, 'brand');
  }

  lines(scope: Scope): Promise<ProductLine[]> {
    return applyScope(this.ds.getRepository(ProductLine).createQueryBuilder('pl'), scope, 'brand')
      .orderBy('pl.code')
      .getMany();
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
    const qb = this.ds
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where('e.product_id = ANY(:productIds)', { productIds });
    return applyScope(qb, scope, 'brand').orderBy('e.tier').addOrderBy('e.effective_from').getMany();
  }

  /** The tier's price in force on a date, or null when the price list has none. */
  async tierPrice(
    scope: Scope,
    productId: string,
    tier: number,
    on: string,
    em?: EntityManager,
  ): Promise<PriceListEntry | null> {
    const qb = (em ?? this.ds.manager)
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where('e.product_id = :productId AND e.tier = :tier', { productId, tier })
      .andWhere('e.effective_from <= :on AND (e.effective_to IS NULL OR e.effective_to >= :on)', { on });
    return applyScope(qb, scope, 'brand').orderBy('e.effective_from', 'DESC').getOne();
  }

  /**
   * The price each product sells at to a distributor on a date: the price-list entry in force of
   * the distributor's tier on that date (its tier history, tierOnSql), else the list price. One
   * query for any number of products.
   */
  async sellingPrices(
    scope: Scope,
    products: Product[],
    distributorId: string,
    on: string,
    em?: EntityManager,
  ): Promise<Map<string, { price: string; currency: string }>> {
    const prices = new Map(products.map((p) => [p.id, { price: p.listPrice, currency: p.currency }]));
    if (!products.length) return prices;
    const qb = (em ?? this.ds.manager)
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where(`e.product_id = ANY(:ids) AND e.tier = ${tierOnSql(':distributor', ':on')}`, {
        ids: products.map((p) => p.id),
        distributor: distributorId,
      })
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
      const product = await em.save(
        em.create(Product, { ...input, udiDi: input.udiDi ?? null, brandId: scope.brandId }),
      );
      await audit(em, scope, 'CREATE', 'product', product.id, { ...input });
      return product;
    });
  }

  /**
   * Sets a tier's price from a date: the entry in force then ends the day before, so the price
   * list never has two prices for one day.
   */
  setTierPrice(scope: Scope, input: SetTierPriceInput): Promise<Product> {
    return this.ds.transaction((em) => this.setTierPriceIn(em, scope, input));
  }

  /** setTierPrice inside a caller's transaction (a price list imported from Excel: every row or none). */
  async setTierPriceIn(em: EntityManager, scope: Scope, input: SetTierPriceInput): Promise<Product> {
    const [product] = await this.byIds(scope, [input.productId], em);
    if (!product) throw notFound('Product');
    const later: Array<{ from: string; price: string }> = await em.query(
      `SELECT effective_from::text AS "from", price::text AS price FROM price_list_entry
        WHERE product_id = $1 AND tier = $2 AND effective_from >= $3`,
      [product.id, input.tier, input.effectiveFrom],
    );
    // the same change sent again (a lost answer): already so
    if (later.length === 1 && later[0].from === input.effectiveFrom && later[0].price === fixed2(input.price)) {
      return product;
    }
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
    await audit(em, scope, 'SET_TIER_PRICE', 'product', product.id, {
      tier: input.tier,
      price: input.price,
      effectiveFrom: input.effectiveFrom,
      entryId: entry.id,
    });
    return product;
  }

  /** The certificates each product was registered under, newest first. */
  registrationsByProductIds(scope: Scope, productIds: readonly string[]): Promise<ProductRegistration[]> {
    const qb = this.ds
      .getRepository(ProductRegistration)
      .createQueryBuilder('r')
      .where('r.product_id = ANY(:productIds)', { productIds });
    return applyScope(qb, scope, 'brand').orderBy('r.valid_from', 'DESC').addOrderBy('r.created_at', 'DESC').getMany();
  }

  /** The price-list entries in force on a day (the latest per tier wins), for many products at once. */
  priceEntriesOn(scope: Scope, productIds: readonly string[], on: string): Promise<PriceListEntry[]> {
    const qb = this.ds
      .getRepository(PriceListEntry)
      .createQueryBuilder('e')
      .where('e.product_id = ANY(:productIds)', { productIds })
      .andWhere('e.effective_from <= :on AND (e.effective_to IS NULL OR e.effective_to >= :on)', { on });
    return applyScope(qb, scope, 'brand').orderBy('e.tier').addOrderBy('e.effective_from').getMany();
  }

  /** The product, locked for a change, inside the scope (NOT_FOUND otherwise). */
  private async locked(scope: Scope, id: string, em: EntityManager): Promise<Product> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Product');
    return found;
  }

  /**
   * Edits the product's own facts at the version the user saw. A retry of a change already made
   * (a lost answer) answers the product as it is; another change since answers STALE_VERSION.
   */
  async update(scope: Scope, id: string, input: UpdateProductInput): Promise<Product> {
    return this.ds.transaction(async (em) => {
      const product = await this.locked(scope, id, em);
      await visibleId(em, scope, 'productLine', input.productLineId, 'productLineId');
      const next: Partial<Product> = {
        productLineId: input.productLineId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        deviceClass: input.deviceClass,
        udiDi: input.udiDi ?? null,
        listPrice: fixed2(input.listPrice),
      };
      const changes = diff(product, next);
      if (product.version !== input.expectedVersion && Object.keys(changes).length === 0) return product;
      assertVersion(product, input.expectedVersion, 'product');
      if (changes.code) {
        const clash = await this.scoped(scope, em)
          .andWhere('p.code = :code AND p.id <> :id', { code: input.code, id: product.id })
          .getCount();
        if (clash) throw new AppError(ErrorCode.CONFLICT, `A product with code ${input.code} exists already`, 'code');
      }
      const saved = Object.keys(changes).length ? await em.save(Object.assign(product, next)) : product;
      await audit(em, scope, 'UPDATE', 'product', product.id, changes);
      return saved;
    });
  }

  /**
   * Renews the registration certificate: the new one becomes the product's current certificate and
   * the old stays in its history (the database appends it). A renewal starts and ends later than
   * the certificate it renews, so on any day the certificate current then is the one in force.
   * Sending the same renewal again answers the product as it is.
   */
  async renewRegistration(scope: Scope, id: string, input: RenewRegistrationInput): Promise<Product> {
    if (!isIsoDate(input.validFrom)) throw badInput('validFrom', 'Not a date');
    if (!isIsoDate(input.validTo)) throw badInput('validTo', 'Not a date');
    if (input.validTo < input.validFrom) throw badInput('validTo', 'The certificate cannot end before it starts');
    return this.ds.transaction(async (em) => {
      const product = await this.locked(scope, id, em);
      if (
        product.registrationNo === input.registrationNo &&
        product.registrationValidFrom === input.validFrom &&
        product.registrationValidTo === input.validTo
      ) {
        return product;
      }
      assertVersion(product, input.expectedVersion, 'product');
      if (input.validFrom <= product.registrationValidFrom) {
        throw badInput('validFrom', 'A renewed certificate starts after the current one started');
      }
      if (input.validTo <= product.registrationValidTo) {
        throw badInput('validTo', 'A renewed certificate ends after the current one ends');
      }
      const before = {
        registrationNo: product.registrationNo,
        validFrom: product.registrationValidFrom,
        validTo: product.registrationValidTo,
      };
      product.registrationNo = input.registrationNo;
      product.registrationValidFrom = input.validFrom;
      product.registrationValidTo = input.validTo;
      const saved = await em.save(product);
      await audit(em, scope, 'RENEW_REGISTRATION', 'product', product.id, {
        from: before,
        to: { registrationNo: input.registrationNo, validFrom: input.validFrom, validTo: input.validTo },
      });
      return saved;
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
