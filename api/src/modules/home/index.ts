import { defineModule, type ModuleCore } from '../module';
import { HomeResolver, HomeTodoRecordResolver } from './home.resolver';
import { HomeService, type HomeDeps } from './home.service';

function homeServices({ ds }: ModuleCore, deps: HomeDeps) {
  return { home: new HomeService(ds, deps) };
}

/** The home pages' to-dos: read through the other modules' list queries, in one statement. */
export const homeModule = defineModule({
  name: 'home',
  services: homeServices,
  resolvers: () => [HomeResolver, HomeTodoRecordResolver],
});
