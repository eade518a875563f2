import 'reflect-metadata';
import { types } from 'pg';
import { AbstractLogger, DataSource, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { countSql } from '../common/request-context';
import { logOf } from '../common/logger';
import { AuditLog } from '../common/audit';
import { modules } from '../modules';
import { classesOf } from '../modules/module';
import { Session } from '../auth/session.entity';
import { clientSwitch, preparingClient } from './prepared';
import { Foundation1764200000000 } from './migrations/1764200000000-Foundation';
import { ChannelLifecycle1764300000000 } from './migrations/1764300000000-ChannelLifecycle';
import { QualificationFiles1764400000000 } from './migrations/1764400000000-QualificationFiles';
import { ScreeningAndIntel1764500000000 } from './migrations/1764500000000-ScreeningAndIntel';
import { ImportJobs1764600000000 } from './migrations/1764600000000-ImportJobs';
import { Orders1764700000000 } from './migrations/1764700000000-Orders';
import { Finance1764800000000 } from './migrations/1764800000000-Finance';
import { Outbox1764900000000 } from './migrations/1764900000000-Outbox';
import { WebhookFailureKinds1766310000000 } from './migrations/1766310000000-WebhookFailureKinds';
import { BenchIndexes1765200000000 } from './migrations/1765200000000-BenchIndexes';
import { ReceivableOpenItems1765300000000 } from './migrations/1765300000000-ReceivableOpenItems';
import { HospitalSearchTrigrams1765400000000 } from './migrations/1765400000000-HospitalSearchTrigrams';
import { ReceivableAging1765500000000 } from './migrations/1765500000000-ReceivableAging';
import { ReadPathIndexes1765600000000 } from './migrations/1765600000000-ReadPathIndexes';
import { RefuseTruncate1766410000000 } from './migrations/1766410000000-RefuseTruncate';
import { OutboxClaims1766410000001 } from './migrations/1766410000001-OutboxClaims';
import { ClosedPeriods1766410000002 } from './migrations/1766410000002-ClosedPeriods';
import { ExternalRefPerAccount1766210000000 } from './migrations/1766210000000-ExternalRefPerAccount';
import { Training1765000000000 } from './migrations/1765000000000-Training';
import { Visits1765100000000 } from './migrations/1765100000000-Visits';
import { AuthChanges1768300000000 } from './migrations/1768300000000-AuthChanges';
import { FailureThrottle1770400000000 } from './migrations/1770400000000-FailureThrottle';

// DATE columns stay 'YYYY-MM-DD' strings: pg's default turns them into local-midnight Dates,
// which shift a day in some time zones. NUMERIC already arrives as a string (exact).
types.setTypeParser(1082, (value: string) => value);

/**
 * The core's tables (sessions, the audit log), then every module's (their manifests name them).
 * Read when a DataSource is made, once every module has loaded.
 */
const entities = () => [
  Session,
  AuditLog,
  ...modules().flatMap((module) => classesOf(module, 'entities', module.entities)),
];
/** The product's migrations; a module may carry its own (its manifest's `migrations`), run in timestamp order with these. */
const coreMigrations = [
  Foundation1764200000000,
  ChannelLifecycle1764300000000,
  QualificationFiles1764400000000,
  ScreeningAndIntel1764500000000,
  ImportJobs1764600000000,
  Orders1764700000000,
  Finance1764800000000,
  Outbox1764900000000,
  Training1765000000000,
  Visits1765100000000,
  BenchIndexes1765200000000,
  ReceivableOpenItems1765300000000,
  HospitalSearchTrigrams1765400000000,
  ReceivableAging1765500000000,
  ReadPathIndexes1765600000000,
  ExternalRefPerAccount1766210000000,
  WebhookFailureKinds1766310000000,
  RefuseTruncate1766410000000,
  OutboxClaims1766410000001,
  ClosedPeriods1766410000002,
  AuthChanges1768300000000,
  FailureThrottle1770400000000,
];

/**
 * SQLSTATEs of the database refusing a value or a state, which the app expects and answers with a
 * coded error (or, unexpected there, as INTERNAL with its stack, from formatError): a data
 * exception (22…), an integrity constraint (23…), a trigger's refusal (P0001, e.g. append-only),
 * a serialization failure or deadlock (40001, 40P01), a lock not available (55P03).
 */
const REFUSALS = /^(22|23)...$|^(P0001|40001|40P01|55P03)$/;

/**
 * Counts every statement for the request it runs in (x-sql-count), and prints it when asked. A
 * failed statement prints as an error; a refusal (above) is no error of the app's and prints one
 * line among the statements, when they are printed.
 */
const sqlLog = logOf('sql');

class CountingLogger extends AbstractLogger {
  constructor(private readonly print: boolean) {
    super(print ? ['query', 'error'] : ['error']);
  }
  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    countSql();
    super.logQuery(query, parameters, queryRunner);
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    if (typeof code !== 'string' || !REFUSALS.test(code))
      return super.logQueryError(error as string, query, parameters, queryRunner);
    if (this.print) sqlLog.info({ code, reason: (error as Error).message }, 'refused');
  }
  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    // a failed statement's parameters (a password's hash, a token's) stay out of the log unless LOG_SQL asks for every statement
    const shown = this.print
      ? message
      : (Array.isArray(message) ? message : [message]).map((m) =>
          typeof m === 'object' ? { ...m, parameters: undefined } : m,
        );
    const messages = this.prepareLogMessages(shown, { highlightSql: false });
    for (const m of messages) {
      if (level === 'query' && this.print) sqlLog.info({ sql: m.message }, 'query');
      else if (level === 'error' || m.type === 'error' || m.type === 'query-error')
        sqlLog.error({ sql: m.message }, 'failed');
    }
  }
}

/** The name this process's connections carry in pg_stat_activity (operators and tests find them by it). */
export const applicationName = () => `medchannel-api/${process.pid}`;

/**
 * Settings of every API connection, the primary's and the replica's. No JIT compilation:
 * PostgreSQL compiles a statement whose estimate passes jit_above_cost (100,000 by default), and the
 * API's are answered in milliseconds — compiling the brand dashboard's two statements took longer than
 * running them (BENCHMARKS.md, "The brand dashboard's buying hospitals as one set, and no JIT").
 */
export const SESSION_OPTIONS = '-c jit=off';

/** Its statements go unnamed until usePreparedStatements (db/prepared.ts) turns naming on. */
export function createDataSource(url: string, opts: { poolSize?: number; logSql?: boolean } = {}): DataSource {
  const prepare = { on: false };
  const ds = new DataSource({
    type: 'postgres',
    url,
    applicationName: applicationName(),
    extra: { Client: preparingClient(prepare), options: SESSION_OPTIONS },
    poolErrorHandler: (err: Error) => logOf('db').error({ reason: err.message }, 'idle connection lost'),
    entities: entities(),
    migrations: [
      ...coreMigrations,
      ...modules().flatMap((module) => classesOf(module, 'migrations', module.migrations)),
    ],
    migrationsTableName: 'schema_migration',
    synchronize: false,
    poolSize: opts.poolSize ?? 10,
    logger: new CountingLogger(opts.logSql ?? false),
    logging: true,
  });
  clientSwitch(ds, prepare);
  return ds;
}

/** How many of the product's migrations the database has not run yet (all of them on a database never migrated). */
export async function pendingMigrations(ds: DataSource): Promise<number> {
  const [{ table }] = await ds.query(`SELECT to_regclass('schema_migration')::text AS table`);
  if (!table) return ds.migrations.length;
  const done = new Set((await ds.query(`SELECT name FROM schema_migration`)).map((r: { name: string }) => r.name));
  return ds.migrations.filter((m) => !done.has(m.name ?? m.constructor.name)).length;
}
