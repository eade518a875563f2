import { Audience } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from '../test/harness';
import { logger } from './common/logger';
import { recordJobRun } from './common/metrics';
import { DEMO_PASSWORD } from './db/seed/demo-data';

/**
 * What operators watch: one JSON log line per request (request id, operation, person, duration,
 * status, error code; never a password, token or cookie), Prometheus metrics at /metrics (only for
 * the token or a local caller), and liveness apart from readiness.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ metricsToken: 'a-metrics-token-for-tests' });
});
afterAll(() => t?.stop());

/** The log lines written while `work` runs (the logger writes through process.stdout). */
async function logged(work: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const level = logger.level;
  logger.level = 'info';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
    logger.level = level;
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** The log line is written when the response finishes: wait for that state. */
async function lineFor(lines: Array<Record<string, unknown>>, reqId: string) {
  for (let i = 0; i < 100 && !lines.some((l) => l.reqId === reqId); i++) await new Promise((r) => setImmediate(r));
  return lines.find((l) => l.reqId === reqId);
}

const metrics = (headers: Record<string, string> = { authorization: 'Bearer a-metrics-token-for-tests' }) =>
  fetch(`${t.url}/metrics`, { headers });

describe('request log', () => {
  test("a caller's x-request-id is answered and logged with the operation, the person, the status and the duration", async () => {
    const client = await t.as('boss@wzruihua.demo');
    client.headers['x-request-id'] = 'trace-abc.123';
    const lines: Array<Record<string, unknown>> = [];
    lines.push(
      ...(await logged(async () => {
        const r = await client.request(`query MyDistributors { distributors(first: 2) { nodes { id } } }`);
        expect(r.errors).toEqual([]);
        expect(r.headers.get('x-request-id')).toBe('trace-abc.123');
        await lineFor(lines, 'trace-abc.123');
      })),
    );
    const line = lines.find((l) => l.reqId === 'trace-abc.123');
    expect(line).toMatchObject({
      msg: 'request',
      component: 'http',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'MyDistributors',
      userId: expect.any(String),
      brandId: expect.any(String),
    });
    expect(line!.ms).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty('code');
  });

  test('without one, an id is made and answered; a failed operation logs its code; nothing secret is written', async () => {
    const client = t.client(Audience.CONSOLE);
    let lines: Array<Record<string, unknown>> = [];
    let madeId = '';
    lines = await logged(async () => {
      const r = await client.request(
        `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`,
        { email: 'boss@wzruihua.demo', password: 'wrong-password-secret' },
      );
      expect(r.errors.length).toBe(1);
      madeId = r.headers.get('x-request-id') ?? '';
      const ok = await client.request(
        `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`,
        { email: 'admin@huakang.demo', password: DEMO_PASSWORD },
      );
      expect(ok.errors).toEqual([]);
      // a caller's id that is not plain text is replaced, not echoed
      client.headers['x-request-id'] = 'bad id\twith "quotes"';
      const replaced = await client.request(`{ me { id } }`);
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.reqId === madeId)).toMatchObject({ operation: 'Login', code: 'UNAUTHENTICATED' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('wrong-password-secret');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/cookie|set-cookie|mc_session/i);
  });
});

describe('metrics', () => {
  test('a request shows up in the duration histogram under its operation; the pool and outbox gauges are there', async () => {
    const client = await t.as('boss@wzruihua.demo');
    for (let i = 0; i < 3; i++)
      await client.request(`query CountedOperation { distributors(first: 1) { nodes { id } } }`);
    const res = await metrics();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /^medchannel_graphql_request_duration_seconds_count\{operation="CountedOperation",outcome="ok"\} 3$/m,
    );
    for (const state of ['total', 'idle', 'in_use', 'max'])
      expect(text).toMatch(new RegExp(`^medchannel_db_pool_connections\\{state="${state}"\\} \\d+$`, 'm'));
    expect(text).toMatch(/^medchannel_db_pool_connections\{state="max"\} 4$/m);
    expect(text).toMatch(/^medchannel_db_pool_waiting \d+$/m);
    expect(text).toMatch(/^medchannel_outbox_lag_seconds\{queue="outbox"\} [\d.e+-]+$/m);
    expect(text).toMatch(/^medchannel_outbox_lag_seconds\{queue="mail"\} [\d.e+-]+$/m);
  });

  test("a job's runs are counted by result (the hook jobs call)", async () => {
    recordJobRun('probe-job', true);
    recordJobRun('probe-job', false);
    recordJobRun('probe-job', false);
    const text = await (await metrics()).text();
    expect(text).toMatch(/^medchannel_job_runs_total\{job="probe-job",result="ok"\} 1$/m);
    expect(text).toMatch(/^medchannel_job_runs_total\{job="probe-job",result="failed"\} 2$/m);
  });

  test('/metrics answers only the token (or, without one configured, a local caller through no proxy)', async () => {
    expect((await metrics({})).status).toBe(404);
    expect((await metrics({ authorization: 'Bearer wrong-token-of-same-size!' })).status).toBe(404);
    const local = await startTestApp();
    try {
      expect((await fetch(`${local.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${local.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
    } finally {
      await local.stop();
    }
  });
});

describe('liveness and readiness', () => {
  test('both answer 200 while all is well', async () => {
    expect([(await fetch(`${t.url}/healthz`)).status, (await fetch(`${t.url}/readyz`)).status]).toEqual([200, 200]);
  });

  test('the database gone: still alive, not ready', async () => {
    const other = await startTestApp();
    await other.app.ds.destroy();
    const live = await fetch(`${other.url}/healthz`);
    const ready = await fetch(`${other.url}/readyz`);
    expect([live.status, ready.status, await ready.json()]).toEqual([200, 503, { status: 'database unavailable' }]);
    await other.stop();
  });
});
