import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { Hospital, HospitalContact, HospitalContactFact, HospitalDepartment } from './hospital.entity';
import { DecisionChainResolver } from './decision-chain.resolver';
import { DecisionChainService } from './decision-chain.service';
import { CoverageIndexes1772500000001 } from './1772500000001-CoverageIndexes';
import { HospitalMasterData1768100000000 } from './1768100000000-HospitalMasterData';
import { HospitalResolver } from './hospital.resolver';
import { HospitalService } from './hospital.service';
import { HospitalNote, HospitalServingReport } from './intel.entity';
import { IntelResolver } from './intel.resolver';
import { IntelService } from './intel.service';

function hospitalServices({ ds }: ModuleCore) {
  const hospitals = new HospitalService(ds);
  return { hospitals, decisionChain: new DecisionChainService(ds, hospitals), intel: new IntelService(ds) };
}
export type HospitalServices = ReturnType<typeof hospitalServices>;

function hospitalLoaders(services: HospitalServices, scope: Scope) {
  return {
    hospitalById: byId<Hospital>((ids) => services.hospitals.byIds(scope, ids)),
    departmentsByHospitalId: groupedBy<HospitalDepartment>(
      (ids) => services.hospitals.departmentsByHospitalIds(scope, ids),
      (d) => d.hospitalId,
    ),
    contactsByHospitalId: groupedBy<HospitalContact>(
      (ids) => services.hospitals.contactsByHospitalIds(scope, ids),
      (c) => c.hospitalId,
    ),
    contactHistoryByContactId: groupedBy<HospitalContactFact>(
      (ids) => services.decisionChain.historyByContactIds(scope, ids),
      (f) => f.contactId,
    ),
    notesByHospitalId: groupedBy<HospitalNote>(
      (ids) => services.intel.notesByHospitalIds(scope, ids),
      (n) => n.hospitalId,
    ),
    servingReportsByHospitalId: groupedBy<HospitalServingReport>(
      (ids) => services.intel.servingReportsByHospitalIds(scope, ids),
      (r) => r.hospitalId,
    ),
  };
}

export const hospitalModule = defineModule({
  name: 'hospital',
  entities: () => [
    Hospital,
    HospitalDepartment,
    HospitalContact,
    HospitalContactFact,
    HospitalNote,
    HospitalServingReport,
  ],
  migrations: () => [HospitalMasterData1768100000000, CoverageIndexes1772500000001],
  services: hospitalServices,
  loaders: hospitalLoaders,
  resolvers: () => [HospitalResolver, DecisionChainResolver, IntelResolver],
});

// What other modules (and tests) may use from this one
export * from './hospital.entity';
export * from './hospital.service';
export * from './hospital.types';
export * from './hospital.inputs';
export { coversHospitalSql, servesHospitalSql } from './serving';
export { placeParts, primePlace } from './hospital-place-tree';
export { BUYING, coverageCondition } from './hospital-coverage';
