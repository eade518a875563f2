import { ConfigError, loadConfig } from './config';

const S3 = { S3_BUCKET: 'files', S3_REGION: 'cn-north-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' };

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
    [
      { S3_BUCKET: 'files', S3_REGION: 'cn-north-1' },
      /An object store needs S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY; missing S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    ],
    [{ ...S3, S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) address; got "minio:9000"/],
    [{ ...S3, S3_PRESIGN_ABOVE_BYTES: 'big' }, /S3_PRESIGN_ABOVE_BYTES must be a whole number/],
  ])('refuses %p with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('files stay in the local directory unless an object store is set', () => {
    expect(loadConfig({}).s3).toBeUndefined();
    expect(loadConfig({ ...S3, S3_ENDPOINT: 'http://127.0.0.1:9000/' }).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'files',
      region: 'cn-north-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      presignAboveBytes: undefined,
      presignSeconds: 300,
    });
    expect(loadConfig({ ...S3, S3_PRESIGN_ABOVE_BYTES: '1048576', S3_FORCE_PATH_STYLE: 'false' }).s3).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
      presignAboveBytes: 1048576,
    });
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
