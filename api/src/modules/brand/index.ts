import type { Scope } from '../../auth/scope';
import { byId } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { Brand } from './brand.entity';
import { BrandService } from './brand.service';

function brandServices({ ds }: ModuleCore) {
  return { brands: new BrandService(ds) };
}
export type BrandServices = ReturnType<typeof brandServices>;

function brandLoaders(services: BrandServices, scope: Scope) {
  return { brandById: byId<Brand>((ids) => services.brands.byIds(scope, ids)) };
}

export const brandModule = defineModule({
  name: 'brand',
  entities: () => [Brand],
  services: brandServices,
  loaders: brandLoaders,
});

// What other modules (and tests) may use from this one
export * from './brand.entity';
export * from './brand.types';
