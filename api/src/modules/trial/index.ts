import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { Opportunity } from '../opportunity';
import { Trials1769600000000 } from './1769600000000-Trials';
import { Trial, TrialEvent } from './trial.entity';
import { TrialAgreementService } from './trial-agreement.service';
import { trialFileRoutes } from './trial.files';
import { TrialEventPartsResolver, TrialPartsResolver } from './trial-parts.resolver';
import { TrialResolver } from './trial.resolver';
import { TrialService } from './trial.service';
import { seedTrials } from './trial.seed';

function trialServices({ ds, storage }: ModuleCore) {
  const trials = new TrialService(ds);
  return { trials, trialAgreements: new TrialAgreementService(ds, storage, trials) };
}
type TrialServices = ReturnType<typeof trialServices>;
/** What the trial file routes use. */
export type TrialRouteServices = TrialServices & CoreServices;

function trialLoaders(services: TrialServices, scope: Scope) {
  return {
    trialEventsById: groupedBy<TrialEvent>(
      (ids) => services.trials.eventsByTrialIds(scope, ids),
      (e) => e.trialId,
    ),
    trialOverdueById: new DataLoader<string, boolean>(async (ids) => {
      const overdue = new Set(await services.trials.overdueIds(scope, ids));
      return ids.map((id) => overdue.has(id));
    }),
    trialOpportunityById: byId<Opportunity>((ids) => services.trials.opportunitiesByIds(scope, ids)),
  };
}

export const trialModule = defineModule({
  name: 'trial',
  entities: () => [Trial, TrialEvent],
  migrations: () => [Trials1769600000000],
  services: trialServices,
  loaders: trialLoaders,
  resolvers: () => [TrialResolver, TrialPartsResolver, TrialEventPartsResolver],
  routes: (services) => trialFileRoutes(services),
  seed: (em, cal) => seedTrials(em, cal),
});

// What other modules (and tests) may use from this one
export * from './trial.entity';
