// Browser tests: the BUILT apps served by scripts/serve-static.mjs, a real API, Debian's Chromium.
//   pnpm exec jest -c e2e/jest.config.cjs
// Test files run in E2E_WORKERS Jest workers (1 unless set; 2 halves the time but has failed CI twice on tests that
// depend on the seed's state or on their retry, see the 2026-12-07 note), each against a stack of its own: an API on a fresh
// PGlite and the two apps' static servers (support/global-setup.ts, support/stack.ts), so workers share no login
// throttle and no data. E2E_DATABASE_URL=postgres://…/postgres runs each API on a database of its own on that
// server (created, then dropped). E2E_API_URL=http://127.0.0.1:4000 reuses a running API instead: one worker.
// Needs: apt-get install -y chromium fonts-wqy-microhei (without a CJK font, screenshots show boxes).
// Builds an app whose dist/ is missing; E2E_REBUILD=1 rebuilds both. Screenshots: e2e/screenshots/.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  setupFiles: ['<rootDir>/support/worker-stack.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/retry.ts'],
  // One API per worker, one login throttle per API. The tests mostly wait on the browser and the API, so
  // two workers overlap those waits even on two cores.
  maxWorkers: process.env.E2E_API_URL ? 1 : Number(process.env.E2E_WORKERS || 1),
  // A whole scenario's limit, not a wait's (each wait keeps its own, 15 s unless it says). The longest scenario,
  // console-visits' co-visit, takes 52 s in one worker and took 79-92 s in two on a loaded 2-core machine, once
  // past the former 90 s limit on both attempts.
  testTimeout: 180_000,
  slowTestThreshold: 30,
};
