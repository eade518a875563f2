import { SCALES, Scale } from './scale';

export interface Options {
  scale: Scale;
  seed: string;
  rebuild: boolean;
  /** build (or check) the data and stop */
  dataOnly: boolean;
  concurrency: number[];
  warmupSeconds: number;
  seconds: number;
  /** operation names to run (all when empty) */
  only: string[];
  /** generator steps to build (all when empty): a partial dataset in a database of its own */
  steps: string[];
  adminUrl: string;
  /** where results go (json and markdown) */
  outDir: string;
  /** a label for this run in the results ("before", "after", …) */
  label: string;
}

const HELP = `pnpm bench [--quick] [--rebuild] [--data-only] [--concurrency 1,8,32] [--seconds 7] [--warmup 1.5]
           [--only portal.catalog,console.aging] [--seed bench-1] [--label after]
           [--steps tenant,catalog,hospitals,distributors,inventory]
  --quick      small data (${SCALES.quick.orders} orders), concurrency 8, 3 s per measurement: CI's run (< 3 min)
  --rebuild    build the data again even when the kept dataset matches
  --steps      build only these generator steps, into medchannel_bench[_quick]_<steps' first two letters>
  env BENCH_PG_URL  an admin connection (default postgres://postgres@127.0.0.1:5432/postgres)`;

export function parseOptions(argv: string[]): Options {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${HELP}`);
    const [key, inline] = a.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) args.set(key, inline);
    else if (next !== undefined && !next.startsWith('--')) args.set(key, argv[++i]);
    else args.set(key, true);
  }
  if (args.has('help')) {
    console.log(HELP);
    process.exit(0);
  }
  const known = ['quick', 'rebuild', 'data-only', 'concurrency', 'seconds', 'warmup', 'only', 'seed', 'label', 'steps'];
  for (const key of args.keys()) if (!known.includes(key)) throw new Error(`unknown option --${key}\n${HELP}`);
  const quick = args.has('quick');
  const str = (key: string, fallback: string) =>
    typeof args.get(key) === 'string' ? (args.get(key) as string) : fallback;
  const num = (key: string, fallback: number) => {
    const value = Number(str(key, String(fallback)));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number`);
    return value;
  };
  const concurrency = str('concurrency', quick ? '8' : '1,8,32')
    .split(',')
    .map(Number);
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1 || c > 256))
    throw new Error('--concurrency takes whole numbers 1..256');
  return {
    scale: quick ? SCALES.quick : SCALES.full,
    seed: str('seed', 'bench-1'),
    rebuild: args.has('rebuild'),
    dataOnly: args.has('data-only'),
    concurrency,
    warmupSeconds: num('warmup', quick ? 1 : 1.5),
    seconds: num('seconds', quick ? 3 : 7),
    only: str('only', '').split(',').filter(Boolean),
    steps: str('steps', '').split(',').filter(Boolean),
    adminUrl: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    outDir: '',
    label: str('label', quick ? 'quick' : 'full'),
  };
}
