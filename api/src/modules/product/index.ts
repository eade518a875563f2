import type { Scope } from '../../auth/scope';
import { byId, groupedBy, perArgs } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { PriceListEntry, Product, ProductLine, ProductRegistration } from './product.entity';
import { PriceListEntryResolver, ProductResolver } from './product.resolver';
import { ProductService } from './product.service';
import { ProductRegistrations1768700000000 } from './1768700000000-ProductRegistrations';

function productServices({ ds }: ModuleCore) {
  return { products: new ProductService(ds) };
}
export type ProductServices = ReturnType<typeof productServices>;

function productLoaders(services: ProductServices, scope: Scope) {
  return {
    productById: byId<Product>((ids) => services.products.byIds(scope, ids)),
    productLineById: byId<ProductLine>((ids) => services.products.linesByIds(scope, ids)),
    priceEntriesByProductId: groupedBy<PriceListEntry>(
      (ids) => services.products.priceEntriesByProductIds(scope, ids),
      (e) => e.productId,
    ),
    registrationsByProductId: groupedBy<ProductRegistration>(
      (ids) => services.products.registrationsByProductIds(scope, ids),
      (r) => r.productId,
    ),
    priceEntriesOn: perArgs(
      (on: string) => on,
      (on) =>
        groupedBy<PriceListEntry>(
          (ids) => services.products.priceEntriesOn(scope, ids, on),
          (e) => e.productId,
        ),
    ),
  };
}

export const productModule = defineModule({
  name: 'product',
  entities: () => [ProductLine, Product, PriceListEntry, ProductRegistration],
  migrations: () => [ProductRegistrations1768700000000],
  services: productServices,
  loaders: productLoaders,
  resolvers: () => [ProductResolver, PriceListEntryResolver],
});

// What other modules (and tests) may use from this one
export * from './product.entity';
export * from './product.service';
export * from './product.types';
export * from './product.inputs';
