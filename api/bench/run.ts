import { parseOptions } from './options';
import { runBench } from './bench';
import { RESULTS_DIR } from './paths';

/** `pnpm bench [--quick] …`: see options.ts and BENCHMARKS.md. */
async function main() {
  const options = { ...parseOptions(process.argv.slice(2)), outDir: RESULTS_DIR };
  const clean = await runBench(options);
  process.exit(clean ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
