import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';
import { RegionService } from './region.service';

function regionServices({ ds }: ModuleCore) {
  return { regions: new RegionService(ds) };
}
type RegionServices = ReturnType<typeof regionServices>;

/**
 * Regions by id; each batch also reads the provinces above the cities asked for and keeps them in
 * the loader, so `region { parent { … } }` costs one statement, not one per level.
 */
function regionsWithParents(services: RegionServices, scope: Scope) {
  const loader: DataLoader<string, Region | null> = new DataLoader(async (ids) => {
    const rows = await services.regions.byIdsWithParents(scope, ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) loader.prime(row.id, row);
    return ids.map((id) => found.get(id) ?? null);
  });
  return loader;
}

function regionLoaders(services: RegionServices, scope: Scope) {
  return {
    regionById: regionsWithParents(services, scope),
    regionsByUserId: groupedBy<Region & { userId: string }>(
      (ids) => services.regions.byUserIds(scope, ids),
      (r) => r.userId,
    ),
  };
}

export const regionModule = defineModule({
  name: 'region',
  entities: () => [Region],
  services: regionServices,
  loaders: regionLoaders,
  resolvers: () => [RegionResolver],
});

// What other modules (and tests) may use from this one
export * from './region.entity';
export * from './region.sql';
export * from './region.types';
