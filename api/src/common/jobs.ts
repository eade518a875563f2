import PgBoss from 'pg-boss';

/** A job the API runs on a schedule: `minutes` apart (0: never, as in tests). */
export interface ScheduledJob {
  /** The queue's name in pg-boss (its tables, the console's list). */
  name: string;
  minutes: number;
  run: () => Promise<unknown>;
}

export interface JobQueueOptions {
  /** A failed run is tried again this many times… */
  retryLimit?: number;
  /** …first after this many seconds, then each time twice as long (pg-boss's backoff). */
  retryDelaySeconds?: number;
  /** A run still going after this long counts as failed (and is retried). */
  expireSeconds?: number;
  /** How often an idle process asks for work and looks at the schedules. */
  pollSeconds?: number;
}

/** The schema pg-boss keeps its queues, jobs and schedules in. */
export const JOB_SCHEMA = 'pgboss';

/** Every `minutes` as a cron expression (UTC): at most a day; an interval that does not divide the hour or the day rounds to one that does. */
export function cronEvery(minutes: number): string {
  if (minutes < 60) return `*/${[1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].filter((m) => m <= minutes).pop()} * * * *`;
  const hours = [1, 2, 3, 4, 6, 8, 12].filter((h) => h * 60 <= minutes).pop()!;
  return minutes >= 24 * 60 ? '0 0 * * *' : `0 */${hours} * * *`;
}

/**
 * The API's scheduled jobs on pg-boss, a job queue in PostgreSQL (schema `pgboss`, created on the
 * first start): each schedule sends one job per tick whatever the number of processes (pg-boss
 * keeps the schedules in the database and lets one process a tick send them), a job is fetched by
 * one process only (SKIP LOCKED), a failed run is retried with a doubling delay, and a queue holds
 * at most one waiting and one running job (policy `stately`), so a slow run never piles up copies.
 * It runs the same on PostgreSQL and on the embedded PGlite (served over the wire, like the API's
 * own connections). `stop()` lets running jobs finish first.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    url: string,
    private readonly log: (err: unknown) => void,
    private readonly options: JobQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      connectionString: url,
      schema: JOB_SCHEMA,
      application_name: 'medchannel-jobs',
      // a small pool: the jobs' own work goes through the API's data source
      max: 2,
      // how soon a schedule is seen and its job sent: a cheap statement per process and interval
      cronMonitorIntervalSeconds: Math.min(options.pollSeconds ?? 5, 45),
      cronWorkerIntervalSeconds: Math.min(options.pollSeconds ?? 5, 45),
    });
    this.boss.on('error', log);
  }

  /** Starts the queue, puts each job's schedule in the database (or takes it out at 0) and works them. */
  async start(jobs: ScheduledJob[]): Promise<void> {
    const { retryLimit = 3, retryDelaySeconds = 60, expireSeconds = 30 * 60, pollSeconds = 5 } = this.options;
    await this.boss.start();
    this.started = true;
    try {
      await this.setUp(jobs, { retryLimit, retryDelaySeconds, expireSeconds, pollSeconds });
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  private async setUp(jobs: ScheduledJob[], o: Required<JobQueueOptions>): Promise<void> {
    for (const job of jobs) {
      const queue: PgBoss.Queue = {
        name: job.name,
        policy: 'stately',
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: o.expireSeconds,
      };
      await this.ensureQueue(queue);
      if (job.minutes <= 0) {
        await this.boss.unschedule(job.name);
        continue;
      }
      await this.boss.schedule(job.name, cronEvery(job.minutes));
      await this.boss.work(job.name, { pollingIntervalSeconds: o.pollSeconds }, async () => {
        try {
          await job.run();
        } catch (err) {
          this.log(err);
          throw err; // pg-boss records the failure and retries
        }
      });
    }
  }

  /**
   * Creates the queue (a partition of pg-boss's job table) or brings its options up to date.
   * Processes starting together may create the same one at once and deadlock on the partition:
   * the loser tries again and finds it made.
   */
  private async ensureQueue(queue: PgBoss.Queue): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await this.boss.getQueue(queue.name))) await this.boss.createQueue(queue.name, queue);
        await this.boss.updateQueue(queue.name, queue);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
      }
    }
  }

  /** Puts a job in the queue now (at most one waits at a time): the console's "run now", the tests. */
  async sendNow(name: string): Promise<string | null> {
    return this.boss.send(name, {});
  }

  /** Stops fetching, waits for the running jobs to finish (up to `timeoutMs`), then closes the pool. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
