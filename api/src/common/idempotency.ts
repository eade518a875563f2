import { createHash } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import { ErrorReason } from '@medchannel/shared-schema';
import { AppError, ErrorCode } from './errors';

/**
 * Idempotent writes, once for every module. A request carries a key (the client's idempotency key,
 * or a bank's or ERP's reference); the first request with a key inserts a row that keeps the key
 * and the fingerprint of what was asked. A retry with the same key and the same contents answers
 * that row again; the same key with other contents is refused (CONFLICT, IDEMPOTENCY_KEY_REUSED).
 */

/** A stable fingerprint of what was asked, so a reused key can tell a retry from a new request. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Did this statement break the unique index `constraint`? */
export const isUniqueViolation = (err: unknown, constraint: string): boolean =>
  err instanceof QueryFailedError &&
  (err.driverError as { code?: string; constraint?: string })?.code === '23505' &&
  (err.driverError as { constraint?: string }).constraint === constraint;

/** What an earlier request with the key left: its row's id and the fingerprint it was asked with. */
export interface KeyedRow {
  id: string;
  requestHash: string;
}

/** How one kind of write keeps its key. */
export interface IdempotentWrite<T extends KeyedRow> {
  /** the fingerprint of this request's contents */
  hash: string;
  /** the unique index that holds one row per key (a concurrent retry loses the race to insert on it) */
  constraint: string;
  /** the row an earlier request with the same key wrote, if any */
  earlier: (em: EntityManager) => Promise<T | null | undefined>;
  /** the refusal when the key was used with other contents (each write says it in its own words) */
  reused: (earlier: T) => AppError;
}

/** The refusal of a key used before with other contents, on the field that carries the key. */
export const keyReused = (message: string, field = 'idempotencyKey', extensions?: Record<string, unknown>): AppError =>
  new AppError(ErrorCode.CONFLICT, message, field, ErrorReason.IDEMPOTENCY_KEY_REUSED, extensions);

/** The earlier row's id when it was asked with the same contents; the write's refusal otherwise. */
function replayed<T extends KeyedRow>(write: IdempotentWrite<T>, earlier: T): string {
  if (earlier.requestHash !== write.hash) throw write.reused(earlier);
  return earlier.id;
}

/**
 * Replay-or-insert inside the caller's transaction (after whatever locks and checks must come
 * first): the earlier row's id on a retry, else what `insert` answers.
 */
export async function replayOrInsert<T extends KeyedRow>(
  em: EntityManager,
  write: IdempotentWrite<T>,
  insert: () => Promise<string>,
): Promise<string> {
  const earlier = await write.earlier(em);
  return earlier ? replayed(write, earlier) : insert();
}

/**
 * Runs `work` (which calls replayOrInsert) in a transaction of its own. A concurrent retry with the
 * same key that loses the race to insert breaks the unique index; it then answers the winner's row
 * like any retry would.
 */
export async function idempotent<T extends KeyedRow>(
  ds: DataSource,
  write: IdempotentWrite<T>,
  work: (em: EntityManager) => Promise<string>,
): Promise<string> {
  try {
    return await ds.transaction(work);
  } catch (err) {
    if (!isUniqueViolation(err, write.constraint)) throw err;
    const earlier = await write.earlier(ds.manager);
    if (!earlier) throw err;
    return replayed(write, earlier);
  }
}

/**
 * `IdempotentWrite.earlier` for a table keyed by (its writer, request_key): the row `userId` wrote
 * under `key` (its id and fingerprint), or null; without a key, null.
 */
export async function earlierByKey(
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  writerColumn: string,
  userId: string,
  key: string | null | undefined,
): Promise<KeyedRow | null> {
  if (!key) return null;
  return (
    (await em
      .getRepository(entity)
      .createQueryBuilder('r')
      .select(['r.id AS id', 'r.request_hash AS "requestHash"'])
      .where(`r.${writerColumn} = :u AND r.request_key = :k`, { u: userId, k: key })
      .getRawOne<KeyedRow>()) ?? null
  );
}
