import { Client } from 'pg';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../src/db/embedded';
import { seedDemo } from '../src/db/seed/seed';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the run's own: a fresh database on DATABASE_URL's server (dropped at the end),
 * or an in-memory PGlite served over the wire. The developer's database is never touched.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  let db: TestDatabase;
  if (adminUrl) {
    const name = `mc_test_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      async drop() {
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  } else {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ maxConnections: 40 });
    db = { url: embedded.url, drop: () => embedded.stop() };
  }
  const ds = createDataSource(db.url, { poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds);
  await ds.destroy();
  return db;
}
