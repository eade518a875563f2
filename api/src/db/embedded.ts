import fs from 'node:fs';
import net from 'node:net';
import { Extension, PGlite } from '@electric-sql/pglite';

// The contrib entry's types are declared ESM-only though it ships a CommonJS build, which this
// CommonJS module loads: required, with the type the main entry gives.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionQueue } from './pglite-session-queue';

export interface EmbeddedPostgres {
  url: string;
  /** The data directory as a tarball, checkpointed first, to start another PGlite from (the tests' template). */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A tarball PGlite can load: all it reads of the Blob it is given is its bytes and its type. */
export type Tarball = Pick<Blob, 'arrayBuffer' | 'type'>;

/** A tarball kept in memory, loaded by many PGlites without a copy each (Node's Blob copies it through a stream every time it is read). */
export function tarballInMemory(bytes: Uint8Array): Tarball {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { type: 'application/x-tar', arrayBuffer: async () => buffer };
}

/**
 * PGlite served over the Postgres wire protocol, so the API talks to it through `pg` exactly as
 * it talks to a real PostgreSQL: one code path. (The in-process driver shares one connection and
 * does not isolate concurrent transactions.) `dataDir` undefined keeps everything in memory;
 * `loadDataDir` starts from another one's `dumpDataDir()`. `sharedBuffers` (PostgreSQL's
 * `shared_buffers`, default 128MB) is memory PGlite zeroes at every start: a small database
 * started many times (a test file's own) starts faster with less.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  loadDataDir?: Tarball;
  sharedBuffers?: string;
  port?: number;
  maxConnections: number;
}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const startParams = opts.sharedBuffers
    ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`]
    : undefined;
  // extensions the migrations create must be loaded when PGlite starts (pg_trgm: hospital search)
  const db = await PGlite.create(opts.dataDir, {
    extensions: { pg_trgm },
    loadDataDir: opts.loadDataDir as Blob | undefined,
    startParams,
  });
  const port = opts.port || (await freePort());
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: opts.maxConnections });
  // Handlers take the server's queue when a client connects, so swapping it before start suffices.
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async dumpDataDir() {
      // else every PGlite started from the dump replays the WAL since PGlite's last checkpoint
      await db.exec('CHECKPOINT');
      return db.dumpDataDir('none');
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
