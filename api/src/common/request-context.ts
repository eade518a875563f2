import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request bookkeeping that must follow the request through every await (SQL count). */
export interface RequestStats {
  sqlCount: number;
}

export const requestStats = new AsyncLocalStorage<RequestStats>();

export function countSql(): void {
  const stats = requestStats.getStore();
  if (stats) stats.sqlCount += 1;
}
