import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './processes';

// E2E_DATABASE_URL (a PostgreSQL server's URL, as CI gives): the run's API gets a database of its own on it, made
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

/** Creates an empty database for this run on the server and returns its URL. */
export async function createRunDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `medchannel_e2e_${process.pid}_${Date.now().toString(36)}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops the run's database (the API has stopped by then; FORCE ends a connection left behind). */
export async function dropRunDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
