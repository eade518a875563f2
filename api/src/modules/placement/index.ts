import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import { Placement1770700000000 } from './1770700000000-Placement';
import { Placement, PlacementEvent, StocktakeCampaign, StocktakeCount, StocktakeItem } from './placement.entity';
import { placementFileRoutes } from './placement.files';
import { PlacementResolver } from './placement.resolver';
import { seedPlacements } from './placement.seed';
import { PlacementService } from './placement.service';
import { StocktakeResolver } from './stocktake.resolver';
import { StocktakeService } from './stocktake.service';

function placementServices({ ds, storage }: ModuleCore) {
  return { placements: new PlacementService(ds), stocktakes: new StocktakeService(ds, storage) };
}
type PlacementServices = ReturnType<typeof placementServices>;
/** What the photo routes use. */
export type PlacementRouteServices = PlacementServices & CoreServices;

function placementLoaders(services: PlacementServices, scope: Scope) {
  return {
    placementEventsById: groupedBy(
      (ids) => services.placements.eventsByPlacementIds(scope, ids),
      (e) => e.placementId,
    ),
    placementMonthsById: groupedBy(
      (ids) => services.placements.monthsByPlacementIds(scope, ids),
      (m) => m.placementId,
    ),
    stocktakeProgressById: groupedBy(
      (ids) => services.stocktakes.progressByCampaignIds(scope, ids),
      (p) => p.campaignId,
    ),
  };
}

export const placementModule = defineModule({
  name: 'placement',
  entities: () => [Placement, PlacementEvent, StocktakeCampaign, StocktakeItem, StocktakeCount],
  migrations: () => [Placement1770700000000],
  services: placementServices,
  loaders: placementLoaders,
  resolvers: () => [PlacementResolver, StocktakeResolver],
  routes: (services) => placementFileRoutes(services),
  seed: (em, cal) => seedPlacements(em, cal),
});

export * from './placement.entity';
