import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ErrorReason } from '@medchannel/shared-schema';
import { AppError, ErrorCode } from './errors';
import { IdempotentWrite, KeyedRow, fingerprint, idempotent, keyReused, replayOrInsert } from './idempotency';

/** A table of keyed rows in memory, with the unique index a database would keep, and one "transaction" at a time. */
function store() {
  const rows = new Map<string, KeyedRow>();
  const em = {} as EntityManager;
  const ds = {
    transaction: (work: (em: EntityManager) => Promise<string>) => work(em),
    manager: em,
  } as unknown as DataSource;
  const insert = (key: string, row: KeyedRow) => {
    if (rows.has(key))
      throw new QueryFailedError(
        'INSERT',
        [],
        Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'thing_key' }),
      );
    rows.set(key, row);
    return row.id;
  };
  const write = (key: string, contents: unknown): IdempotentWrite<KeyedRow> => ({
    hash: fingerprint(contents),
    constraint: 'thing_key',
    earlier: async () => rows.get(key) ?? null,
    reused: (earlier) => keyReused(`Key used for ${earlier.id}`),
  });
  return { rows, ds, insert, write };
}

test('the fingerprint is stable for the same contents and differs for others', () => {
  expect(fingerprint({ a: 1, b: ['x'] })).toBe(fingerprint({ a: 1, b: ['x'] }));
  expect(fingerprint({ a: 1, b: ['x'] })).toMatch(/^[0-9a-f]{64}$/);
  expect(fingerprint({ a: 1, b: ['x'] })).not.toBe(fingerprint({ a: 1, b: ['y'] }));
  expect(fingerprint(null)).not.toBe(fingerprint({}));
});

test('the first request inserts; a retry with the same contents replays it; other contents are refused as a reused key', async () => {
  const { rows, ds, insert, write } = store();
  let inserts = 0;
  const run = (contents: unknown, id: string) => {
    const w = write('k1', contents);
    return idempotent(ds, w, (em) =>
      replayOrInsert(em, w, async () => {
        inserts++;
        return insert('k1', { id, requestHash: w.hash });
      }),
    );
  };
  expect(await run({ qty: 1 }, 'first')).toBe('first');
  expect(await run({ qty: 1 }, 'second')).toBe('first');
  expect(inserts).toBe(1);
  const refused = await run({ qty: 2 }, 'third').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(AppError);
  expect((refused as AppError).extensions).toEqual({
    code: ErrorCode.CONFLICT,
    reason: ErrorReason.IDEMPOTENCY_KEY_REUSED,
    field: 'idempotencyKey',
  });
  expect((refused as AppError).message).toBe('Key used for first');
  expect([...rows.keys()]).toEqual(['k1']);
});

test('a retry that loses the race to insert answers the winner, or refuses when its contents differ', async () => {
  const { ds, insert, write } = store();
  // the winner commits between the loser's look for an earlier row and its insert
  const racing = (contents: unknown) => {
    const w = write('k2', contents);
    return idempotent(ds, w, (em) =>
      replayOrInsert(em, w, async () => {
        insert('k2', { id: 'winner', requestHash: fingerprint({ qty: 1 }) });
        return insert('k2', { id: 'loser', requestHash: w.hash });
      }),
    );
  };
  expect(await racing({ qty: 1 })).toBe('winner');
  const { ds: ds2, insert: insert2, write: write2 } = store();
  const w = write2('k3', { qty: 5 });
  const refused = idempotent(ds2, w, (em) =>
    replayOrInsert(em, w, async () => {
      insert2('k3', { id: 'winner', requestHash: fingerprint({ qty: 1 }) });
      return insert2('k3', { id: 'loser', requestHash: w.hash });
    }),
  );
  await expect(refused).rejects.toMatchObject({
    extensions: { code: ErrorCode.CONFLICT, reason: ErrorReason.IDEMPOTENCY_KEY_REUSED },
  });
});

test('other failures pass through untouched', async () => {
  const { ds, write } = store();
  const w = write('k4', {});
  const other = new QueryFailedError(
    'INSERT',
    [],
    Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'another_index' }),
  );
  await expect(idempotent(ds, w, () => Promise.reject(other))).rejects.toBe(other);
  const plain = new Error('boom');
  await expect(idempotent(ds, w, () => Promise.reject(plain))).rejects.toBe(plain);
});
