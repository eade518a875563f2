import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { Targets1770900000000 } from './1770900000000-Targets';
import { PotentialService } from './potential.service';
import { DepartmentPotential, SalesTarget, SalesTargetVersion } from './target.entity';
import {
  DepartmentPotentialPartsResolver,
  PotentialRollupPartsResolver,
  SalesTargetPartsResolver,
  SalesTargetVersionPartsResolver,
} from './target-parts.resolver';
import { TargetResolver } from './target.resolver';
import { MonthRow, TargetService } from './target.service';
import { seedTargets } from './target.seed';

function targetServices({ ds }: ModuleCore) {
  const potentials = new PotentialService(ds);
  return { potentials, targets: new TargetService(ds, potentials) };
}
type TargetServices = ReturnType<typeof targetServices>;

function targetLoaders(services: TargetServices, scope: Scope) {
  return {
    potentialHistory: groupedBy<DepartmentPotential>(
      (keys) => services.potentials.historyOf(scope, keys),
      (p) => `${p.departmentId}:${p.productLineId}`,
    ),
    targetVersionsById: groupedBy<SalesTargetVersion>(
      (ids) => services.targets.versionsOf(scope, ids),
      (v) => v.targetId,
    ),
    targetMonthsById: groupedBy<MonthRow>(
      (ids) => services.targets.monthsOf(scope, ids),
      (m) => m.targetId,
    ),
  };
}

export const targetModule = defineModule({
  name: 'target',
  entities: () => [DepartmentPotential, SalesTarget, SalesTargetVersion],
  migrations: () => [Targets1770900000000],
  services: targetServices,
  loaders: targetLoaders,
  resolvers: () => [
    TargetResolver,
    DepartmentPotentialPartsResolver,
    PotentialRollupPartsResolver,
    SalesTargetPartsResolver,
    SalesTargetVersionPartsResolver,
  ],
  seed: (em, cal) => seedTargets(em, cal),
});

export * from './target.entity';
