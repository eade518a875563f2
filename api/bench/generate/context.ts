import type { Client } from 'pg';
import type { Scale } from '../scale';

/** What every generator step gets: one connection (FK triggers off, see build.ts), the scale and the seed. */
export interface GenContext {
  db: Client;
  scale: Scale;
  seed: string;
  /** one argon2 hash of the bench password, shared by every user (hashing 5,000 would take minutes) */
  passwordHash: string;
}

/** One table group. `run` answers a line for the progress log (what it wrote). */
export interface Step {
  name: string;
  run(ctx: GenContext): Promise<string>;
}

export async function count(ctx: GenContext, table: string): Promise<number> {
  const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

/**
 * Deterministic "random" in SQL: every value is a hash of the seed and a key naming what it is for
 * (`'o-age:' || i`), so a rebuild with the same seed writes the same rows, ids included, and no data
 * travels through Node. Ids are v4-shaped so every uuid check in the API accepts them.
 */
export async function createFunctions(ctx: GenContext): Promise<void> {
  const seed = ctx.seed.replace(/'/g, "''");
  await ctx.db.query(`CREATE SCHEMA IF NOT EXISTS bench_gen`);
  await ctx.db.query(`CREATE OR REPLACE FUNCTION bench_gen.h(key text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT md5('${seed}:' || key) $$`);
  await ctx.db
    .query(`CREATE OR REPLACE FUNCTION bench_gen.uid(key text) RETURNS uuid IMMUTABLE PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT (substr(x, 1, 8) || '-' || substr(x, 9, 4) || '-4' || substr(x, 14, 3) || '-8' || substr(x, 18, 3) || '-' || substr(x, 21, 12))::uuid
          FROM (SELECT bench_gen.h(key) AS x) s $$`);
  await ctx.db
    .query(`CREATE OR REPLACE FUNCTION bench_gen.rnd(key text) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT ('x' || substr(bench_gen.h(key), 1, 12))::bit(48)::bigint / 281474976710656.0 $$`);
  await ctx.db
    .query(`CREATE OR REPLACE FUNCTION bench_gen.pick(key text, n int) RETURNS int IMMUTABLE PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT floor(bench_gen.rnd(key) * n)::int $$`);
}

/** Users the benchmark logs in as (password BENCH_PASSWORD). */
export const BENCH_PASSWORD = 'Bench#2026';
export const benchEmails = {
  admin: 'admin@bench.demo',
  orderDesk: 'order@bench.demo',
  finance: 'finance@bench.demo',
  /** owner of distributor 1, which has a second-tier distributor under it */
  owner: 'u1@d0001.bench.demo',
};
