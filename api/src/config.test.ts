import { ConfigError, loadConfig } from './config';

describe('config', () => {
  test('defaults describe a local, embedded setup', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.pgliteDir).toMatch(/\.data[/\\]pglite$/);
    expect(c.maxQueryDepth).toBe(10);
    expect(c.maxAliases).toBe(15);
    expect(c.loginAttemptsPerMinute).toBe(5);
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number between 0 and 65535; got "eighty"/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, test or production/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE must be true or false/],
    [{ SESSION_IDLE_MINUTES: '900', SESSION_ABSOLUTE_HOURS: '1' }, /SESSION_IDLE_MINUTES cannot exceed/],
  ])('refuses %p with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('production turns secure cookies on and the SQL count header off', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' });
    expect(c.cookieSecure).toBe(true);
    expect(c.exposeSqlCount).toBe(false);
  });
});
