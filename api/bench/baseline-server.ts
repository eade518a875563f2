/**
 * The raw-SQL baseline: for each operation, the statements the API issued for it (captured once),
 * replayed in the same order through one pg pool of the API's size, behind a bare http handler
 * that answers every result set as JSON. No GraphQL, no ORM, no scope building: what the data
 * costs when fetched "by hand". GET /op/<name>.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Pool, types } from 'pg';

types.setTypeParser(1082, (value: string) => value); // dates as the API reads them

const statements: Record<string, Array<{ text: string; values: unknown[] }>> = JSON.parse(
  readFileSync(process.env.BENCH_STATEMENTS!, 'utf8'),
);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });

const server = http.createServer(async (req, res) => {
  const name = decodeURIComponent((req.url ?? '').replace(/^\/op\//, ''));
  const list = statements[name];
  if (!list) {
    res.writeHead(404).end();
    return;
  }
  try {
    const results: unknown[] = [];
    for (const s of list) results.push((await pool.query(s.text, s.values)).rows);
    const body = JSON.stringify({ data: results });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [String(err)] }));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline listening'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
