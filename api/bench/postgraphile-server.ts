import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The PostGraphile 5 peer (bench/peer.ts starts it): PostGraphile serving the bench database as it
 * comes out of the box (the Amber preset, simplified inflection), with no authorization at all.
 * PostGraphile is not a dependency of the project: it is loaded from the directory
 * BENCH_POSTGRAPHILE names, where it was installed on its own (see peer.ts), so `pnpm install`
 * and `pnpm bench --quick` never fetch it. `GET /sql-count` answers how many statements its pg has
 * sent so far (peer.ts reads it around a few requests: statements per request).
 *
 *   BENCH_POSTGRAPHILE=<dir> DATABASE_URL=… PORT=… node api/dist/bench/postgraphile-server.js  (Node ≥ 22)
 */
type Loaded = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function main(): Promise<void> {
  const dir = process.env.BENCH_POSTGRAPHILE;
  if (!dir) throw new Error('BENCH_POSTGRAPHILE names the directory PostGraphile 5 is installed in');
  // on an older Node it starts, then answers every query with an internal error
  if (Number(process.versions.node.split('.')[0]) < 22) throw new Error('PostGraphile 5 needs Node 22 or later');
  const from = createRequire(path.join(path.resolve(dir), 'package.json'));
  const load = (name: string): Loaded => from(name);
  const { postgraphile } = load('postgraphile');
  const { PostGraphileAmberPreset } = load('postgraphile/presets/amber');
  const { makePgService } = load('postgraphile/adaptors/pg');
  const { grafserv } = load('postgraphile/grafserv/node');
  const { PgSimplifyInflectionPreset } = load('@graphile/simplify-inflection');
  // every statement PostGraphile's pg sends (begin and commit too), as the API's capture counts them
  let statements = 0;
  const { Client } = load('pg');
  const query = Client.prototype.query;
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  };
  const port = Number(process.env.PORT);
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    pgServices: [
      makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } }),
    ],
    grafserv: { port, graphiql: false },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  // the handler rather than addTo: /sql-count is answered here, everything else by grafserv (no websockets needed)
  const handle = serv.createHandler();
  const server = createServer((req, res) => {
    if (req.url === '/sql-count') res.end(String(statements));
    else handle(req, res);
  });
  server.listen(port, '127.0.0.1', () => console.log(`PostGraphile peer on http://127.0.0.1:${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
