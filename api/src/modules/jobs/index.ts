import { defineModule, type ModuleCore } from '../module';
import { JobsResolver } from './jobs.resolver';
import { JobsService } from './jobs.service';

function jobsServices({ ds }: ModuleCore) {
  return { jobs: new JobsService(ds) };
}

/** The job queue (pg-boss, common/jobs.ts) as the console's admins watch it: queues, runs, failures, retry. */
export const jobsModule = defineModule({
  name: 'jobs',
  services: jobsServices,
  resolvers: () => [JobsResolver],
});
