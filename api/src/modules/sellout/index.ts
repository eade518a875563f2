import { defineModule, type CoreServices, type ModuleCore } from '../module';
import { Sellout1770600000000 } from './1770600000000-Sellout';
import { SelloutFinding, SelloutUpload } from './sellout.entity';
import { SelloutResolver } from './sellout.resolver';
import { SelloutReadService } from './sellout-reads';
import { SellOutExportService } from './sellout-export';
import { selloutRoutes } from './sellout.routes';
import { SelloutService } from './sellout.service';

// the stock it writes through is inventory's appendMovement (imported from its index)
function selloutServices({ ds }: ModuleCore) {
  return {
    sellout: new SelloutService(ds),
    selloutReads: new SelloutReadService(ds),
    sellOutExport: new SellOutExportService(ds),
  };
}
type SelloutServices = ReturnType<typeof selloutServices>;
/** What the upload and export routes use. */
export type SelloutRouteServices = SelloutServices & CoreServices;

/** The monthly sell-out upload (流向) and reconciliation: 窜货 flags and stock differences. */
export const selloutModule = defineModule({
  name: 'sellout',
  entities: () => [SelloutUpload, SelloutFinding],
  migrations: () => [Sellout1770600000000],
  services: selloutServices,
  resolvers: () => [SelloutResolver],
  routes: (services) => selloutRoutes(services),
});
