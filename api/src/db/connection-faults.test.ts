import net from 'node:net';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, startTestApp } from '../../test/harness';
import { createBrand } from '../../test/factories';
import { onPostgres, testConnection } from '../../test/locks';
import { applicationName } from './data-source';

/**
 * No database event ends the API process: connections terminated under write load, or a database
 * that is gone, answer a coded retryable UNAVAILABLE (HTTP 503), never INTERNAL, and the pool
 * serves again once the database does. Real PostgreSQL (pg_terminate_backend; PGlite has one
 * backend for every connection).
 */
const suite = onPostgres ? describe : describe.skip;

const WRITE = `mutation($l: Locale!) { setMyLocale(locale: $l) { id locale } }`;
const READ = `{ distributors(first: 5) { nodes { id name } } }`;

/** Every answer either succeeded or is the coded, retryable unavailability. */
function classify(results: GqlResult[]) {
  const ok = results.filter((r) => r.status === 200 && !r.errors.length).length;
  const unavailable = results.filter(
    (r) =>
      r.status === 503 &&
      r.errors.length &&
      r.errors.every(
        (e) =>
          e.extensions?.code === ErrorCode.UNAVAILABLE && (e.extensions as { retryable?: boolean }).retryable === true,
      ),
  ).length;
  const other = results.filter(
    (r) =>
      !(r.status === 200 && !r.errors.length) &&
      !(r.status === 503 && r.errors.every((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)),
  );
  return { ok, unavailable, other: other.map((r) => `${r.status} ${r.text.slice(0, 300)}`) };
}

async function healthy(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await fetch(`${t.url}/readyz`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the API never reported the database healthy again');
}

/** Requests from `workers` clients in a loop until `stop()` is true. */
async function load(client: GqlClient, workers: number, stop: () => boolean): Promise<GqlResult[]> {
  const results: GqlResult[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; !stop(); i++) {
        results.push(await client.request(i % 3 === 2 ? READ : WRITE, { l: (i + w) % 2 ? 'EN' : 'ZH_CN' }));
      }
    }),
  );
  return results;
}

suite('connection faults', () => {
  let t: TestApp | undefined;
  let admin: GqlClient;
  let cleanup: (() => Promise<void>) | null = null;

  afterEach(async () => {
    await t?.stop();
    t = undefined;
    await cleanup?.();
    cleanup = null;
  });

  test("terminating the API's connections every 50–200 ms under write load: coded retryable answers, and the pool recovers", async () => {
    t = await startTestApp({ dbPoolSize: 4 });
    const brand = await createBrand(t.app.ds, 1);
    admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
    const killer = await testConnection();
    let killing = true;
    let kills = 0;
    const killed = (async () => {
      const until = Date.now() + 4_000;
      while (Date.now() < until) {
        const r = await killer.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
          [applicationName()],
        );
        kills += r.rows[0].n;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      }
      killing = false;
    })();
    const results = await load(admin, 6, () => !killing);
    await killed;
    await killer.end();
    const seen = classify(results);
    expect(seen.other).toEqual([]);
    expect(kills).toBeGreaterThan(5);
    expect(seen.unavailable).toBeGreaterThan(0);
    expect(seen.ok).toBeGreaterThan(0);
    // afterwards every request is served again
    await healthy(t);
    const after = await Promise.all(
      Array.from({ length: 12 }, (_, i) => admin.request(i % 2 ? READ : WRITE, { l: 'EN' })),
    );
    expect(after.map((r) => r.errors)).toEqual(after.map(() => []));
  });

  test('a database that is gone answers UNAVAILABLE (not INTERNAL) and /readyz says so (/healthz: alive); back, it serves again', async () => {
    // the API reaches PostgreSQL through a proxy the test can take down
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const sockets = new Set<net.Socket>();
    const proxy = () =>
      net.createServer((inbound) => {
        const outbound = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(inbound).add(outbound);
        inbound.pipe(outbound).pipe(inbound);
        const close = () => {
          inbound.destroy();
          outbound.destroy();
        };
        inbound.on('error', close).on('close', close);
        outbound.on('error', close).on('close', close);
      });
    let server = proxy();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const viaProxy = new URL(target);
    viaProxy.port = String(port);
    t = await startTestApp({ databaseUrl: viaProxy.toString(), dbPoolSize: 4 });
    const brand = await createBrand(t.app.ds, 1);
    admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
    expect((await admin.request(READ)).errors).toEqual([]);

    // down: no new connections, and the open ones cut
    await new Promise((resolve) => {
      server.close(resolve);
      for (const s of sockets) s.destroy();
    });
    const down = await Promise.all([
      admin.request(READ),
      admin.request(WRITE, { l: 'EN' }),
      t
        .client(Audience.CONSOLE)
        .login(brand.adminEmail)
        .catch((err: Error) => err),
    ]);
    for (const r of down.slice(0, 2) as GqlResult[]) {
      expect([
        r.status,
        r.errors.map((e) => [e.extensions?.code, (e.extensions as { retryable?: boolean }).retryable]),
      ]).toEqual([503, [[ErrorCode.UNAVAILABLE, true]]]);
    }
    expect(String(down[2])).toMatch(/UNAVAILABLE/);
    const ready = await fetch(`${t.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'database unavailable' }]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    // back on the same address
    server = proxy();
    cleanup = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    await healthy(t);
    expect((await admin.request(WRITE, { l: 'EN' })).errors).toEqual([]);
  });
});
