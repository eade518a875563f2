import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BUDGETS, initialJs, routeChunks } = require('./bundle-size.cjs') as typeof import('./bundle-size.cjs');

const REPO = join(__dirname, '..');

// The budgets live in bundle-size.cjs, which the benchmark's report reads too.
test.each(Object.entries(BUDGETS))('%s initial JS stays within its gzip budget', (app, budget) => {
  const { gzip } = initialJs(join(REPO, app, 'dist'));
  expect(gzip).toBeLessThanOrEqual(budget);
});

test.each(Object.keys(BUDGETS))('%s splits its routes into lazy chunks', (app) => {
  expect(routeChunks(join(REPO, app, 'dist')).length).toBeGreaterThan(3);
});
