import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import type { ComplianceServices } from '../compliance';
import { AuthorizationGrant } from './authorization.entity';
import { AuthorizationResolver, HospitalAuthorizationsResolver } from './authorization.resolver';
import { AuthorizationService } from './authorization.service';

function authorizationServices({ ds, config }: ModuleCore, deps: ComplianceServices) {
  return { authorizations: new AuthorizationService(ds, config, deps.compliance) };
}
export type AuthorizationServices = ReturnType<typeof authorizationServices>;

function authorizationLoaders(services: AuthorizationServices, scope: Scope) {
  return {
    servingDistributorIdsByHospitalId: new DataLoader<string, string[]>(async (ids) => {
      const rows = await services.authorizations.servingDistributorIds(scope, ids);
      return ids.map((id) => rows.filter((r) => r.hospitalId === id).map((r) => r.distributorId));
    }),
    authorizationsByHospitalId: new DataLoader<string, AuthorizationGrant[]>(async (ids) => {
      const rows = await services.authorizations.coveringHospitals(scope, ids);
      return ids.map((id) => rows.filter((r) => r.hospitalId === id).map((r) => r.grant));
    }),
    authorizationsByDistributorId: groupedBy<AuthorizationGrant>(
      (ids) => services.authorizations.byDistributorIds(scope, ids),
      (g) => g.distributorId,
    ),
  };
}

export const authorizationModule = defineModule({
  name: 'authorization',
  entities: () => [AuthorizationGrant],
  services: authorizationServices,
  loaders: authorizationLoaders,
  resolvers: () => [AuthorizationResolver, HospitalAuthorizationsResolver],
});

// What other modules (and tests) may use from this one
export * from './authorization.entity';
export * from './authorization.service';
export * from './authorization.types';
