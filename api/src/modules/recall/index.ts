import { defineModule, type ModuleCore } from '../module';
import type { NotificationServices } from '../notification';
import { Recall1770800000000 } from './1770800000000-Recall';
import { Recall } from './recall.entity';
import { RecallResolver } from './recall.resolver';
import { RecallReadService } from './recall-reads.service';
import { RecallService } from './recall.service';

// deps: notices (each reached distributor's people are told)
function recallServices({ ds }: ModuleCore, deps: NotificationServices) {
  return {
    recalls: new RecallService(ds, deps.notifications),
    recallReads: new RecallReadService(ds),
  };
}

export const recallModule = defineModule({
  name: 'recall',
  entities: () => [Recall],
  migrations: () => [Recall1770800000000],
  services: recallServices,
  resolvers: () => [RecallResolver],
});

export * from './recall.entity';
