import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@medchannel/shared-schema';
import type { Config } from './config';
import { GqlContext } from './context';
import { createDataSource, pendingMigrations } from './db/data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded';
import { usePreparedStatements } from './db/prepared';
import { noReplica, useReadReplica } from './db/replica';
import { formatError, isDatabaseUnavailable, unavailable } from './common/errors';
import { requestGatePlugin, queryLimitsRule } from './common/query-limits';
import { documentGate, graphqlBodyErrors } from './common/graphql-gate';
import { requestStats } from './common/request-context';
import { audienceOf } from './auth/session.service';
import { buildAppSchema } from './schema/build-schema';
import { createLoaders } from './schema/loaders';
import { Services, createServices } from './schema/services';
import { openFileStorage } from './common/storage';
import { JobQueue, ScheduledJob } from './common/jobs';
import { forgetOldFailures } from './auth/rate-limiter';
import { applyTiersDue } from './modules/distributor';
import { startOutboxDeliverer } from './modules/outbox';
import { OutboxClaimer, outboxLagSeconds } from './modules/outbox';
import { logOf } from './common/logger';
import { metricsRoute, recordJobRun, watchDatabase } from './common/metrics';
import { requestLog, requestLogPlugin } from './common/request-log';
import { healthRoutes } from './common/health';
import { modules } from './modules';

export interface App {
  config: Config;
  ds: DataSource;
  services: Services;
  httpServer: http.Server;
  /** Listens on config.port (0: any free port) and answers the base URL. */
  listen(): Promise<string>;
  /** Starts the scheduled jobs on the job queue (statements, training reminders, daily notices, housekeeping) and the outbox delivery once no migration is pending. */
  startJobs(): Promise<void>;
  stop(): Promise<void>;
}

const log = { http: logOf('http'), graphql: logOf('graphql'), jobs: logOf('jobs'), outbox: logOf('outbox') };

/** A job's run, counted in the metrics as ok or failed (the failure still goes to the job's own log). */
function counted(job: string, run: () => Promise<unknown>): () => Promise<unknown> {
  return () =>
    run().then(
      (result) => (recordJobRun(job, true), result),
      (err) => {
        recordJobRun(job, false);
        throw err;
      },
    );
}

/**
 * Builds the whole product API: database (embedded PGlite unless DATABASE_URL), schema, Apollo
 * and HTTP. Tests start exactly this.
 */
export async function createApp(config: Config): Promise<App> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.pgliteDir,
      port: config.pglitePort,
      // the pool, the outbox claimer, the job queue's own pool (2)
      maxConnections: config.dbPoolSize + 4,
    });
    url = embedded.url;
  }
  const ds = createDataSource(url, { poolSize: config.dbPoolSize, logSql: config.logSql });
  await ds.initialize();
  const onServer = await usePreparedStatements(ds);
  // the reports' reads (dashboards, exports, the aging) on the replica; config refuses one without DATABASE_URL
  const replica = config.readReplicaUrl
    ? useReadReplica(ds, config.readReplicaUrl, { poolSize: config.dbPoolSize })
    : noReplica;
  const services = createServices(ds, config, await openFileStorage(config), replica);
  // warm sessions need the announcements of PostgreSQL (LISTEN); PGlite serves every socket one session
  if (onServer) await services.sessions.cache.start(url);
  const development = config.env === 'development';

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is anyone's to write: believed only from a proxy the deployment names, else
  // the login throttle would count whatever address the caller claims.
  app.set('trust proxy', config.trustedProxy.length ? config.trustedProxy : false);
  const httpServer = http.createServer(app);

  // request ids and one log line per request, first; then what operators ask: liveness, readiness, metrics
  app.use(requestLog());
  healthRoutes(app, { ds, pendingMigrations: () => pendingMigrations(ds), stopping: () => stopping });
  watchDatabase(ds, () => outboxLagSeconds(ds));
  app.get('/metrics', metricsRoute(config.metricsToken));

  // every module's plain-HTTP routes (files, spreadsheets)
  app.use('/files', ...modules().flatMap((module) => (module.routes ? [module.routes(services as never)] : [])));

  const apollo = new ApolloServer<GqlContext>({
    schema: await buildAppSchema(),
    csrfPrevention: true,
    // main.ts owns the signals and stops the database after Apollo; Apollo's own handler would
    // race it and leave the process hanging.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    introspection: development,
    // "Did you mean …" would list fields, arguments, types and enum values introspection hides
    hideSchemaDetailsFromClientErrors: !development,
    parseOptions: { maxTokens: config.maxQueryTokens },
    includeStacktraceInErrorResponses: development,
    validationRules: [queryLimitsRule({ maxDepth: config.maxQueryDepth, maxAliases: config.maxAliases })],
    formatError: (formatted, error) =>
      formatError(formatted, error, { development, log: (err) => log.graphql.error({ err }, 'unexpected error') }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      // Apollo's cache-control plugin wraps every field resolver to collect cache hints the schema
      // never gives (a measurable share of a long list's CPU); its only effect was the header below.
      ApolloServerPluginCacheControlDisabled(),
      requestGatePlugin({ maxCost: config.maxQueryCost }),
      requestLogPlugin(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              // answers are per viewer: nothing on the way may keep them
              response.http.headers.set('cache-control', 'no-store');
              const stats = requestStats.getStore();
              if (config.exposeSqlCount && stats) response.http.headers.set('x-sql-count', String(stats.sqlCount));
              // a request the database could not serve is worth retrying, and proxies and clients read that from the status
              if (
                response.body.kind === 'single' &&
                response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)
              ) {
                response.http.status = 503;
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    // The SQL count follows a request through every await (AsyncLocalStorage): that switches on
    // Node's promise hooks for every promise the request makes, so only where the count is shown.
    ...(config.exposeSqlCount
      ? [(_req: unknown, _res: unknown, next: () => void) => requestStats.run({ sqlCount: 0 }, next)]
      : []),
    express.json({ limit: '1mb' }),
    graphqlBodyErrors,
    documentGate({ maxBytes: config.maxQueryBytes, maxTokens: config.maxQueryTokens }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GqlContext> => {
        const audience = audienceOf(req);
        const auth = await services.sessions.authenticate(req, audience).catch((err) => {
          throw isDatabaseUnavailable(err) ? unavailable() : err;
        });
        return {
          req,
          res,
          config,
          ds,
          services,
          audience,
          sessionId: auth.sessionId,
          scope: auth.scope,
          authFailure: auth.failure,
          loaders: auth.scope ? createLoaders(services, auth.scope) : null,
        };
      },
    }),
  );

  // Whatever still fails on the way (a body parser, a route's own bug) answers the documented JSON
  // error shape: never Express's HTML page, never a stack.
  app.use(((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.http.error({ err }, 'unexpected error');
    res.status(status).json({
      error:
        status === 500
          ? { code: ErrorCode.INTERNAL, reason: null, field: null, message: 'Internal error' }
          : { code: ErrorCode.BAD_USER_INPUT, reason: null, field: null, message: 'The request could not be read' },
    });
  }) as express.ErrorRequestHandler);

  // Jobs read tables the migrations create: they start once the schema is current (main.ts runs
  // the migrations first; a process started beside a migration waits for it).
  let stopJobs: (() => Promise<void>) | null = null;
  let stopping = false;
  async function startJobs(): Promise<void> {
    if (stopJobs) return;
    const schemaCurrent = () =>
      pendingMigrations(ds).then(
        (n) => n === 0,
        (err) => (log.jobs.error({ err }, 'migrations not read'), false),
      );
    for (let waited = false; !(await schemaCurrent()); waited = true) {
      if (!waited) log.jobs.info('waiting for the database migrations before starting the jobs');
      await new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      if (stopping) return;
    }
    if (stopping || stopJobs) return;
    const queue = new JobQueue(url!, (err) => log.jobs.error({ err }, 'job failed'), {
      retryDelaySeconds: config.jobRetryDelaySeconds,
      pollSeconds: config.jobPollSeconds,
    });
    // each runs once a tick across every process; tests leave them at 0 (never) unless they say
    const scheduled: ScheduledJob[] = [
      {
        name: 'statements',
        minutes: config.statementJobMinutes,
        run: counted('statements', () => services.statements.generateDue()),
      },
      {
        name: 'training-reminders',
        minutes: config.trainingReminderMinutes,
        run: counted('training-reminders', () => services.assignments.remindOverdue()),
      },
      {
        name: 'daily-notices',
        minutes: config.noticeJobMinutes,
        run: counted('daily-notices', () => services.noticeJobs.runDaily()),
      },
      {
        name: 'housekeeping',
        minutes: config.housekeepingMinutes,
        // the failure throttles' old rows, and the profile's tier once a dated re-tier comes due
        run: counted('housekeeping', async () => ({
          forgotten: await forgetOldFailures(ds),
          tiersMoved: await applyTiersDue(ds),
        })),
      },
    ];
    if (scheduled.some((job) => job.minutes > 0)) await queue.start(scheduled);
    const claimer =
      config.outboxPollMs > 0
        ? new OutboxClaimer(url!, (err) => log.outbox.error({ err }, 'claimer connection failed'))
        : null;
    await claimer?.start();
    // One loop delivers both: the ERP's events, then e-mail. Not a pg-boss job: the outbox is a
    // queue in PostgreSQL of its own (rows claimed with SKIP LOCKED under a lease and this
    // process's claimer lock, each retried with a doubling delay), polled every few seconds where
    // a schedule ticks at most each minute; every process polls and no event goes out twice.
    const stopDeliverer = startOutboxDeliverer(
      {
        deliverDue: async (opts) => (await services.outbox.deliverDue(opts)) + (await services.mail.deliverDue(opts)),
      },
      config.outboxPollMs,
      {
        retryBaseMs: config.outboxRetryBaseMs,
        leaseMs: 60_000,
        timeoutMs: 10_000,
        batch: 20,
        claimId: () => claimer?.claimId ?? null,
      },
      (err) => log.outbox.error({ err }, 'delivery round failed'),
    );
    stopJobs = async () => {
      await Promise.all([queue.stop(), stopDeliverer()]);
      await claimer?.stop();
    };
  }

  return {
    config,
    ds,
    services,
    httpServer,
    listen: () =>
      new Promise((resolve) => {
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as { port: number };
          resolve(`http://${config.host}:${port}`);
        });
      }),
    startJobs,
    async stop() {
      stopping = true;
      await stopJobs?.();
      await apollo.stop();
      await services.sessions.cache.stop();
      if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
      await replica.stop();
      if (ds.isInitialized) await ds.destroy();
      await embedded?.stop();
    },
  };
}
