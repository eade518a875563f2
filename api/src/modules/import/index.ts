import { ImportJob } from './import.entity';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { FinanceServices } from '../finance';
import type { ProductServices } from '../product';
import { ImportResolver } from './import.resolver';
import { importRoutes } from './import.routes';
import { ImportService } from './import.service';

function importServices({ ds }: ModuleCore, d: Pick<FinanceServices, 'payments' | 'invoices'> & ProductServices) {
  return { imports: new ImportService(ds, d.payments, d.invoices, d.products) };
}
type ImportServices = ReturnType<typeof importServices>;
/** What the spreadsheet routes use. */
export type ImportRouteServices = ImportServices & CoreServices;

export const importModule = defineModule({
  name: 'import',
  entities: () => [ImportJob],
  services: importServices,
  resolvers: () => [ImportResolver],
  routes: (services) => importRoutes(services),
});

// What other modules may use from this one: the spreadsheet writer the exports share, the reader of
// .xlsx and CSV rows (the monthly sell-out upload)
export { rowsOf, writeSheet, type SheetColumn } from './sheet';
