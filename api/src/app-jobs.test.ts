import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from './app';
import { loadConfig } from './config';
import { createDataSource } from './db/data-source';
import { onPostgres } from '../test/locks';

/**
 * On a database that has never been migrated, the API's jobs wait for the migrations: the outbox
 * deliverer no longer polls a table that does not exist yet (it logged that every round), and
 * starts delivering once the schema is there. Real PostgreSQL (a database of the test's own).
 */
const suite = onPostgres ? describe : describe.skip;

suite('jobs on a fresh database', () => {
  const name = `mc_fresh_${Date.now()}_${process.pid}`;
  const admin = () => new Client({ connectionString: process.env.DATABASE_URL });
  let url: string;

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  test('start after the migrations, and log nothing while they run', async () => {
    const received: string[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(JSON.parse(body).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const errors: unknown[][] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const config = loadConfig(
      { ...process.env, NODE_ENV: 'test' },
      {
        port: 0,
        databaseUrl: url,
        dbPoolSize: 4,
        outboxPollMs: 20,
        statementJobMinutes: 0,
        trainingReminderMinutes: 0,
        webhookAllowCidrs: ['127.0.0.1/32'],
      },
    );
    const app = await createApp(config);
    try {
      // another process (db:migrate) brings the schema up while this one is already running
      const jobs = app.startJobs();
      const migrator = createDataSource(url, { poolSize: 1 });
      await migrator.initialize();
      await migrator.runMigrations({ transaction: 'each' });
      const brandId = randomUUID();
      await migrator.query(`INSERT INTO brand (id, code, name) VALUES ($1, 'FRESH', '新库品牌')`, [brandId]);
      await migrator.query(`INSERT INTO webhook_endpoint (brand_id, url, secret) VALUES ($1, $2, 'secret')`, [
        brandId,
        `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      ]);
      const [{ id }] = await migrator.query(
        `INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload) VALUES ($1, 'ORDER_PLACED', 'order', $2, '{}'::jsonb) RETURNING id`,
        [brandId, randomUUID()],
      );
      await migrator.destroy();
      await jobs;
      const until = Date.now() + 15_000;
      while (!received.includes(id) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      expect(received).toEqual([id]);
      expect(errors).toEqual([]);
    } finally {
      await app.stop();
      spy.mockRestore();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
