import http from 'node:http';
import express from 'express';
import type { DataSource } from 'typeorm';
import { healthRoutes } from './health';

/** Readiness on its own: what each state answers (the app's test covers a real database gone). */
describe('/healthz and /readyz', () => {
  const state = { stopping: false, pending: 0, query: (): Promise<unknown> => Promise.resolve([{ '?column?': 1 }]) };
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    healthRoutes(app, {
      ds: { query: () => state.query() } as unknown as DataSource,
      pendingMigrations: async () => state.pending,
      stopping: () => state.stopping,
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => Object.assign(state, { stopping: false, pending: 0, query: () => Promise.resolve([]) }));

  const ask = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return [res.status, ((await res.json()) as { status: string }).status];
  };

  test('migrations pending: alive, not ready; once run, ready', async () => {
    state.pending = 2;
    expect([await ask('/healthz'), await ask('/readyz')]).toEqual([
      [200, 'ok'],
      [503, 'migrations pending'],
    ]);
    state.pending = 0;
    expect(await ask('/readyz')).toEqual([200, 'ok']);
  });

  test('a database that does not answer within a second: not ready, answered in time', async () => {
    state.query = () => new Promise(() => {});
    const started = Date.now();
    expect(await ask('/readyz')).toEqual([503, 'database unavailable']);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await ask('/healthz')).toEqual([200, 'ok']);
  });

  test('shutting down: not ready, even with the database answering', async () => {
    state.stopping = true;
    expect(await ask('/readyz')).toEqual([503, 'shutting down']);
  });
});
