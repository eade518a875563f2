import { LoginThrottle } from './rate-limiter';

describe('LoginThrottle', () => {
  let now = 1_000_000;
  const throttle = () => new LoginThrottle(5, 60_000, () => now, 3_600_000);

  test('an account and source: five failures free, then each failure doubles the wait, up to the cap', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) {
      expect(t.retryAfter('a@x', '10.0.0.1')).toBe(0);
      t.fail('a@x', '10.0.0.1');
    }
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = t.retryAfter('a@x', '10.0.0.1');
      waits.push(wait);
      now += wait * 1000;
      expect(t.retryAfter('a@x', '10.0.0.1')).toBe(0);
      t.fail('a@x', '10.0.0.1');
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  test("the same account from another source is not held back by someone else's failures", () => {
    const t = throttle();
    for (let i = 0; i < 20; i++) {
      t.fail('victim@x', `198.51.100.${i % 2}`);
      now += 1;
    }
    expect(t.retryAfter('victim@x', '198.51.100.0')).toBeGreaterThan(0);
    expect(t.retryAfter('victim@x', '203.0.113.5')).toBe(0);
  });

  test('a source spraying many accounts is held back for the window', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.fail(`u${i}@x`, '10.0.0.2');
    expect(t.retryAfter('someone-else@x', '10.0.0.2')).toBe(60);
    now += 60_000;
    expect(t.retryAfter('someone-else@x', '10.0.0.2')).toBe(0);
  });

  test('a success clears that pair only', () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) t.fail('a@x', '10.0.0.3');
    t.succeed('a@x', '10.0.0.3');
    now += 60_001; // the source window moves on
    for (let i = 0; i < 4; i++) t.fail('a@x', '10.0.0.3');
    expect(t.retryAfter('a@x', '10.0.0.3')).toBe(0);
  });
});
