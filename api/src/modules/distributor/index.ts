import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { DistributorAssessment } from './assessment.entity';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';
import { Distributor, DistributorStageChange } from './distributor.entity';
import { DistributorResolver } from './distributor.resolver';
import { DistributorService } from './distributor.service';

function distributorServices({ ds }: ModuleCore) {
  return { distributors: new DistributorService(ds), assessments: new AssessmentService(ds) };
}
export type DistributorServices = ReturnType<typeof distributorServices>;

function distributorLoaders(services: DistributorServices, scope: Scope) {
  return {
    distributorById: byId<Distributor>((ids) => services.distributors.byIds(scope, ids)),
    secondTierByParentId: groupedBy<Distributor>(
      (ids) => services.distributors.byParentIds(scope, ids),
      (d) => d.parentId,
    ),
    stageHistoryByDistributorId: groupedBy<DistributorStageChange>(
      (ids) => services.distributors.stageHistory(scope, ids),
      (c) => c.distributorId,
    ),
    assessmentsByDistributorId: groupedBy<DistributorAssessment>(
      (ids) => services.assessments.byDistributorIds(scope, ids),
      (a) => a.distributorId,
    ),
  };
}

export const distributorModule = defineModule({
  name: 'distributor',
  entities: () => [Distributor, DistributorStageChange, DistributorAssessment],
  services: distributorServices,
  loaders: distributorLoaders,
  resolvers: () => [DistributorResolver, AssessmentResolver],
});

// What other modules (and tests) may use from this one
export * from './distributor.entity';
export * from './distributor.service';
export * from './distributor.types';
export * from './distributor-tier';
