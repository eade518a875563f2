import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { codeOf, reasonOf, startTestApp } from '../../test/harness';
import { LoginThrottle, forgetOldFailures } from './rate-limiter';

/**
 * The throttle counts in the database: two data sources stand for two API processes, each with a
 * throttle of its own, and they count the same failures. A fixed clock, moved by hand.
 */
let now = Date.parse('2026-03-02T08:00:00Z');
const clock = () => now;
let one: DataSource;
let two: DataSource;

beforeAll(async () => {
  one = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
  two = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
  await one.initialize();
  await two.initialize();
});
afterAll(async () => {
  await one?.destroy();
  await two?.destroy();
});
beforeEach(() => one.query(`DELETE FROM failure_throttle`));

const throttle = (ds: DataSource = one) => new LoginThrottle(ds, 'login', 5, 60_000, clock, 3_600_000);

describe('LoginThrottle', () => {
  test('an account and source: five failures free, then each failure doubles the wait, up to the cap', async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) {
      expect(await t.retryAfter('a@x', '10.0.0.1')).toBe(0);
      await t.fail('a@x', '10.0.0.1');
    }
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = await t.retryAfter('a@x', '10.0.0.1');
      waits.push(wait);
      now += wait * 1000;
      expect(await t.retryAfter('a@x', '10.0.0.1')).toBe(0);
      await t.fail('a@x', '10.0.0.1');
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  test("the same account from another source is not held back by someone else's failures", async () => {
    const t = throttle();
    for (let i = 0; i < 20; i++) {
      await t.fail('victim@x', `198.51.100.${i % 2}`);
      now += 1;
    }
    expect(await t.retryAfter('victim@x', '198.51.100.0')).toBeGreaterThan(0);
    expect(await t.retryAfter('victim@x', '203.0.113.5')).toBe(0);
  });

  test('a source spraying many accounts is held back for the window', async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) await t.fail(`u${i}@x`, '10.0.0.2');
    expect(await t.retryAfter('someone-else@x', '10.0.0.2')).toBe(60);
    now += 60_000;
    expect(await t.retryAfter('someone-else@x', '10.0.0.2')).toBe(0);
  });

  test('a success clears that pair only', async () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) await t.fail('a@x', '10.0.0.3');
    await t.succeed('a@x', '10.0.0.3');
    now += 60_001; // the source window moves on
    for (let i = 0; i < 4; i++) await t.fail('a@x', '10.0.0.3');
    expect(await t.retryAfter('a@x', '10.0.0.3')).toBe(0);
  });

  test('two processes count the same failures, also when they fail at once', async () => {
    const a = throttle(one);
    const b = throttle(two);
    await Promise.all([a.fail('a@x', '10.0.0.4'), b.fail('a@x', '10.0.0.4'), a.fail('a@x', '10.0.0.4')]);
    await b.fail('a@x', '10.0.0.4');
    expect(await a.retryAfter('a@x', '10.0.0.4')).toBe(0);
    await a.fail('a@x', '10.0.0.4');
    // five failures spread over two processes: both hold the source and the pair back
    expect(await a.retryAfter('a@x', '10.0.0.4')).toBe(60);
    expect(await b.retryAfter('a@x', '10.0.0.4')).toBe(60);
    expect(await b.retryAfter('other@x', '10.0.0.4')).toBe(60);
  });

  test('each throttle counts on its own, and old rows are forgotten', async () => {
    for (let i = 0; i < 5; i++) await throttle().fail('a@x', '10.0.0.5');
    expect(await new LoginThrottle(one, 'certificate-check', 5, 60_000, clock).retryAfter('a@x', '10.0.0.5')).toBe(0);
    expect(await forgetOldFailures(one, new Date(now + 3_600_000))).toBe(0);
    expect(await forgetOldFailures(one, new Date(now + 24 * 3_600_000 + 1))).toBe(2);
  });
});

test('two API instances on one database share the login throttle', async () => {
  await one.query(`DELETE FROM failure_throttle`);
  const [a, b] = [await startTestApp({ loginAttemptsPerMinute: 5 }), await startTestApp({ loginAttemptsPerMinute: 5 })];
  try {
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
    const email = 'finance@ruiguang.demo';
    for (let i = 0; i < 5; i++) {
      const r = await (i % 2 ? a : b).client(Audience.CONSOLE).request(LOGIN, { e: email, p: `wrong-${i}` });
      expect(reasonOf(r)).toBe(ErrorReason.INVALID_CREDENTIALS);
    }
    for (const app of [a, b]) {
      const r = await app.client(Audience.CONSOLE).request(LOGIN, { e: email, p: 'MedChannel#2026' });
      expect(codeOf(r)).toBe(ErrorCode.RATE_LIMITED);
    }
  } finally {
    await a.stop();
    await b.stop();
  }
});
