import type { Scope } from '../../auth/scope';
import DataLoader from 'dataloader';
import { perArgs } from '../../common/loaders';
import type { Page, PageArgs } from '../../common/pagination';
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
import { seedExit } from './exit.seed';
import type { ExitBelowFloorLineType } from './exit.types';

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

/** A page of sales below the floor by plan: a page of plans selecting them costs one statement. */
function exitLoaders(services: ExitServices, scope: Scope) {
  return {
    exitBelowFloorByPlanId: perArgs(
      (page: PageArgs) => JSON.stringify([page.first, page.after ?? null]),
      (page) =>
        new DataLoader<string, Page<ExitBelowFloorLineType>>(async (ids) => {
          const pages = await services.exits.belowFloorPages(scope, ids, page);
          return ids.map(
            (id) => pages.get(id) ?? { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } },
          );
        }),
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
  seed: (em, cal) => seedExit(em, cal),
});
