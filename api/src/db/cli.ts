import 'reflect-metadata';
import { loadConfig } from '../config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { seedDemo } from './seed/seed';

/** `db:migrate`, `db:seed`, `db:reset` against DATABASE_URL, or the embedded database under .data/. */
async function main(command: string) {
  if (!['migrate', 'seed', 'reset'].includes(command))
    throw new Error(`usage: cli.js migrate|seed|reset (got "${command}")`);
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.pgliteDir, maxConnections: 3 });
  const ds = createDataSource(config.databaseUrl ?? embedded!.url, { poolSize: 1 });
  await ds.initialize();
  try {
    if (command === 'reset') {
      await ds.query('DROP SCHEMA public CASCADE');
      await ds.query('CREATE SCHEMA public');
      console.log('dropped every table');
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${ran.length ? ran.map((m) => m.name).join(', ') : 'up to date'}`);
    if (command !== 'migrate') console.log((await seedDemo(ds)) ? 'demo data loaded' : 'demo data already present');
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main(process.argv[2] ?? '').catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
