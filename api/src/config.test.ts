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
    // no proxy is trusted unless named; no non-public webhook target is allowed unless named
    expect(c.trustedProxy).toEqual([]);
    expect(c.webhookAllowHosts).toEqual([]);
    expect(c.webhookAllowCidrs).toEqual([]);
    expect(
      loadConfig({
        TRUSTED_PROXY: 'loopback, 10.0.0.0/8',
        WEBHOOK_ALLOW_HOSTS: 'ERP.intra',
        WEBHOOK_ALLOW_CIDRS: '10.1.2.0/24,fd00::/8',
      }),
    ).toMatchObject({
      trustedProxy: ['loopback', '10.0.0.0/8'],
      webhookAllowHosts: ['erp.intra'],
      webhookAllowCidrs: ['10.1.2.0/24', 'fd00::/8'],
    });
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number between 0 and 65535; got "eighty"/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, test or production/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE must be true or false/],
    [{ SESSION_IDLE_MINUTES: '900', SESSION_ABSOLUTE_HOURS: '1' }, /SESSION_IDLE_MINUTES cannot exceed/],
    [
      { TRUSTED_PROXY: 'everyone' },
      /TRUSTED_PROXY must be a comma-separated list of loopback, linklocal, uniquelocal, addresses or CIDRs; got "everyone"/,
    ],
    [
      { WEBHOOK_ALLOW_CIDRS: '10.0.0.0/33' },
      /WEBHOOK_ALLOW_CIDRS must be a comma-separated list of addresses or CIDRs; got "10.0.0.0\/33"/,
    ],
    [
      { WEBHOOK_ALLOW_HOSTS: 'erp.intra, http://x' },
      /WEBHOOK_ALLOW_HOSTS must be a comma-separated list of host names; got "http:\/\/x"/,
    ],
    [{ CERTIFICATE_SECRET: 'short' }, /CERTIFICATE_SECRET must be at least 16 characters/],
  ])('refuses %p with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('production turns secure cookies on and the SQL count header off', () => {
    const c = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' });
    expect(c.cookieSecure).toBe(true);
    expect(c.exposeSqlCount).toBe(false);
  });

  test('the certificate key is the one set, else the development key', () => {
    const secret = 'a-production-key-of-some-length';
    expect(loadConfig({ CERTIFICATE_SECRET: secret }).certificateSecret).toBe(secret);
    expect(loadConfig({}).certificateSecret).not.toBe(secret);
  });
});
