import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { Page } from '../../common/pagination';
import { GqlContext, requireScope } from '../../context';
import { JobQueueType, JobRunArgs, JobRunConnection, JobRunType } from './jobs.types';

/** The job queue as the brand's admins watch it (console, 任务). */
@Resolver(() => JobRunType)
export class JobsResolver {
  @Can('jobs.read')
  @Query(() => [JobQueueType], { description: 'The job queues with their runs of the last day, by state' })
  jobQueues(@Ctx() ctx: GqlContext): Promise<JobQueueType[]> {
    return ctx.services.jobs.queues(requireScope(ctx));
  }

  @Can('jobs.read')
  @Query(() => JobRunConnection, {
    description: 'Job runs newest first: the brand’s own and the platform’s (without their messages)',
  })
  jobRuns(@Args() args: JobRunArgs, @Ctx() ctx: GqlContext): Promise<Page<JobRunType>> {
    return ctx.services.jobs.runs(requireScope(ctx), args);
  }

  @Can('jobs.retry')
  @Mutation(() => JobRunType, {
    description: 'Puts a failed run back in its queue; a run no longer failed is answered as it is, unchanged',
  })
  retryJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<JobRunType> {
    return ctx.services.jobs.retry(requireScope(ctx), id);
  }
}
