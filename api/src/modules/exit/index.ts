import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import type { AuthorizationServices } from '../authorization';
import type { LedgerServices } from '../ledger';
import type { OrderServices } from '../order';
import { Exit1771000000000 } from './1771000000000-Exit';
import { ExitPlacements1771500000001 } from './1771500000001-ExitPlacements';
import { ExitHandover, ExitOrderDecisionRow, ExitPlan, ExitReturn, ExitReturnLine } from './exit.entity';
import { ExitHandoverService } from './exit-handover.service';
import { ExitResolver } from './exit.resolver';
import { ExitReturnService } from './exit-return.service';
import { ExitService } from './exit.service';

// deps: the ledger (credit notes, the balance), the order desk (an open order cancelled by decision)
// and the authorizations (the successor's temporary grant, under every rule a grant obeys)
function exitServices(
  { ds, config }: ModuleCore,
  deps: LedgerServices & Pick<OrderServices, 'orderDesk'> & Pick<AuthorizationServices, 'authorizations'>,
) {
  const exits = new ExitService(ds, deps.ledger, deps.orderDesk);
  return {
    exits,
    exitReturns: new ExitReturnService(ds, exits, deps.ledger),
    exitHandovers: new ExitHandoverService(ds, exits, deps.authorizations, config.maxTemporaryAuthorizationDays),
  };
}

type ExitServices = ReturnType<typeof exitServices>;

/** Sales below the floor by plan: a page of plans selecting them costs one statement. */
function exitLoaders(services: ExitServices, scope: Scope) {
  return {
    exitBelowFloorByPlanId: groupedBy(
      (ids) => services.exits.belowFloorByPlanIds(scope, ids),
      (line) => line.planId,
    ),
  };
}

export const exitModule = defineModule({
  name: 'exit',
  entities: () => [ExitPlan, ExitOrderDecisionRow, ExitReturn, ExitReturnLine, ExitHandover],
  migrations: () => [Exit1771000000000, ExitPlacements1771500000001],
  services: exitServices,
  loaders: exitLoaders,
  resolvers: () => [ExitResolver],
});
