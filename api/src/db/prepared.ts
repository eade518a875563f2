import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { logOf } from '../common/logger';

/**
 * Plan once: the statements the API sends go to PostgreSQL as named prepared statements, so each
 * connection parses and plans a statement the first time it runs it and only binds and executes
 * it after that (pg keeps the names a connection has prepared). The name is derived from the SQL
 * text, so the same text is the same statement on every connection of every process.
 *
 * Only single DML statements are named (a name makes pg use the extended protocol, which refuses
 * several statements in one text and gains nothing on BEGIN or SET). The texts come from the
 * code, not from input, but an IN list's length varies with it: past MAX_NAMED distinct texts a
 * process sends the rest unnamed, so no connection holds more than that many statements.
 *
 * PGlite is one PostgreSQL session shared by every socket (db/embedded.ts): a name one connection
 * prepared exists for all of them and another connection's Parse of it fails. There the API sends
 * every statement unnamed, as before (usePreparedStatements finds out which server it talks to).
 */
const MAX_NAMED = 1000;
const PREPARABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;
const names = new Map<string, string>();

/** The name a statement is prepared under, or null when it is sent unnamed. */
export function statementName(text: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_NAMED || text.includes(';') || !PREPARABLE.test(text)) return null;
  const name = `mc_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** PostgreSQL refuses to run a prepared statement whose result columns a schema change altered (0A000). */
const isStalePlan = (err: unknown) =>
  (err as { code?: string })?.code === '0A000' && /cached plan must not change result type/.test(String(err));

interface Switch {
  on: boolean;
}
const switches = new WeakMap<DataSource, Switch>();

/**
 * A pg Client that names what TypeORM sends (TypeORM calls `query(text, parameters)`) while the
 * data source's switch is on. Every connection also listens for 'error' from the moment it exists:
 * one the server terminates emits it, and one emitted while nobody listens (between the pool
 * handing the client out and TypeORM attaching its own listener) ends the process. The failed
 * query itself rejects and is answered UNAVAILABLE (common/errors.ts); the pool drops the client.
 */
export function preparingClient(prepare: Switch): typeof pg.Client {
  return class PreparingClient extends pg.Client {
    /** off on this connection after a schema change made one of its statements stale */
    private naming = true;

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', (err: Error) => logOf('db').error({ reason: err.message }, 'connection lost'));
    }

    // pg's overloads cannot be restated one by one; TypeORM uses the (text, values) form
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    query(...args: any[]): any {
      const [text, values] = args;
      const name = prepare.on && this.naming && typeof text === 'string' ? statementName(text) : null;
      if (!name || args.length > 2) return super.query(...(args as [string]));
      const sent = super.query({ name, text, values: values ?? [] }) as Promise<pg.QueryResult>;
      return sent.catch((err: unknown) => {
        if (isStalePlan(err)) this.naming = false;
        throw err;
      });
    }
  };
}

/** The switch createDataSource gives its clients, kept for usePreparedStatements. */
export function clientSwitch(ds: DataSource, prepare: Switch): void {
  switches.set(ds, prepare);
}

/** Turns naming on for an initialized data source unless it talks to PGlite; answers whether it did. */
export async function usePreparedStatements(ds: DataSource): Promise<boolean> {
  const prepare = switches.get(ds);
  if (!prepare) return false;
  const [{ version }] = await ds.query(`SELECT version() AS version`);
  prepare.on = !/PGlite/i.test(String(version));
  return prepare.on;
}
