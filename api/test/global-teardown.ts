import fs from 'node:fs';
import { TIMINGS_FILE } from './test-database';

export default async function globalTeardown() {
  const template = (globalThis as { __testTemplate?: { drop(): Promise<void> } }).__testTemplate;
  const started = Date.now();
  await template?.drop();
  const timings = process.env[TIMINGS_FILE];
  if (timings && fs.existsSync(timings)) {
    const files = fs
      .readFileSync(timings, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<'setupMs' | 'setupCpuMs' | 'teardownMs', number>);
    const sum = (k: 'setupMs' | 'setupCpuMs' | 'teardownMs') => files.reduce((s, f) => s + f[k], 0);
    const [setup, setupCpu, teardown] = [sum('setupMs'), sum('setupCpuMs'), sum('teardownMs')];
    console.log(
      `test databases: ${files.length} files, setup ${Math.round(setup)} ms (${Math.round(setup / files.length)} per file; ` +
        `CPU ${Math.round(setupCpu)} ms, ${Math.round(setupCpu / files.length)} per file), ` +
        `teardown ${Math.round(teardown)} ms (${Math.round(teardown / files.length)} per file), ` +
        `template dropped in ${Date.now() - started} ms`,
    );
  }
}
