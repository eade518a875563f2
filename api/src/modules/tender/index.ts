import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { NotificationServices } from '../notification';
import type { Opportunity, OpportunityServices } from '../opportunity';
import type { OrderServices } from '../order';
import type { ProductServices } from '../product';
import type { QualificationServices } from '../qualification';
import { Tenders1769900000000 } from './1769900000000-Tenders';
import { TenderOrders1770200000001 } from './1770200000001-TenderOrders';
import { TenderLetters1771600000000 } from './1771600000000-TenderLetters';
import { FloorPriceService } from './floor-price.service';
import { TenderQuoteService } from './quote.service';
import { ProductFloorPrice, Tender, TenderLetter, TenderQuote } from './tender.entity';
import { TenderLetterResolver, TenderLettersResolver } from './tender-letter.resolver';
import { TenderLetterService, type TenderLetterWithStatus } from './tender-letter.service';
import { tenderRoutes } from './tender.routes';
import {
  FloorPriceResolver,
  TenderPartsResolver,
  TenderProductResolver,
  TenderQuotePartsResolver,
} from './tender-parts.resolver';
import { TenderResolver } from './tender.resolver';
import { OrderOriginResolver, TenderOrderResolver } from './tender-order.resolver';
import { TenderOrderService } from './tender-order.service';
import { TenderProductRow, TenderService } from './tender.service';
import { seedTenders } from './tender.seed';
import { today } from '../../common/dates';

// deps: the opportunity (its scope, its stages), the catalogue (floor prices), notices (quotes decided),
// orders (a won tender becomes one through the order module's own path), authorization letters
// (a tender's letter is printed and checked by the general letter's code path)
function tenderServices(
  { ds }: ModuleCore,
  deps: OpportunityServices & ProductServices & NotificationServices & OrderServices & QualificationServices,
) {
  const tenders = new TenderService(ds, deps.opportunities);
  return {
    tenders,
    tenderLetters: new TenderLetterService(ds, tenders, deps.authorizationLetters),
    tenderOrders: new TenderOrderService(ds, tenders, deps.opportunities, deps.orders, deps.orderPlacement),
    tenderQuotes: new TenderQuoteService(ds, tenders, deps.notifications),
    floorPrices: new FloorPriceService(ds, deps.products),
  };
}
type TenderServices = ReturnType<typeof tenderServices>;
/** What the tender routes (the letter's PDF) use. */
export type TenderRouteServices = TenderServices & CoreServices;
type Order = Awaited<ReturnType<TenderOrderService['byTenderIds']>>[number];

function tenderLoaders(services: TenderServices & OpportunityServices, scope: Scope) {
  return {
    tenderById: byId<Tender>((ids) => services.tenders.byIds(scope, ids)),
    tenderOpportunityById: byId<Opportunity>((ids) => services.opportunities.byIds(scope, ids)),
    quotesByTenderId: groupedBy<TenderQuote>(
      (ids) => services.tenderQuotes.byTenderIds(scope, ids),
      (q) => q.tenderId,
    ),
    ordersByTenderId: groupedBy<Order>(
      (ids) => services.tenderOrders.byTenderIds(scope, ids),
      (o) => o.tenderId!,
    ),
    lettersByTenderId: groupedBy<TenderLetterWithStatus>(
      (ids) => services.tenderLetters.byTenderIds(scope, ids),
      (l) => l.tenderId,
    ),
    productsByTenderId: groupedBy<TenderProductRow>(
      (ids) => services.tenders.productsOf(scope, ids, today()),
      (r) => r.tenderId,
    ),
  };
}

export const tenderModule = defineModule({
  name: 'tender',
  entities: () => [ProductFloorPrice, Tender, TenderQuote, TenderLetter],
  migrations: () => [Tenders1769900000000, TenderOrders1770200000001, TenderLetters1771600000000],
  services: tenderServices,
  loaders: tenderLoaders,
  resolvers: () => [
    TenderResolver,
    TenderPartsResolver,
    TenderProductResolver,
    TenderQuotePartsResolver,
    FloorPriceResolver,
    TenderOrderResolver,
    OrderOriginResolver,
    TenderLetterResolver,
    TenderLettersResolver,
  ],
  routes: (services) => tenderRoutes(services),
  seed: (em, cal) => seedTenders(em, cal),
});

export * from './tender.entity';
