import PgBoss from 'pg-boss';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { JobState } from '@medchannel/shared-schema';
import type { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { JOB_SCHEMA } from '../../common/jobs';
import { isUuid } from '../../common/ids';
import { notFound } from '../../common/errors';
import { Page, decodeCursor, toPage } from '../../common/pagination';
import type { JobQueueType, JobRunArgs, JobRunType } from './jobs.types';

/** How far back the queues' counts look. */
const JOB_WINDOW_HOURS = 24;

/*
 * Who sees which run. pg-boss's queues are the platform's, not a brand's: a scheduled job
 * (statements, reminders, notices, housekeeping) works on every brand at once and carries no data.
 * A job whose data names a brand (`data.brandId`) is that brand's: only its admins see it, with its
 * failure's message. A platform job (no brandId) shows to every brand's admin by name, state, times
 * and attempts, but never its message or output: a run over every brand may fail on any brand's
 * record and say so (a constraint's detail, a distributor's name), so the text stays in the
 * database (`errorWithheld` says there is one; the operators read it in the jobs' log). The rule
 * lives in these SQL fragments alone, so the text never leaves PostgreSQL for a viewer who may
 * not read it.
 */
const VISIBLE = `(r.data->>'brandId' IS NULL OR r.data->>'brandId' = $1)`;
const OWN = `(r.data->>'brandId' = $1)`;
// pg-boss's own queues (its cron and send-it queues) are its business, not the console's
const OURS = `r.name NOT LIKE '\\_\\_pgboss%'`;
/** A failure's message as pg-boss keeps it: an Error serialized, a timeout's `{ value: { message } }`, a bare value. */
const MESSAGE = `coalesce(r.output->>'message', r.output->'value'->>'message', r.output->>'value')`;

/** Every run: those still in the queue and those pg-boss has archived (v10: `archive`, same columns). */
const RUNS = `(
  SELECT id, name, data, state::text AS state, retry_count, retry_limit, created_on, started_on, completed_on, output, false AS archived
    FROM ${JOB_SCHEMA}.job
  UNION ALL
  SELECT id, name, data, state::text, retry_count, retry_limit, created_on, started_on, completed_on, output, true
    FROM ${JOB_SCHEMA}.archive
) r`;

const NODE = `json_build_object(
  'id', r.id, 'queue', r.name, 'state', upper(r.state),
  'createdAt', r.created_on, 'startedAt', r.started_on,
  'finishedAt', CASE WHEN r.state IN ('completed', 'failed', 'cancelled') THEN r.completed_on END,
  'retryCount', r.retry_count, 'retryLimit', r.retry_limit,
  'brandJob', ${OWN} IS TRUE,
  'error', CASE WHEN ${OWN} AND r.state <> 'completed' THEN ${MESSAGE} END,
  'errorWithheld', r.data->>'brandId' IS NULL AND r.state <> 'completed' AND ${MESSAGE} IS NOT NULL,
  'retryable', r.state = 'failed' AND NOT r.archived,
  'cursor', r.created_on::text)`;

interface RunJson extends Omit<JobRunType, 'createdAt' | 'startedAt' | 'finishedAt'> {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cursor: string;
}
const runOf = (j: RunJson): JobRunType & { cursor: string } => ({
  ...j,
  createdAt: new Date(j.createdAt),
  startedAt: j.startedAt ? new Date(j.startedAt) : null,
  finishedAt: j.finishedAt ? new Date(j.finishedAt) : null,
});

/** pg-boss's tables are made on the job queue's first start: before it, there are no runs. */
const notInstalled = (err: unknown) =>
  err instanceof QueryFailedError && ['42P01', '3F000'].includes((err.driverError as { code?: string })?.code ?? '');

/** pg-boss on a connection of ours (a transaction's): its commands, without its pool or its loops. */
function bossOn(em: EntityManager): PgBoss {
  return new PgBoss({
    db: { executeSql: async (text, values) => ({ rows: (await em.queryRunner!.query(text, values, true)).records }) },
    schema: JOB_SCHEMA,
  });
}

/** The job queue as the console's admins watch it: queues' counts, runs with their failures, retry. */
export class JobsService {
  constructor(private readonly ds: DataSource) {}

  async queues(scope: Scope): Promise<JobQueueType[]> {
    try {
      const rows: Array<JobQueueType & { since: string }> = await this.ds.query(
        `SELECT q.name, now() - make_interval(hours => $2) AS since,
                count(*) FILTER (WHERE r.state = 'created')::int AS created,
                count(*) FILTER (WHERE r.state = 'retry')::int AS retry,
                count(*) FILTER (WHERE r.state = 'active')::int AS active,
                count(*) FILTER (WHERE r.state = 'completed')::int AS completed,
                count(*) FILTER (WHERE r.state = 'failed')::int AS failed
           FROM ${JOB_SCHEMA}.queue q
           LEFT JOIN ${RUNS} ON r.name = q.name AND ${VISIBLE} AND r.created_on >= now() - make_interval(hours => $2)
          WHERE q.name NOT LIKE '\\_\\_pgboss%'
          GROUP BY q.name ORDER BY q.name`,
        [scope.brandId, JOB_WINDOW_HOURS],
      );
      return rows.map((q) => ({ ...q, since: new Date(q.since) }));
    } catch (err) {
      if (notInstalled(err)) return [];
      throw err;
    }
  }

  /** Runs newest first (keyset on created_on, id, as common/pagination.ts pages), count and page in one statement. */
  async runs(scope: Scope, args: JobRunArgs): Promise<Page<JobRunType>> {
    const [at, id] = args.after ? decodeCursor(args.after, 2) : [null, null];
    if (id !== null && !isUuid(String(id))) decodeCursor('', 2); // the same coded error as any bad cursor
    const filtered = `${VISIBLE} AND ${OURS} AND ($2::text IS NULL OR r.name = $2) AND ($3::text IS NULL OR r.state = $3)`;
    try {
      const [found]: Array<{ total: number; nodes: RunJson[] }> = await this.ds.query(
        `SELECT (SELECT count(*)::int FROM ${RUNS} WHERE ${filtered}) AS total,
                (SELECT coalesce(json_agg(p.node ORDER BY p.created_on DESC, p.id DESC), '[]'::json) FROM (
                   SELECT ${NODE} AS node, r.created_on, r.id FROM ${RUNS}
                    WHERE ${filtered} AND ($4::timestamptz IS NULL OR (r.created_on, r.id) < ($4::timestamptz, $5::uuid))
                    ORDER BY r.created_on DESC, r.id DESC LIMIT $6) p) AS nodes`,
        [scope.brandId, args.queue ?? null, args.state?.toLowerCase() ?? null, at, id, args.first + 1],
      );
      return toPage(found.nodes.map(runOf), args.first, found.total, (j) => [j.cursor, j.id]);
    } catch (err) {
      if (notInstalled(err)) return toPage([], args.first, 0, () => []);
      throw err;
    }
  }

  private async run(em: EntityManager, scope: Scope, id: string, lock = false): Promise<JobRunType | null> {
    if (!isUuid(id)) return null;
    try {
      // the queue's row first, locked: a second retry at once waits, then finds it retried
      if (lock) await em.query(`SELECT 1 FROM ${JOB_SCHEMA}.job WHERE id = $1 FOR UPDATE`, [id]);
      const rows: Array<{ node: RunJson }> = await em.query(
        `SELECT ${NODE} AS node FROM ${RUNS} WHERE r.id = $2 AND ${VISIBLE}`,
        [scope.brandId, id],
      );
      return rows[0] ? runOf(rows[0].node) : null;
    } catch (err) {
      if (notInstalled(err)) return null;
      throw err;
    }
  }

  /**
   * Puts a failed run back in its queue through pg-boss's own `retry` (in this transaction, the row
   * locked first). Idempotent: a run that is not failed any more (retried already, running,
   * archived) is answered as it is, nothing changed and nothing audited. A run the viewer may not
   * see is NOT_FOUND like a missing one. A platform run may be retried by any brand's admin: the
   * scheduled jobs are idempotent and run every tick anyway, so a retry only brings the next run
   * forward, and what the run does is never shown.
   */
  async retry(scope: Scope, id: string): Promise<JobRunType> {
    return this.ds.transaction(async (em) => {
      const run = await this.run(em, scope, id, true);
      if (!run) throw notFound('Job');
      if (run.state !== JobState.FAILED || !run.retryable) return run;
      await bossOn(em).retry(run.queue, run.id);
      await audit(em, scope, 'RETRY_JOB', 'job', run.id, { queue: run.queue, retryCount: run.retryCount });
      return (await this.run(em, scope, id))!;
    });
  }
}
