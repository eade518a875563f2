import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './processes';

// E2E_DATABASE_URL (a PostgreSQL server's URL, as CI gives): each of the run's APIs gets a database of its own on it, made
// empty here and dropped at the end, instead of the embedded PGlite; the quick start's tests keep PGlite.
type Client = { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> };
const { Client: PgClient } = createRequire(join(REPO, 'api', 'package.json'))('pg') as {
  Client: new (o: { connectionString: string }) => Client;
};

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new PgClient({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let made = 0;

/** Creates an empty database for one of this run's stacks on the server and returns its URL. */
export async function createRunDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  // the run's stacks are made at once, in one process and often one millisecond: each is numbered
  made += 1;
  const name = `medchannel_e2e_${process.pid}_${Date.now().toString(36)}_${made}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops the run's database (the API has stopped by then; FORCE ends a connection left behind). */
export async function dropRunDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
