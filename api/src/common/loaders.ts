import DataLoader from 'dataloader';

/** Batches by id; a key the scope hides resolves to null, exactly like one that does not exist. */
export function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Batches one-to-many by a parent key. */
export function groupedBy<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string | null) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const row of await fetch(keys)) {
      const key = keyOf(row);
      if (key !== null) groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Batches one-to-one by a key other than the row's id (at most one row per key; a missing one is null). */
export function byKey<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T | null>(async (keys) => {
    const found = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/**
 * One loader per set of arguments, made when first asked: a page of parents asking a field with the
 * same arguments (a day, a page size and cursor) shares one batch; other arguments get their own.
 */
export function perArgs<A, L>(keyOf: (args: A) => string, make: (args: A) => L) {
  const loaders = new Map<string, L>();
  return (args: A): L => {
    const key = keyOf(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
}
