import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors';
import { logOf } from '../common/logger';
import { SESSION_OPTIONS, applicationName } from './data-source';
import { preparingClient } from './prepared';

/**
 * Report reads on a streaming replica (READ_REPLICA_URL). Everything reads and writes the primary
 * by default; only a read its caller names — a dashboard, an export, the aging — runs inside
 * `ReadReplica.read`, and every statement issued inside it takes its connection from the replica's
 * pool instead of the primary's. The services stay as they are (the export and the screen share
 * one list query): the caller decides where the query runs, never the service. A mutation, and
 * whatever reads after one, is never inside `read`, so it always sees its own write; a write that
 * slipped into a report read fails on the read-only standby instead of going stale unnoticed.
 *
 * A replica that cannot be reached is no outage: its reads go to the primary (which answers them
 * correctly, only with more load on it), one warning is logged, and the replica is tried again
 * after RETRY_MS — not on each read, which would pay the connection timeout every time.
 */
export interface ReadReplica {
  /** Runs `read` with its statements on the replica when there is one; on the primary otherwise. */
  read<T>(read: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

const onReplica = new AsyncLocalStorage<true>();
const log = logOf('replica');
const RETRY_MS = 10_000;

/** Whether the statements run now go to the replica: a read that keeps what it computed (the aging) skips keeping it there (read-only). */
export const readsOnReplica = (): boolean => onReplica.getStore() === true;

/** Without READ_REPLICA_URL: every read on the primary, and no AsyncLocalStorage switched on. */
export const noReplica: ReadReplica = { read: (read) => read(), stop: async () => {} };

type Release = (err?: Error | boolean) => void;
type Obtain = () => Promise<[pg.PoolClient, Release]>;

/** Routes the report reads of an initialized PostgreSQL data source to the replica at `url`. */
export function useReadReplica(ds: DataSource, url: string, opts: { poolSize: number }): ReadReplica {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize,
    application_name: applicationName(),
    options: SESSION_OPTIONS,
    connectionTimeoutMillis: 3_000,
    Client: preparingClient({ on: true }),
  });
  pool.on('error', (err) => log.error({ reason: err.message }, 'idle replica connection lost'));
  let downUntil = 0;
  const driver = ds.driver as unknown as { obtainMasterConnection: Obtain };
  const primary: Obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    if (!onReplica.getStore() || Date.now() < downUntil) return primary();
    try {
      const client = await pool.connect();
      return [client, (err) => client.release(err)];
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      downUntil = Date.now() + RETRY_MS;
      log.warn(
        { reason: (err as Error).message, retryInSeconds: RETRY_MS / 1000 },
        'read replica unreachable: report reads go to the primary',
      );
      return primary();
    }
  };
  return {
    read: (read) => onReplica.run(true, read),
    async stop() {
      driver.obtainMasterConnection = primary;
      await pool.end();
    },
  };
}
