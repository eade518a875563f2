import { DataSource } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { addDays } from '../../common/dates';
import { badInput, notFound } from '../../common/errors';
import { fixed2 } from '../../common/money';
import type { ProductServices } from '../product';
import { ProductFloorPrice } from './tender.entity';
import { SetFloorPriceInput } from './tender.types';

type Products = ProductServices['products'];

/**
 * The brand's floor prices (底价), kept as the tier prices are (product.service.ts, setTierPrice):
 * rows effective from a date; a new one ends the one in force the day before, so there is never
 * more than one floor for a day.
 */
export class FloorPriceService {
  constructor(
    private readonly ds: DataSource,
    private readonly products: Products,
  ) {}

  /** Each product's floor prices over time, newest first. */
  byProductIds(scope: Scope, productIds: readonly string[]): Promise<ProductFloorPrice[]> {
    const qb = this.ds
      .getRepository(ProductFloorPrice)
      .createQueryBuilder('f')
      .where('f.product_id = ANY(:productIds)', { productIds });
    return applyScope(qb, scope, 'brand').orderBy('f.effective_from', 'DESC').getMany();
  }

  /** The floor from a date, in the product's currency; the same change sent again is already so. */
  set(scope: Scope, input: SetFloorPriceInput): Promise<ProductFloorPrice> {
    return this.ds.transaction(async (em) => {
      const [product] = await this.products.byIds(scope, [input.productId], em);
      if (!product) throw notFound('Product');
      await em.query(`SELECT id FROM product WHERE id = $1 FOR UPDATE`, [product.id]);
      const later = await em
        .getRepository(ProductFloorPrice)
        .createQueryBuilder('f')
        .where('f.product_id = :p AND f.effective_from >= :from', { p: product.id, from: input.effectiveFrom })
        .getMany();
      if (
        later.length === 1 &&
        later[0].effectiveFrom === input.effectiveFrom &&
        later[0].price === fixed2(input.price)
      )
        return later[0];
      if (later.length) throw badInput('effectiveFrom', 'A floor price from this date or later exists already');
      await em.query(
        `UPDATE product_floor_price SET effective_to = $3, updated_at = now()
          WHERE product_id = $1 AND effective_from < $2 AND (effective_to IS NULL OR effective_to >= $2)`,
        [product.id, input.effectiveFrom, addDays(input.effectiveFrom, -1)],
      );
      const floor = await em.save(
        em.create(ProductFloorPrice, {
          brandId: scope.brandId,
          productId: product.id,
          price: input.price,
          currency: product.currency,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: null,
        }),
      );
      await audit(em, scope, 'SET_FLOOR_PRICE', 'product', product.id, {
        price: input.price,
        effectiveFrom: input.effectiveFrom,
        floorPriceId: floor.id,
      });
      return floor;
    });
  }
}
