import { defineModule, type CoreServices, type ModuleCore } from '../module';
import { AuditScope1767100000000 } from './1767100000000-AuditScope';
import { AuditPipelineRecords1770200000000 } from './1770200000000-AuditPipelineRecords';
import { AuditResolver } from './audit.resolver';
import { auditRoutes } from './audit.routes';
import { seedAudit } from './audit.seed';
import { AuditService } from './audit.service';

function auditServices({ ds }: ModuleCore) {
  return { audit: new AuditService(ds) };
}
type AuditServices = ReturnType<typeof auditServices>;
/** What the spreadsheet route uses. */
export type AuditRouteServices = AuditServices & CoreServices;

/** The audit trail's viewer: the rows every module writes through common/audit.ts, read in scope. */
export const auditModule = defineModule({
  name: 'audit',
  migrations: () => [AuditScope1767100000000, AuditPipelineRecords1770200000000],
  services: auditServices,
  resolvers: () => [AuditResolver],
  routes: (services) => auditRoutes(services),
  seed: (em, cal) => seedAudit(em, cal),
});
