import { DataSource } from 'typeorm';
import type { Config } from '../config';
import { SessionService } from '../auth/session.service';
import type { FileStorage } from '../common/storage';
import type { ReadReplica } from '../db/replica';
import { modules } from '../modules';
import type { AllServices, CoreServices, ModuleCore } from '../modules/module';

/** Every service of the app: the core's (the session) and every module's, fully typed. */
export type Services = CoreServices & AllServices<ReturnType<typeof modules>>;

/**
 * One instance of each service per app; they hold no request state (the scope is an argument).
 * Each module's factory is given the services built before it (the list is in dependency order).
 */
export function createServices(ds: DataSource, config: Config, storage: FileStorage, replica: ReadReplica): Services {
  const core: ModuleCore = { ds, config, storage };
  const services: Record<string, unknown> = {
    sessions: new SessionService(ds, config),
    maxExportRows: config.maxExportRows,
    replica,
  };
  for (const module of modules()) {
    const own = module.services(core, services as never);
    const taken = Object.keys(own).filter((key) => key in services);
    if (taken.length)
      throw new Error(`module ${module.name}: services ${taken.join(', ')} are named by another module already`);
    Object.assign(services, own);
  }
  return services as unknown as Services;
}
