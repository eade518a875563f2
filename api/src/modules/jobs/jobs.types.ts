import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JobState } from '@medchannel/shared-schema';
import { Connection, PageArgs } from '../../common/pagination';
import { OptionalTextField } from '../../common/fields';

registerEnumType(JobState, { name: 'JobState', description: 'A job run’s state in the job queue (pg-boss)' });

@ObjectType('JobQueue', { description: 'A queue of the job queue with its runs of the recent window, by state' })
export class JobQueueType {
  @Field({ description: 'The queue’s name: the job it runs' })
  name: string;

  @Field({ description: 'The start of the window counted (runs created since)' })
  since: Date;

  @Field(() => Int)
  created: number;

  @Field(() => Int, { description: 'Failed, waiting to be tried again' })
  retry: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int, { description: 'Failed after every retry' })
  failed: number;
}

@ObjectType('JobRun', { description: 'One run of a job: its state, times, attempts and failure' })
export class JobRunType {
  @Field(() => ID)
  id: string;

  @Field()
  queue: string;

  @Field(() => JobState)
  state: JobState;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it completed, failed for good or was cancelled' })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Retries so far' })
  retryCount: number;

  @Field(() => Int, { description: 'Retries allowed' })
  retryLimit: number;

  @Field({ description: 'Whether the run is the viewer’s brand’s own (its data names the brand) or the platform’s' })
  brandJob: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The last failure’s message, of the brand’s own runs only (see errorWithheld)',
  })
  error: string | null;

  @Field({ description: 'A platform run failed, but its message (which may name any brand’s records) is not shown' })
  errorWithheld: boolean;

  @Field({ description: 'Failed and still in the queue (not archived): retryJob puts it back' })
  retryable: boolean;
}

@ObjectType()
export class JobRunConnection extends Connection(JobRunType) {}

@ArgsType()
export class JobRunArgs extends PageArgs {
  @OptionalTextField(100, 'Only this queue’s runs')
  queue?: string | null;

  @Field(() => JobState, { nullable: true, description: 'Only runs in this state' })
  state?: JobState | null;
}
