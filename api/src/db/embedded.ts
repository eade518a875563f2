import fs from 'node:fs';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionQueue } from './pglite-session-queue';

export interface EmbeddedPostgres {
  url: string;
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

/**
 * PGlite served over the Postgres wire protocol, so the API talks to it through `pg` exactly as
 * it talks to a real PostgreSQL: one code path. (The in-process driver shares one connection and
 * does not isolate concurrent transactions.) `dataDir` undefined keeps everything in memory.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; maxConnections: number }): Promise<EmbeddedPostgres> {
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir);
  const port = opts.port || (await freePort());
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: opts.maxConnections });
  // Handlers take the server's queue when a client connects, so swapping it before start suffices.
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
