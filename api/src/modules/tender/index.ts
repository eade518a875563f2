import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import type { NotificationServices } from '../notification';
import type { Opportunity, OpportunityServices } from '../opportunity';
import type { ProductServices } from '../product';
import { Tenders1769900000000 } from './1769900000000-Tenders';
import { FloorPriceService } from './floor-price.service';
import { TenderQuoteService } from './quote.service';
import { ProductFloorPrice, Tender, TenderQuote } from './tender.entity';
import {
  FloorPriceResolver,
  TenderPartsResolver,
  TenderProductResolver,
  TenderQuotePartsResolver,
} from './tender-parts.resolver';
import { TenderResolver } from './tender.resolver';
import { TenderProductRow, TenderService } from './tender.service';
import { seedTenders } from './tender.seed';
import { today } from '../../common/dates';

// deps: the opportunity (its scope, its stages), the catalogue (floor prices), notices (quotes decided)
function tenderServices({ ds }: ModuleCore, deps: OpportunityServices & ProductServices & NotificationServices) {
  const tenders = new TenderService(ds, deps.opportunities);
  return {
    tenders,
    tenderQuotes: new TenderQuoteService(ds, tenders, deps.notifications),
    floorPrices: new FloorPriceService(ds, deps.products),
  };
}
type TenderServices = ReturnType<typeof tenderServices>;

function tenderLoaders(services: TenderServices & OpportunityServices, scope: Scope) {
  return {
    tenderById: byId<Tender>((ids) => services.tenders.byIds(scope, ids)),
    tenderOpportunityById: byId<Opportunity>((ids) => services.opportunities.byIds(scope, ids)),
    quotesByTenderId: groupedBy<TenderQuote>(
      (ids) => services.tenderQuotes.byTenderIds(scope, ids),
      (q) => q.tenderId,
    ),
    productsByTenderId: groupedBy<TenderProductRow>(
      (ids) => services.tenders.productsOf(scope, ids, today()),
      (r) => r.tenderId,
    ),
  };
}

export const tenderModule = defineModule({
  name: 'tender',
  entities: () => [ProductFloorPrice, Tender, TenderQuote],
  migrations: () => [Tenders1769900000000],
  services: tenderServices,
  loaders: tenderLoaders,
  resolvers: () => [
    TenderResolver,
    TenderPartsResolver,
    TenderProductResolver,
    TenderQuotePartsResolver,
    FloorPriceResolver,
  ],
  seed: (em, cal) => seedTenders(em, cal),
});

export * from './tender.entity';
