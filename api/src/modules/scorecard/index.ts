import { defineModule, type ModuleCore } from '../module';
import type { DistributorServices } from '../distributor';
import { Scorecards1771400000000 } from './1771400000000-Scorecards';
import { TierSameDay1772100000000 } from './1772100000000-TierSameDay';
import { DistributorTier, RetierProposal, ScorecardWeights } from './scorecard.entity';
import { RetierProposalPartsResolver, ScorecardResolver } from './scorecard.resolver';
import { RetierService } from './retier.service';
import { ScorecardService } from './scorecard.service';

function scorecardServices({ ds }: ModuleCore, d: DistributorServices) {
  const scorecards = new ScorecardService(ds, d.distributors);
  return { scorecards, retiers: new RetierService(ds, scorecards) };
}

export const scorecardModule = defineModule({
  name: 'scorecard',
  entities: () => [ScorecardWeights, RetierProposal, DistributorTier],
  migrations: () => [Scorecards1771400000000, TierSameDay1772100000000],
  services: scorecardServices,
  resolvers: () => [ScorecardResolver, RetierProposalPartsResolver],
});
