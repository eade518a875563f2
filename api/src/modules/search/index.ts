import { defineModule, type ModuleCore } from '../module';
import { SearchResolver } from './search.resolver';
import { SearchService, type SearchDeps } from './search.service';

function searchServices({ ds }: ModuleCore, deps: SearchDeps) {
  return { search: new SearchService(ds, deps) };
}

/** The console's global search: hospitals, distributors, orders, visit notes and people, each read by its list's query. */
export const searchModule = defineModule({
  name: 'search',
  services: searchServices,
  resolvers: () => [SearchResolver],
});
