import path from 'node:path';
import { parseCidr } from './common/ip-ranges';
import { DEFAULT_NEAR_EXPIRY_DAYS } from '@medchannel/shared-schema';

/** Every setting, read from the environment once at start and validated. */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise embedded PGlite served over the wire. */
  databaseUrl?: string;
  /**
   * A streaming replica of DATABASE_URL's database: dashboards, exports and the aging read from it
   * (db/replica.ts); everything else, and every write, stays on the primary. Unset: all on the primary.
   */
  readReplicaUrl?: string;
  pgliteDir: string;
  pglitePort: number;
  dbPoolSize: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** how long a warm session is kept (auth/session-cache.ts); 0: read on every request */
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  loginAttemptsPerMinute: number;
  maxQueryDepth: number;
  maxAliases: number;
  maxQueryCost: number;
  /** The longest GraphQL document read, in bytes, and the most tokens parsed: refused before validation. */
  maxQueryBytes: number;
  maxQueryTokens: number;
  /** Answer each GraphQL response with an x-sql-count header (tests and the benchmark). */
  exposeSqlCount: boolean;
  logSql: boolean;
  /** The longest a TEMPORARY authorization may run, in days. */
  maxTemporaryAuthorizationDays: number;
  /** Where uploaded documents are kept when no object store is set (local disk storage). */
  filesDir: string;
  /** An S3-compatible object store for uploaded files (S3_*): when set, it replaces filesDir. */
  s3?: S3Settings;
  /** The most rows one spreadsheet export holds; past it the export is refused (TOO_MANY_ROWS), never cut. */
  maxExportRows: number;
  /** How often the job that issues last month's statements runs, in minutes (0: never, as in tests). */
  statementJobMinutes: number;
  /** How often overdue training is reminded of, in minutes (0: never, as in tests); each person at most weekly. */
  trainingReminderMinutes: number;
  /** How often the daily notices run (expiring documents, courses due soon, digests); each runs once a day whatever this is. */
  noticeJobMinutes: number;
  /** How often old rows of the failure throttles are forgotten, in minutes (0: never, as in tests). */
  housekeepingMinutes: number;
  /** A failed job is tried again after this many seconds, then twice as long each time (pg-boss). */
  jobRetryDelaySeconds: number;
  /** How often each process asks the job queue for work and looks at the schedules, in seconds. */
  jobPollSeconds: number;
  /** How many API processes serve the port (node's cluster); more than 1 needs DATABASE_URL. */
  workers: number;
  /** A batch in a distributor's stock expiring within this many days is near expiry: flagged in the lists, announced by the daily notices. */
  nearExpiryDays: number;
  /** How often pending outbox events are sent to the brand's webhook, in ms (0: never, as in tests). */
  outboxPollMs: number;
  /** The first retry of a failed delivery waits this long; each further one twice as long (≤ 1 h). */
  outboxRetryBaseMs: number;
  /**
   * Proxies whose X-Forwarded-For is believed (Express `trust proxy`): `loopback`, `linklocal`,
   * `uniquelocal` or addresses/CIDRs. Empty (the default): the socket's peer is the client.
   */
  trustedProxy: string[];
  /** Webhook hosts (exact names) and address ranges allowed although not public: a brand's ERP on an intranet. */
  webhookAllowHosts: string[];
  webhookAllowCidrs: string[];
  /**
   * Where e-mail goes: an smtp(s):// URL (nodemailer). Unset: mail is kept in the database and
   * shown to the brand's admins in the console (development, the quick start).
   */
  smtpUrl?: string;
  /** The From of every e-mail. */
  mailFrom: string;
  /** The apps' public addresses, for links in e-mails. */
  consoleUrl: string;
  portalUrl: string;
  /** The server's key for certificates' verification codes (an HMAC of the certificate); set it in production. */
  certificateSecret: string;
  /**
   * What /metrics asks for: `Authorization: Bearer <METRICS_TOKEN>`. Unset: /metrics answers only
   * callers on this machine that came through no proxy (see common/metrics.ts).
   */
  metricsToken?: string;
}

/** The object store's address, bucket and keys (common/s3-storage.ts). */
export interface S3Settings {
  /** The store's address (MinIO, Ceph, a cloud's S3 endpoint); unset: AWS S3 for the region. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket in the path (http://host/bucket/key), as most S3-compatible stores want; false: a virtual host per bucket */
  forcePathStyle: boolean;
  /** Files larger than this many bytes are answered with a redirect to a pre-signed URL; unset: every file streams through the API. */
  presignAboveBytes?: number;
  /** How long a pre-signed URL is good for, in seconds. */
  presignSeconds: number;
}

export class ConfigError extends Error {}

/** The development key for verification codes: codes made with it prove nothing outside a demo. */
const DEV_CERTIFICATE_SECRET = 'medchannel-dev-certificate-secret';

const repoRoot = path.resolve(__dirname, '..', '..');

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}; got "${raw}"`);
  }
  return value;
}

function list(env: Env, name: string, valid: (item: string) => boolean, what: string): string[] {
  const items = (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.find((item) => !valid(item));
  if (bad !== undefined) throw new ConfigError(`${name} must be a comma-separated list of ${what}; got "${bad}"`);
  return items;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^https?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`${name} must be an http(s) address; got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false; got "${raw}"`);
}

const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The object store, when any S3_* setting is given: then the bucket, region and keys must all be. */
function s3(env: Env): S3Settings | undefined {
  const given = Object.keys(env).filter((name) => name.startsWith('S3_') && env[name]);
  if (given.length === 0) return undefined;
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length)
    throw new ConfigError(`An object store needs ${S3_REQUIRED.join(', ')}; missing ${missing.join(', ')}`);
  const [bucket, region, accessKeyId, secretAccessKey] = S3_REQUIRED.map((name) => env[name] ?? '');
  const presignAbove = env.S3_PRESIGN_ABOVE_BYTES;
  return {
    endpoint: env.S3_ENDPOINT ? url(env, 'S3_ENDPOINT', '') : undefined,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', true),
    presignAboveBytes: presignAbove ? int(env, 'S3_PRESIGN_ABOVE_BYTES', 0, 0, Number.MAX_SAFE_INTEGER) : undefined,
    presignSeconds: int(env, 'S3_PRESIGN_SECONDS', 300, 10, 7 * 24 * 3600),
  };
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, test or production; got "${nodeEnv}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://; got "${databaseUrl}"`);
  }
  const readReplicaUrl = env.READ_REPLICA_URL || undefined;
  if (readReplicaUrl && !/^postgres(ql)?:\/\//.test(readReplicaUrl)) {
    throw new ConfigError(`READ_REPLICA_URL must start with postgres:// or postgresql://; got "${readReplicaUrl}"`);
  }
  const config: Config = {
    env: nodeEnv as Config['env'],
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    readReplicaUrl,
    pgliteDir: path.resolve(env.PGLITE_DIR || path.join(repoRoot, '.data', 'pglite')),
    pglitePort: int(env, 'PGLITE_PORT', 0, 0, 65535),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 90),
    sessionCacheSeconds: int(env, 'SESSION_CACHE_SECONDS', 0, 0, 50),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    loginAttemptsPerMinute: int(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 5, 1, 1000),
    maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    maxAliases: int(env, 'MAX_ALIASES', 15, 1, 200),
    maxQueryCost: int(env, 'MAX_QUERY_COST', 5000, 10, 1_000_000),
    maxQueryBytes: int(env, 'MAX_QUERY_BYTES', 32_768, 1024, 1_048_576),
    maxQueryTokens: int(env, 'MAX_QUERY_TOKENS', 2000, 100, 100_000),
    exposeSqlCount: bool(env, 'EXPOSE_SQL_COUNT', nodeEnv !== 'production'),
    logSql: bool(env, 'LOG_SQL', false),
    maxTemporaryAuthorizationDays: int(env, 'MAX_TEMPORARY_AUTHORIZATION_DAYS', 90, 1, 366),
    filesDir: path.resolve(env.FILES_DIR || path.join(repoRoot, '.data', 'files')),
    s3: s3(env),
    maxExportRows: int(env, 'MAX_EXPORT_ROWS', 5000, 1, 100_000),
    statementJobMinutes: int(env, 'STATEMENT_JOB_MINUTES', nodeEnv === 'test' ? 0 : 60, 0, 24 * 60),
    trainingReminderMinutes: int(env, 'TRAINING_REMINDER_MINUTES', nodeEnv === 'test' ? 0 : 60, 0, 24 * 60),
    noticeJobMinutes: int(env, 'NOTICE_JOB_MINUTES', nodeEnv === 'test' ? 0 : 60, 0, 24 * 60),
    housekeepingMinutes: int(env, 'HOUSEKEEPING_MINUTES', nodeEnv === 'test' ? 0 : 60, 0, 24 * 60),
    jobRetryDelaySeconds: int(env, 'JOB_RETRY_DELAY_SECONDS', 60, 1, 3600),
    jobPollSeconds: int(env, 'JOB_POLL_SECONDS', 5, 1, 45),
    workers: int(env, 'API_WORKERS', 1, 1, 64),
    nearExpiryDays: int(env, 'NEAR_EXPIRY_DAYS', DEFAULT_NEAR_EXPIRY_DAYS, 1, 3650),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', nodeEnv === 'test' ? 0 : 2000, 0, 3_600_000),
    outboxRetryBaseMs: int(env, 'OUTBOX_RETRY_BASE_MS', 5000, 1, 3_600_000),
    trustedProxy: list(
      env,
      'TRUSTED_PROXY',
      (p) => PROXY_NAMES.includes(p) || parseCidr(p) !== null,
      'loopback, linklocal, uniquelocal, addresses or CIDRs',
    ),
    webhookAllowHosts: list(env, 'WEBHOOK_ALLOW_HOSTS', (h) => HOSTNAME.test(h.toLowerCase()), 'host names').map((h) =>
      h.toLowerCase(),
    ),
    webhookAllowCidrs: list(env, 'WEBHOOK_ALLOW_CIDRS', (c) => parseCidr(c) !== null, 'addresses or CIDRs'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'MedChannel <no-reply@medchannel.local>',
    consoleUrl: url(env, 'CONSOLE_URL', 'http://localhost:5173'),
    portalUrl: url(env, 'PORTAL_URL', 'http://localhost:5174'),
    certificateSecret: env.CERTIFICATE_SECRET || DEV_CERTIFICATE_SECRET,
    metricsToken: env.METRICS_TOKEN || undefined,
    ...overrides,
  };
  if (config.smtpUrl && !/^smtps?:\/\//.test(config.smtpUrl)) {
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  }
  if (config.certificateSecret.length < 16) {
    throw new ConfigError('CERTIFICATE_SECRET must be at least 16 characters');
  }
  if (config.workers > 1 && !config.databaseUrl) {
    throw new ConfigError(
      'API_WORKERS above 1 needs DATABASE_URL: the embedded PGlite lives inside one process, so several processes cannot share it',
    );
  }
  if (config.readReplicaUrl && !config.databaseUrl) {
    throw new ConfigError('READ_REPLICA_URL needs DATABASE_URL: the embedded PGlite has no replica');
  }
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  }
  if (config.sessionIdleMinutes > config.sessionAbsoluteHours * 60) {
    throw new ConfigError('SESSION_IDLE_MINUTES cannot exceed SESSION_ABSOLUTE_HOURS');
  }
  return config;
}
