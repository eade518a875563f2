import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { Pool } from 'pg';
import { serialize } from 'pg-protocol';
import { startEmbeddedPostgres } from './embedded';

/** A bare wire-protocol client, so a test can send a statement's messages in separate packets. */
async function rawClient(url: string) {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = Buffer.alloc(0);
  socket.on('data', (d) => (received = Buffer.concat([received, d])));
  const messages = () => {
    const out: Array<{ type: string; body: Buffer }> = [];
    for (let at = 0; at + 5 <= received.length;) {
      const len = received.readInt32BE(at + 1);
      out.push({ type: String.fromCharCode(received[at]), body: received.subarray(at + 5, at + 1 + len) });
      at += 1 + len;
    }
    return out;
  };
  const readyCount = () => messages().filter((m) => m.type === 'Z').length;
  const waitReady = async (n: number) => {
    for (let i = 0; i < 200 && readyCount() < n; i++) await new Promise((r) => setTimeout(r, 10));
    if (readyCount() < n) throw new Error('no ReadyForQuery');
  };
  await new Promise((r) => socket.once('connect', r));
  socket.write(serialize.startup({ user: 'postgres', database: 'postgres' }));
  await waitReady(1);
  return {
    write: (...parts: Buffer[]) => socket.write(Buffer.concat(parts)),
    waitReady,
    errors: () =>
      messages()
        .filter((m) => m.type === 'E')
        .map((m) => m.body.toString('utf8')),
    /** The first column of each DataRow (text format). */
    values: () =>
      messages()
        .filter((m) => m.type === 'D')
        .map((m) => m.body.subarray(6, 6 + m.body.readInt32BE(2)).toString('utf8')),
    close: () => socket.end(),
  };
}

/** The embedded database must behave like a server: isolated connections, durable files. */
describe('embedded PGlite over the wire', () => {
  test('one connection’s Parse … Sync is not interleaved with another’s', async () => {
    const db = await startEmbeddedPostgres({ maxConnections: 4 });
    const a = await rawClient(db.url);
    const b = await rawClient(db.url);
    try {
      a.write(serialize.parse({ text: 'SELECT $1::int + $2::int + $3::int + $4::int' }));
      await new Promise((r) => setTimeout(r, 30));
      // b's statement, whole, while a's sits parsed but not yet bound
      b.write(
        serialize.parse({ text: 'SELECT $1::int * $2::int' }),
        serialize.bind({ values: ['6', '7'] }),
        serialize.execute(),
        serialize.sync(),
      );
      await new Promise((r) => setTimeout(r, 30));
      a.write(serialize.bind({ values: ['1', '2', '3', '4'] }), serialize.execute(), serialize.sync());
      await Promise.all([a.waitReady(2), b.waitReady(2)]);
      expect(a.errors()).toEqual([]);
      expect(b.errors()).toEqual([]);
      expect(a.values()).toEqual(['10']);
      expect(b.values()).toEqual(['42']);
    } finally {
      a.close();
      b.close();
      await db.stop();
    }
  });

  test('concurrent parameterised queries on many connections all answer right', async () => {
    const db = await startEmbeddedPostgres({ maxConnections: 10 });
    const pool = new Pool({ connectionString: db.url, max: 8 });
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2
            ? pool.query('SELECT $1::int + $2::int AS s', [i, 1]).then((r) => [r.rows[0].s, i + 1])
            : pool
                .query('SELECT $1::int + $2::int + $3::int + $4::int AS s', [i, 1, 1, 1])
                .then((r) => [r.rows[0].s, i + 3]),
        ),
      );
      for (const [got, want] of results) expect(got).toBe(want);
    } finally {
      await pool.end();
      await db.stop();
    }
  });

  test('a rolled-back transaction leaves nothing while others commit concurrently', async () => {
    const db = await startEmbeddedPostgres({ maxConnections: 10 });
    const pool = new Pool({ connectionString: db.url, max: 8 });
    try {
      await pool.query('CREATE TABLE t (n int)');
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const c = await pool.connect();
          try {
            await c.query('BEGIN');
            await c.query('INSERT INTO t VALUES ($1)', [i]);
            await c.query(i % 5 === 0 ? 'ROLLBACK' : 'COMMIT');
          } finally {
            c.release();
          }
        }),
      );
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM t');
      expect(rows[0].n).toBe(40);
    } finally {
      await pool.end();
      await db.stop();
    }
  });

  test('data survives a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-pglite-'));
    try {
      let db = await startEmbeddedPostgres({ dataDir: dir, maxConnections: 2 });
      let pool = new Pool({ connectionString: db.url, max: 1 });
      await pool.query(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('杭州康达')`);
      await pool.end();
      await db.stop();
      db = await startEmbeddedPostgres({ dataDir: dir, maxConnections: 2 });
      pool = new Pool({ connectionString: db.url, max: 1 });
      expect((await pool.query('SELECT v FROM kept')).rows).toEqual([{ v: '杭州康达' }]);
      await pool.end();
      await db.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
