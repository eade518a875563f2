import type { Scope } from '../../auth/scope';
import { byKey, groupedBy } from '../../common/loaders';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { AuthorizationServices } from '../authorization';
import type { DistributorServices } from '../distributor';
import { AuthorizationLetterService } from './authorization-letter.service';
import { QualificationPackService } from './qualification-pack';
import { Qualification } from './qualification.entity';
import { QualificationRenewal } from './qualification-renewal.entity';
import { QualificationRenewalResolver } from './qualification-renewal.resolver';
import { QualificationRenewalService } from './qualification-renewal.service';
import { QualificationRenewals1769400000000 } from './1769400000000-QualificationRenewals';
import { qualificationFileRoutes } from './qualification.files';
import { QualificationResolver } from './qualification.resolver';
import { QualificationService } from './qualification.service';

type Deps = DistributorServices & AuthorizationServices;

function qualificationServices({ ds, storage, config }: ModuleCore, deps: Deps) {
  const qualifications = new QualificationService(ds, storage);
  const authorizationLetters = new AuthorizationLetterService(
    ds,
    deps.distributors,
    deps.authorizations,
    config.certificateSecret,
    config.portalUrl,
    config.loginAttemptsPerMinute * 4,
  );
  return {
    qualifications,
    qualificationRenewals: new QualificationRenewalService(ds, storage, qualifications),
    qualificationPacks: new QualificationPackService(
      ds,
      deps.distributors,
      qualifications,
      deps.authorizations,
      authorizationLetters,
    ),
    authorizationLetters,
  };
}
export type QualificationServices = ReturnType<typeof qualificationServices>;
/** What the qualification file routes use. */
export type QualificationRouteServices = QualificationServices & CoreServices;

function qualificationLoaders(services: QualificationServices, scope: Scope) {
  return {
    qualificationsByDistributorId: groupedBy<Qualification>(
      (ids) => services.qualifications.byDistributorIds(scope, ids),
      (q) => q.distributorId,
    ),
    latestRenewalByQualificationId: byKey<QualificationRenewal>(
      (ids) => services.qualificationRenewals.latestOf(scope, ids),
      (r) => r.qualificationId,
    ),
  };
}

export const qualificationModule = defineModule({
  name: 'qualification',
  entities: () => [Qualification, QualificationRenewal],
  migrations: () => [QualificationRenewals1769400000000],
  services: qualificationServices,
  loaders: qualificationLoaders,
  resolvers: () => [QualificationResolver, QualificationRenewalResolver],
  routes: (services) => qualificationFileRoutes(services),
});

// What other modules (and tests) may use from this one
export * from './qualification.entity';
export * from './qualification.service';
export * from './qualification.types';
export * from './qualification-renewal.entity';
export * from './qualification-renewal.service';
export * from './qualification-renewal.types';
export type { AuthorizationLetter, AuthorizationLetterService } from './authorization-letter.service';
export { authorizationLetterPdf, letterFileName } from './authorization-letter-pdf';
