import { defineModule, type ModuleCore } from '../module';
import type { DistributorServices } from '../distributor';
import type { ProductServices } from '../product';
import { ComplianceResolver } from './compliance.resolver';
import { ComplianceService } from './compliance.service';

function complianceServices({ ds }: ModuleCore, deps: DistributorServices & ProductServices) {
  return { compliance: new ComplianceService(ds, deps.distributors, deps.products) };
}
export type ComplianceServices = ReturnType<typeof complianceServices>;

export const complianceModule = defineModule({
  name: 'compliance',
  services: complianceServices,
  resolvers: () => [ComplianceResolver],
});

// What other modules (and tests) may use from this one
export * from './compliance.service';
export * from './compliance.types';
