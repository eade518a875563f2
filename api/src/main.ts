import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import type { DataSource } from 'typeorm';
import { App, createApp } from './app';
import { logger } from './common/logger';
import { createDataSource } from './db/data-source';
import { isFirstProcess, isWorker, runPrimary } from './workers';
import { seedDemo } from './db/seed/seed';
import { DEMO_PASSWORD, TWO_BRANDS_EMAIL, USERS, membershipsOf } from './db/seed/demo-data';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  if (config.workers > 1 && !isWorker()) {
    // the primary only prepares the database and watches the workers; each worker is this file again
    const url = config.databaseUrl!;
    await runPrimary(config.workers, async () => {
      if (config.env === 'production') return;
      const ds = createDataSource(url, { poolSize: 1 });
      await ds.initialize();
      try {
        await prepareDatabase(ds);
      } finally {
        await ds.destroy();
      }
    });
    return;
  }
  const signals = stopOnSignals();
  const app = await createApp(config);
  signals.serving(app);
  // Development and the quick start: bring the schema up to date and load the demo once (the primary did, with workers).
  if (config.env !== 'production' && !isWorker()) await prepareDatabase(app.ds);
  const url = await app.listen();
  // after the migrations above (or, in production, once db:migrate has run)
  app.startJobs().catch((err) => logger.error({ err, component: 'jobs' }, 'jobs not started'));
  logger.info(
    {
      url: `${url}/graphql`,
      liveness: `${url}/healthz`,
      readiness: `${url}/readyz`,
      database: config.databaseUrl ? 'PostgreSQL from DATABASE_URL' : `embedded PGlite in ${config.pgliteDir}`,
      worker: isWorker(),
    },
    'MedChannel API listening',
  );
  if (!isFirstProcess()) return;
  if (config.env !== 'production') {
    // a banner for the person who ran the quick start, not a log line
    console.log(`demo logins (password ${DEMO_PASSWORD}):`);
    for (const u of USERS.filter((x) => x.email.endsWith('huakang.demo') || x.email.includes('kangda'))) {
      console.log(`  ${u.role.padEnd(16)} ${u.email.padEnd(26)} ${u.displayName}`);
    }
    const both = membershipsOf(TWO_BRANDS_EMAIL);
    console.log(
      `  ${'OWNER'.padEnd(16)} ${TWO_BRANDS_EMAIL.padEnd(26)} ${both[0].displayName} (portal, ${both.length} brands: switch under 我的)`,
    );
  }
}

/** Development and the quick start: the schema up to date, the demo loaded once. */
async function prepareDatabase(ds: DataSource): Promise<void> {
  const ran = await ds.runMigrations({ transaction: 'each' });
  if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'applied migrations');
  if (await seedDemo(ds)) logger.info('loaded demo data');
}

/**
 * SIGTERM/SIGINT: stop taking requests, let the running ones and the running jobs finish, close the
 * database, exit. Listened for from the process's start, so a signal that lands while the app is
 * still starting (a worker started again just before a deploy's SIGTERM) is logged and ends it
 * too, instead of killing it silently: nothing is served yet then, so there is nothing to drain.
 */
function stopOnSignals(): { serving(app: App): void } {
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, worker: isWorker() }, 'shutting down');
    await app?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return {
    serving(started) {
      app = started;
    },
  };
}

main().catch((err) => {
  logger.fatal({ err }, 'the API did not start');
  process.exit(1);
});
