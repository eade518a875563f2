// Browser tests: the BUILT apps served by scripts/serve-static.mjs, a real API, Debian's Chromium.
//   pnpm exec jest -c e2e/jest.config.cjs
// E2E_API_URL=http://127.0.0.1:4000 reuses a running API instead of starting one on a fresh PGlite;
// E2E_DATABASE_URL=postgres://…/postgres runs that API on a database of its own on that server (created, then dropped).
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
  setupFilesAfterEnv: ['<rootDir>/support/retry.ts'],
  // One API, one login throttle: files run one after another.
  maxWorkers: 1,
  testTimeout: 90_000,
  slowTestThreshold: 30,
};
