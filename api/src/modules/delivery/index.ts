import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { OpportunityServices } from '../opportunity';
import { Opportunity } from '../opportunity';
import { Delivery1770000000000 } from './1770000000000-Delivery';
import { DeliveryFile, DeliveryMilestone, DeliveryProject, PresalesLog } from './delivery.entity';
import {
  DeliveryFilePartsResolver,
  DeliveryMilestonePartsResolver,
  DeliveryProjectPartsResolver,
} from './delivery-parts.resolver';
import { DeliveryResolver } from './delivery.resolver';
import { deliveryRoutes } from './delivery.routes';
import { DeliveryService } from './delivery.service';
import { PresalesService } from './presales.service';
import { seedDelivery } from './delivery.seed';

// deps: opportunities (a project and a pre-sales entry are seen exactly when their opportunity is)
function deliveryServices({ ds, storage }: ModuleCore, deps: OpportunityServices) {
  return {
    presales: new PresalesService(ds, deps.opportunities),
    delivery: new DeliveryService(ds, deps.opportunities, storage),
  };
}
type DeliveryServices = ReturnType<typeof deliveryServices>;
export type DeliveryRouteServices = DeliveryServices & CoreServices;

function deliveryLoaders(services: DeliveryServices & OpportunityServices, scope: Scope) {
  return {
    deliveryOpportunityById: byId<Opportunity>((ids) => services.opportunities.byIds(scope, ids)),
    deliveryMilestonesByProjectId: groupedBy<DeliveryMilestone>(
      (ids) => services.delivery.milestonesByProjectIds(scope, ids),
      (m) => m.projectId,
    ),
    deliveryFilesByMilestoneId: groupedBy<DeliveryFile>(
      (ids) => services.delivery.filesByMilestoneIds(scope, ids),
      (f) => f.milestoneId,
    ),
  };
}

export const deliveryModule = defineModule({
  name: 'delivery',
  entities: () => [PresalesLog, DeliveryProject, DeliveryMilestone, DeliveryFile],
  migrations: () => [Delivery1770000000000],
  services: deliveryServices,
  loaders: deliveryLoaders,
  resolvers: () => [
    DeliveryResolver,
    DeliveryProjectPartsResolver,
    DeliveryMilestonePartsResolver,
    DeliveryFilePartsResolver,
  ],
  routes: (s) => deliveryRoutes(s),
  seed: (em, cal) => seedDelivery(em, cal),
});

export * from './delivery.entity';
