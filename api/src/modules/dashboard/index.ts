import { defineModule, type ModuleCore } from '../module';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService, type DashboardDeps } from './dashboard.service';

function dashboardServices({ ds }: ModuleCore, deps: DashboardDeps) {
  return { dashboard: new DashboardService(ds, deps) };
}

/** The dashboards' reads: each figure counted by the list it drills down to (docs/domain.md, "Dashboards"). */
export const dashboardModule = defineModule({
  name: 'dashboard',
  services: dashboardServices,
  resolvers: () => [DashboardResolver],
});
