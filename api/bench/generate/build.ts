import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { hash } from '@node-rs/argon2';
import type { Scale } from '../scale';
import { API_DIR } from '../paths';
import { BENCH_PASSWORD, GenContext, Step, createFunctions } from './context';
import { tenant } from './steps/tenant';
import { catalog } from './steps/catalog';
import { hospitals } from './steps/hospitals';
import { distributors } from './steps/distributors';
import { orders } from './steps/orders';
import { ledger } from './steps/ledger';
import { credits } from './steps/credits';
import { statements } from './steps/statements';
import { visits } from './steps/visits';
import { audit } from './steps/audit';
import { opportunities } from './steps/opportunities';
import { inventory } from './steps/inventory';
import { placements } from './steps/placements';

/** Bump when a step writes different rows: a kept dataset of another version is rebuilt. */
const GENERATOR_VERSION = 10;

/** One step per table group, in dependency order. A new module adds its step here. */
const STEPS: Record<string, Step> = {
  tenant,
  catalog,
  hospitals,
  distributors,
  orders,
  ledger,
  credits,
  statements,
  visits,
  opportunities,
  inventory,
  placements,
  audit,
};
const STEP_KEYS = Object.keys(STEPS);

/**
 * The steps a build runs: all of them, or the named ones (a partial dataset for the reads being
 * compared, kept in a database of its own so it never stands in for the whole).
 */
function stepsOf(only: string[]): Step[] {
  const unknown = only.filter((key) => !STEPS[key]);
  if (unknown.length) throw new Error(`--steps: no step ${unknown.join(', ')}; the steps are ${STEP_KEYS.join(', ')}`);
  return STEP_KEYS.filter((key) => !only.length || only.includes(key)).map((key) => STEPS[key]);
}

export interface DataInfo {
  database: string;
  scale: Scale['name'];
  seed: string;
  version: number;
  builtOn: string;
  /** seconds the build took (the build that made the kept data, when it was reused) */
  buildSeconds: number;
  reused: boolean;
  steps: Array<{ name: string; seconds: number; summary: string }>;
  rows: Record<string, number>;
}

const databaseUrl = (adminUrl: string, database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/** Applies the API's own migrations (api/dist/db/cli.js), so the schema is exactly the product's. */
function migrate(url: string): void {
  const run = spawnSync(process.execPath, [path.join(API_DIR, 'dist', 'db', 'cli.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`migrations failed: ${run.stderr || run.stdout}`);
  const applied = run.stdout.trim().split('\n').pop();
  if (applied && !applied.includes('up to date')) console.log(`  ${applied}`);
}

async function readMeta(url: string): Promise<Record<string, string> | null> {
  const db = new Client({ connectionString: url });
  try {
    await db.connect();
  } catch {
    return null; // no database yet
  }
  try {
    const { rows } = await db.query(`SELECT key, value FROM bench_gen.meta`);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  } catch {
    return null;
  } finally {
    await db.end();
  }
}

/**
 * Makes sure the bench database holds the dataset for this scale, seed and generator version:
 * kept from an earlier run when it matches (and migrated, so new index migrations apply), else
 * dropped and built again. Prints each step with its time.
 */
export async function ensureData(opts: {
  adminUrl: string;
  scale: Scale;
  seed: string;
  rebuild: boolean;
  /** step keys; empty for the whole dataset */
  steps: string[];
}): Promise<DataInfo & { url: string }> {
  const chosen = stepsOf(opts.steps);
  // each step by its first two letters (all differ), so the name stays within PostgreSQL's 63 characters
  const partial = opts.steps.length
    ? `_${STEP_KEYS.filter((key) => opts.steps.includes(key))
        .map((key) => key.slice(0, 2))
        .join('_')}`
    : '';
  const database = `${opts.scale.name === 'full' ? 'medchannel_bench' : 'medchannel_bench_quick'}${partial}`;
  const url = databaseUrl(opts.adminUrl, database);
  const meta = opts.rebuild ? null : await readMeta(url);
  if (
    meta &&
    meta.complete === 'true' &&
    meta.version === String(GENERATOR_VERSION) &&
    meta.seed === opts.seed &&
    meta.scale === opts.scale.name
  ) {
    console.log(
      `data: reusing ${database} (${opts.scale.name}, seed ${opts.seed}, built ${meta.builtOn} in ${meta.buildSeconds} s; --rebuild to build again)`,
    );
    migrate(url);
    const info = JSON.parse(meta.info) as DataInfo;
    return { ...info, reused: true, url };
  }

  const started = Date.now();
  const admin = new Client({ connectionString: opts.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  console.log(`data: building ${database} (${opts.scale.name}, seed ${opts.seed})`);
  migrate(url);

  const db = new Client({ connectionString: url });
  await db.connect();
  const steps: DataInfo['steps'] = [];
  try {
    // The generator writes consistent rows by construction: foreign-key triggers stay off while it
    // loads (replica role), which makes the load several times faster. Append-only triggers only
    // refuse UPDATE and DELETE, which the generator never issues.
    await db.query(`SET session_replication_role = replica`);
    await db.query(`SET work_mem = '256MB'`);
    const ctx: GenContext = {
      db,
      scale: opts.scale,
      seed: opts.seed,
      passwordHash: await hash(BENCH_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    };
    await createFunctions(ctx);
    await db.query(`CREATE TABLE bench_gen.meta (key text PRIMARY KEY, value text NOT NULL)`);
    for (const step of chosen) {
      const t = Date.now();
      const summary = await step.run(ctx);
      // Later steps look rows up by index (a hospital's departments, say); without statistics on
      // the tables just filled, the planner walks the primary key instead: hours at full scale.
      await db.query(`ANALYZE`);
      const seconds = (Date.now() - t) / 1000;
      steps.push({ name: step.name, seconds, summary });
      console.log(`  ${step.name.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s  ${summary}`);
    }
    await db.query(`SET session_replication_role = DEFAULT`);
    const t = Date.now();
    await db.query(`VACUUM (ANALYZE)`);
    steps.push({ name: 'vacuum and analyze', seconds: (Date.now() - t) / 1000, summary: '' });
    console.log(`  ${'vacuum and analyze'.padEnd(58)} ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s`);
    const rows: Record<string, number> = {};
    for (const table of [
      'distributor',
      'app_user',
      'product',
      'hospital',
      'hospital_department',
      'purchase_order',
      'order_line',
      'order_event',
      'shipment',
      'shipment_item',
      'ledger_entry',
      'account_credit',
      'statement',
      'statement_line',
      'stock_movement',
      'stock_balance',
      'sell_out_month',
      'sell_out_hospital_month',
      'sell_out_hospital_last',
      'opportunity_funnel',
    ]) {
      const {
        rows: [r],
      } = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      rows[table] = r.n;
    }
    const info: DataInfo = {
      database,
      scale: opts.scale.name,
      seed: opts.seed,
      version: GENERATOR_VERSION,
      builtOn: new Date().toISOString().slice(0, 10),
      buildSeconds: Math.round((Date.now() - started) / 1000),
      reused: false,
      steps,
      rows,
    };
    const put = (key: string, value: string) =>
      db.query(`INSERT INTO bench_gen.meta (key, value) VALUES ($1, $2)`, [key, value]);
    for (const [key, value] of Object.entries({
      version: String(info.version),
      seed: info.seed,
      scale: info.scale,
      builtOn: info.builtOn,
      buildSeconds: String(info.buildSeconds),
      info: JSON.stringify(info),
    })) {
      await put(key, value);
    }
    await put('complete', 'true');
    console.log(`data: built in ${info.buildSeconds} s`);
    return { ...info, url };
  } finally {
    await db.end();
  }
}
