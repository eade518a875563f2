import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Code that holds a transaction open never waits on a second connection (docs/architecture.md, "The
 * database"): on PGlite, which the README's test command runs on, one session serves every
 * connection, so the second waits for the transaction and the transaction for the second, and the
 * request hangs. On PostgreSQL the same code passes, so the tests watch for it: a connection taken
 * while a transaction's work runs is recorded with its stack, and the test app's stop() fails with
 * what was recorded.
 */
export function watchSecondConnections(ds: DataSource): () => string[] {
  const inTransaction = new AsyncLocalStorage<true>();
  const seen: string[] = [];
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    const i = args.findIndex((a) => typeof a === 'function');
    const work = args[i] as (em: EntityManager) => Promise<unknown>;
    args[i] = (em: EntityManager) => inTransaction.run(true, () => work(em));
    return transaction(...args);
  }) as EntityManager['transaction'];
  const connect = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    if (inTransaction.getStore()) seen.push(new Error('a second connection inside a transaction').stack ?? '');
    return connect(...args);
  };
  return () => seen;
}
