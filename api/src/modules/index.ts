import { brandModule } from './brand';
import { regionModule } from './region';
import { userModule } from './user';
import { distributorModule } from './distributor';
import { productModule } from './product';
import { hospitalModule } from './hospital';
import { complianceModule } from './compliance';
import { authorizationModule } from './authorization';
import { qualificationModule } from './qualification';
import { ledgerModule } from './ledger';
import { outboxModule } from './outbox';
import { notificationModule } from './notification';
import { trainingModule } from './training';
import { orderModule } from './order';
import { financeModule } from './finance';
import { importModule } from './import';
import { visitModule } from './visit';
import { auditModule } from './audit';
import { homeModule } from './home';
import { peopleModule } from './people';
import { opportunityModule } from './opportunity';
import { searchModule } from './search';
import { trialModule } from './trial';
import { tenderModule } from './tender';
import { deliveryModule } from './delivery';
import { inventoryModule } from './inventory';
import { recallModule } from './recall';
import { exitModule } from './exit';
import { selloutModule } from './sellout';
import { placementModule } from './placement';
import { targetModule } from './target';
import { dashboardModule } from './dashboard';
import { scorecardModule } from './scorecard';
import { jobsModule } from './jobs';

/**
 * Every module of the API, a module after the modules it depends on. Services, loaders, the
 * schema's resolvers, the /files routes, the demo seed, the entities and the test tables fold this
 * list: a new module is one line here (see docs/new-module.md). A function, so that the list is
 * read once every module has loaded, whichever file an import cycle loaded first.
 */
export const modules = () =>
  [
    brandModule,
    regionModule,
    userModule,
    distributorModule,
    productModule,
    hospitalModule,
    complianceModule,
    authorizationModule,
    qualificationModule,
    ledgerModule,
    outboxModule,
    notificationModule,
    trainingModule,
    orderModule,
    financeModule,
    importModule,
    visitModule,
    auditModule,
    homeModule,
    peopleModule,
    opportunityModule,
    searchModule,
    trialModule,
    tenderModule,
    deliveryModule,
    inventoryModule,
    recallModule,
    exitModule,
    selloutModule,
    placementModule,
    targetModule,
    dashboardModule,
    scorecardModule,
    jobsModule,
  ] as const;
