import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';
import { statementName, usePreparedStatements } from './prepared';

const prepared = (ds: DataSource): Promise<Array<{ name: string; statement: string }>> =>
  ds.query(`SELECT name, statement FROM pg_prepared_statements`);

test('a statement is named by its text; several statements in one text, and other commands, go unnamed', () => {
  const text = 'SELECT id FROM app_user WHERE id = $1';
  expect(statementName(text)).toMatch(/^mc_[\w-]{24}$/);
  expect(statementName(text)).toBe(statementName(` ${text}`.trim()));
  expect(statementName(`${text} LIMIT 1`)).not.toBe(statementName(text));
  expect(statementName('SELECT 1; SELECT 2')).toBeNull();
  expect(statementName('START TRANSACTION')).toBeNull();
  expect(statementName('SET LOCAL lock_timeout = 1000')).toBeNull();
});

describe('on the test database', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
    await ds.initialize();
  });
  afterAll(() => ds?.destroy());

  test('PostgreSQL prepares each statement once per connection and runs it again by name; PGlite gets none', async () => {
    const [{ version }] = await ds.query(`SELECT version() AS version`);
    const onPglite = /PGlite/.test(version);
    expect(await usePreparedStatements(ds)).toBe(!onPglite);
    const text = `SELECT count(*)::int AS n FROM app_user WHERE email <> $1`;
    const first = await ds.query(text, ['nobody@example.com']);
    expect(await ds.query(text, ['nobody@example.com'])).toEqual(first);
    const named = (await prepared(ds)).filter((p) => p.statement === text);
    expect(named.map((p) => p.name)).toEqual(onPglite ? [] : [statementName(text)]);
  });

  test('its connections compile no statement (jit off): compiling took longer than running the dashboard', async () => {
    const [{ version }] = await ds.query(`SELECT version() AS version`);
    // PGlite takes no startup options, and has no JIT to turn off
    const [row] = await ds.query(`SELECT current_setting('jit') AS jit, pg_jit_available() AS available`);
    expect(row).toEqual(
      /PGlite/.test(version) ? { jit: 'on', available: false } : { jit: 'off', available: row.available },
    );
  });
});

test('on PGlite, one session for every connection, statements stay unnamed and connections do not collide', async () => {
  // a small shared_buffers: PGlite zeroes them at start
  const pglite = await startEmbeddedPostgres({ maxConnections: 6, sharedBuffers: '16MB' });
  const ds = createDataSource(pglite.url, { poolSize: 4 });
  try {
    await ds.initialize();
    expect(await usePreparedStatements(ds)).toBe(false);
    const text = `SELECT $1::int + 1 AS n`;
    // the pool's connections in parallel, the same text on each: a name prepared by one would fail the others
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => ds.query(text, [i])));
    expect(answers.map(([r]) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await prepared(ds)).toEqual([]);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pglite.stop();
  }
}, 240_000);
