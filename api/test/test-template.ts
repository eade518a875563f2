import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { seedDemo } from '../src/db/seed/seed';
import {
  TEMPLATE_DATABASE,
  TEMPLATE_DATA_DIR,
  TEST_SHARED_BUFFERS,
  databaseUrl,
  onServer,
  settleNextClone,
} from './test-database';

async function migrateAndSeed(url: string): Promise<void> {
  const ds = createDataSource(url, { poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
  } finally {
    await ds.destroy();
  }
}

/** The global setup's: the migrated and seeded template, described in process.env for the workers. */
export async function createTemplate(): Promise<{ drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `mc_test_${Date.now().toString(36)}_${process.pid}`;
    await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    await migrateAndSeed(databaseUrl(adminUrl, name));
    process.env[TEMPLATE_DATABASE] = name;
    return {
      drop: async () => {
        await settleNextClone();
        const clones = `${name}\\_%`;
        const left = await onServer(adminUrl, async (c) => {
          // a CREATE DATABASE a worker sent before it exited finishes first, or its clone would outlive the run
          for (let waited = 0; waited < 300; waited++) {
            const { rows } = await c.query(
              `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()
                 AND query LIKE 'CREATE DATABASE ' || $1 || '%'`,
              [clones],
            );
            if (!rows.length) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [clones]);
          return rows.map((r: { datname: string }) => r.datname);
        });
        // the clones the workers left (each one's last, made for a next file, those whose DROP the exit cut
        // short, any a crashed worker left) go with their template, together: each DROP DATABASE waits for a
        // checkpoint, and DROPs at once can share one
        await Promise.all(
          [...left, name].map((db) => onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`))),
        );
      },
    };
  }
  const embedded = await startEmbeddedPostgres({ sharedBuffers: TEST_SHARED_BUFFERS, maxConnections: 4 });
  const file = path.join(os.tmpdir(), `mc-test-template-${process.pid}-${Date.now().toString(36)}.tar`);
  try {
    await migrateAndSeed(embedded.url);
    fs.writeFileSync(file, Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer()));
  } finally {
    await embedded.stop();
  }
  process.env[TEMPLATE_DATA_DIR] = file;
  return { drop: async () => fs.rmSync(file, { force: true }) };
}
