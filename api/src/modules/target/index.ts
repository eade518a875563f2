import type { Scope } from '../../auth/scope';
import DataLoader from 'dataloader';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import type { LedgerServices } from '../ledger';
import { Targets1770900000000 } from './1770900000000-Targets';
import { Rebates1771200000000 } from './1771200000000-Rebates';
import { RebateApprovalKeys1771500000000 } from './1771500000000-RebateApprovalKeys';
import { PotentialService } from './potential.service';
import { DepartmentPotential, SalesTarget, SalesTargetVersion } from './target.entity';
import {
  DepartmentPotentialPartsResolver,
  PotentialRollupPartsResolver,
  SalesTargetPartsResolver,
  SalesTargetVersionPartsResolver,
  TargetProgressPartsResolver,
} from './target-parts.resolver';
import { TargetResolver } from './target.resolver';
import { MonthRow, TargetService } from './target.service';
import { seedTargets } from './target.seed';
import { seedRebates } from './rebate.seed';
import type { SeriesRow } from './target-series';
import { RebatePolicy, RebatePosting } from './rebate.entity';
import { RebateResolver, SalesTargetRebateResolver } from './rebate.resolver';
import { RebateQuarter, RebateService } from './rebate.service';

function targetServices({ ds }: ModuleCore, d: LedgerServices) {
  const potentials = new PotentialService(ds);
  const targets = new TargetService(ds, potentials);
  return { potentials, targets, rebates: new RebateService(ds, targets, d.ledger) };
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
    /** the twelve months of sell-in and sell-out of all the page's targets, one statement */
    targetSeriesById: groupedBy<SeriesRow>(
      (ids) => services.targets.seriesOf(scope, ids),
      (r) => r.targetId,
    ),
    /** a quarter of targets, computed together per quarter asked */
    rebateQuarters: new DataLoader<{ target: SalesTarget; quarter: number }, RebateQuarter | null, string>(
      async (keys) => {
        const found = new Map<string, RebateQuarter>();
        for (const quarter of new Set(keys.map((k) => k.quarter))) {
          const targets = keys.filter((k) => k.quarter === quarter).map((k) => k.target);
          for (const q of await services.rebates.quartersOf(scope, targets, quarter))
            found.set(`${q.target.id}:${quarter}`, q);
        }
        return keys.map((k) => found.get(`${k.target.id}:${k.quarter}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.target.id}:${k.quarter}` },
    ),
  };
}

export const targetModule = defineModule({
  name: 'target',
  entities: () => [DepartmentPotential, SalesTarget, SalesTargetVersion, RebatePolicy, RebatePosting],
  migrations: () => [Targets1770900000000, Rebates1771200000000, RebateApprovalKeys1771500000000],
  services: targetServices,
  loaders: targetLoaders,
  resolvers: () => [
    TargetResolver,
    DepartmentPotentialPartsResolver,
    PotentialRollupPartsResolver,
    SalesTargetPartsResolver,
    SalesTargetVersionPartsResolver,
    TargetProgressPartsResolver,
    RebateResolver,
    SalesTargetRebateResolver,
  ],
  seed: async (em, cal) => {
    await seedTargets(em, cal);
    await seedRebates(em, cal);
  },
});

export * from './target.entity';
export { REBATE_SEED } from './rebate.seed-data';
