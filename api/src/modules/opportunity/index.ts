import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import type { ComplianceServices } from '../compliance';
import type { NotificationServices } from '../notification';
import { Opportunities1768500000000 } from './1768500000000-Opportunities';
import { OpportunityKeyMs1772300000000 } from './1772300000000-OpportunityKeyMs';
import { OpportunityFunnel1772600000000 } from './1772600000000-OpportunityFunnel';
import { DealRegistration, Opportunity, OpportunitySetting, OpportunityStageFact } from './opportunity.entity';
import { OpportunityPartsResolver } from './opportunity-parts.resolver';
import { OpportunityResolver } from './opportunity.resolver';
import { OpportunityService } from './opportunity.service';
import { RegistrationService } from './registration.service';
import { seedOpportunities } from './opportunity.seed';

// deps: compliance (rule 1 for a registration) and notices (a registration decided)
function opportunityServices({ ds }: ModuleCore, deps: ComplianceServices & NotificationServices) {
  const opportunities = new OpportunityService(ds);
  return {
    opportunities,
    registrations: new RegistrationService(ds, opportunities, deps.compliance, deps.notifications),
  };
}
export type OpportunityServices = ReturnType<typeof opportunityServices>;

function opportunityLoaders(services: OpportunityServices, scope: Scope) {
  return {
    opportunityStagesById: groupedBy<OpportunityStageFact>(
      (ids) => services.opportunities.stagesByOpportunityIds(scope, ids),
      (f) => f.opportunityId,
    ),
    latestRegistrationByOpportunityId: new DataLoader<string, DealRegistration | null>(async (ids) => {
      // latest first: the first of each opportunity's is its latest
      const rows = await services.opportunities.registrationsByOpportunityIds(scope, ids);
      return ids.map((id) => rows.find((r) => r.opportunityId === id) ?? null);
    }),
  };
}

export const opportunityModule = defineModule({
  name: 'opportunity',
  entities: () => [Opportunity, OpportunityStageFact, DealRegistration, OpportunitySetting],
  migrations: () => [Opportunities1768500000000, OpportunityKeyMs1772300000000, OpportunityFunnel1772600000000],
  services: opportunityServices,
  loaders: opportunityLoaders,
  resolvers: () => [OpportunityResolver, OpportunityPartsResolver],
  seed: (em, cal) => seedOpportunities(em, cal),
});

// What other modules (and tests) may use from this one
export * from './opportunity.entity';
export { OpportunityType } from './opportunity.types';
export { SEED_OPPORTUNITIES, type SeedOpportunity } from './opportunity.seed';
export type { OpportunityService } from './opportunity.service';
export { SEED_WON_OPPORTUNITY_ID } from './opportunity.seed';
// the opportunity pages' one-statement tree, for lists whose rows name an opportunity (delivery projects)
export {
  opportunityPageParts,
  opportunityPageTree,
  primeOpportunityPage,
  type OpportunityNode,
  type OpportunityPageParts,
} from './opportunity-page';
