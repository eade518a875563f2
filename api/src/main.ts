import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';
import { logger } from './common/logger';
import { seedDemo } from './db/seed/seed';
import { DEMO_PASSWORD, TWO_BRANDS_EMAIL, USERS, membershipsOf } from './db/seed/demo-data';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      logger.fatal(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(config);
  if (config.env !== 'production') {
    // Development and the quick start: bring the schema up to date and load the demo once.
    const ran = await app.ds.runMigrations({ transaction: 'each' });
    if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'applied migrations');
    if (await seedDemo(app.ds)) logger.info('loaded demo data');
  }
  const url = await app.listen();
  // after the migrations above (or, in production, once db:migrate has run)
  app.startJobs().catch((err) => logger.error({ err, component: 'jobs' }, 'jobs not started'));
  logger.info(
    {
      url: `${url}/graphql`,
      liveness: `${url}/healthz`,
      readiness: `${url}/readyz`,
      database: config.databaseUrl ? 'PostgreSQL from DATABASE_URL' : `embedded PGlite in ${config.pgliteDir}`,
    },
    'MedChannel API listening',
  );
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  logger.fatal({ err }, 'the API did not start');
  process.exit(1);
});
