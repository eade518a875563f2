import 'reflect-metadata';
import pg, { types } from 'pg';
import { AbstractLogger, DataSource, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { countSql } from '../common/request-context';
import { AuditLog } from '../common/audit';
import { Brand } from '../modules/brand/brand.entity';
import { Region } from '../modules/region/region.entity';
import { User, UserRegion } from '../modules/user/user.entity';
import { Distributor } from '../modules/distributor/distributor.entity';
import { Session } from '../auth/session.entity';
import { PriceListEntry, Product, ProductLine } from '../modules/product/product.entity';
import { Hospital, HospitalContact, HospitalDepartment } from '../modules/hospital/hospital.entity';
import { DistributorStageChange } from '../modules/distributor/distributor.entity';
import { Qualification } from '../modules/qualification/qualification.entity';
import { AuthorizationGrant } from '../modules/authorization/authorization.entity';
import { Foundation1764200000000 } from './migrations/1764200000000-Foundation';
import { ChannelLifecycle1764300000000 } from './migrations/1764300000000-ChannelLifecycle';
import { QualificationFiles1764400000000 } from './migrations/1764400000000-QualificationFiles';
import { ScreeningAndIntel1764500000000 } from './migrations/1764500000000-ScreeningAndIntel';
import { ImportJobs1764600000000 } from './migrations/1764600000000-ImportJobs';
import { ImportJob } from '../modules/import/import.entity';
import { HospitalNote, HospitalServingReport } from '../modules/hospital/intel.entity';
import { DistributorAssessment } from '../modules/distributor/assessment.entity';
import { Orders1764700000000 } from './migrations/1764700000000-Orders';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from '../modules/order/order.entity';
import { Shipment, ShipmentItem } from '../modules/order/shipment.entity';
import { LedgerEntry } from '../modules/ledger/ledger.entity';
import { Notification } from '../modules/notification/notification.entity';
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
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from '../modules/outbox/outbox.entity';
import { Training1765000000000 } from './migrations/1765000000000-Training';
import { Certificate, Course, CourseAssignment, CourseFile, CourseVersion, Enrollment, QuizAttempt } from '../modules/training/training.entity';
import { Invoice, InvoiceShipment, Payment, PaymentAllocation, Statement, StatementDispute, StatementLine } from '../modules/finance/finance.entity';
import { Visits1765100000000 } from './migrations/1765100000000-Visits';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from '../modules/visit/co-visit.entity';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitNoteCc, VisitTask } from '../modules/visit/visit-note.entity';

// DATE columns stay 'YYYY-MM-DD' strings: pg's default turns them into local-midnight Dates,
// which shift a day in some time zones. NUMERIC already arrives as a string (exact).
types.setTypeParser(1082, (value: string) => value);

export const entities = [
  Brand, Region, User, UserRegion, Distributor, DistributorStageChange, Session, AuditLog,
  ProductLine, Product, PriceListEntry, Hospital, HospitalDepartment, HospitalContact, Qualification, AuthorizationGrant,
  HospitalNote, HospitalServingReport, DistributorAssessment, ImportJob,
  Order, OrderLine, OrderPriceAdjustment, OrderEvent, Shipment, ShipmentItem, LedgerEntry, Notification,
  Invoice, InvoiceShipment, Payment, PaymentAllocation, Statement, StatementLine, StatementDispute,
  OutboxEvent, WebhookEndpoint, WebhookDelivery,
  Course, CourseVersion, CourseFile, CourseAssignment, Enrollment, QuizAttempt, Certificate,
  CoVisit, CoVisitSlot, CoVisitParticipant, VisitNote, VisitNoteCc, VisitTask, VisitCommitment, VisitComment, VisitAttachment,
];
export const migrations = [
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
];

/** Counts every statement for the request it runs in (x-sql-count), and prints it when asked. */
class CountingLogger extends AbstractLogger {
  constructor(private readonly print: boolean) {
    super(print ? ['query', 'error'] : ['error']);
  }
  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    countSql();
    super.logQuery(query, parameters, queryRunner);
  }
  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    const messages = this.prepareLogMessages(message, { highlightSql: false });
    for (const m of messages) {
      if (level === 'query' && this.print) console.log(`[sql] ${m.message}`);
      else if (level === 'error' || m.type === 'error' || m.type === 'query-error') console.error(`[sql] ${m.message}`);
    }
  }
}

/**
 * Every connection the pool opens listens for 'error' from the moment it exists: a connection the
 * server terminates emits it, and one emitted while nobody listens (between the pool handing the
 * client out and TypeORM attaching its own listener) ends the process. The failed query itself
 * rejects and is answered UNAVAILABLE (common/errors.ts); the pool drops the broken client.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (err: Error) => console.error(`[db] connection lost: ${err.message}`));
  }
}

/** The name this process's connections carry in pg_stat_activity (operators and tests find them by it). */
export const applicationName = () => `medchannel-api/${process.pid}`;

export function createDataSource(url: string, opts: { poolSize?: number; logSql?: boolean } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    applicationName: applicationName(),
    extra: { Client: ListenedClient },
    poolErrorHandler: (err: Error) => console.error(`[db] idle connection lost: ${err.message}`),
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    poolSize: opts.poolSize ?? 10,
    logger: new CountingLogger(opts.logSql ?? false),
    logging: true,
  });
}

/** How many of the product's migrations the database has not run yet (all of them on a database never migrated). */
export async function pendingMigrations(ds: DataSource): Promise<number> {
  const [{ table }] = await ds.query(`SELECT to_regclass('schema_migration')::text AS table`);
  if (!table) return ds.migrations.length;
  const done = new Set((await ds.query(`SELECT name FROM schema_migration`)).map((r: { name: string }) => r.name));
  return ds.migrations.filter((m) => !done.has(m.name ?? m.constructor.name)).length;
}
