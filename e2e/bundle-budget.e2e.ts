import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { initialJs } = require('./bundle-size.cjs') as typeof import('./bundle-size.cjs');

const REPO = join(__dirname, '..');
const KB = 1024;

// Reps open the portal on a phone in hospital corridors: its first load has a hard budget.
test('portal initial JS stays within 250 KB gzip', () => {
  const { gzip } = initialJs(join(REPO, 'portal-partner', 'dist'));
  expect(gzip).toBeLessThanOrEqual(250 * KB);
});

test('console initial JS stays within 300 KB gzip', () => {
  const { gzip } = initialJs(join(REPO, 'console-internal', 'dist'));
  expect(gzip).toBeLessThanOrEqual(300 * KB);
});
