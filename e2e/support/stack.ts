// Which stack (API, database, the two apps' static servers: support/global-setup.ts) this Jest worker's test
// files run against. Global setup starts one per worker and lists them in E2E_STACKS; each test file,
// before anything else, takes its worker's addresses into its process.env, where support/browser.ts, the
// seed's calendar and the tests read them. Two workers never share an API: its login throttle, mail and
// seeded records are one worker's alone.

/** The environment a test file reads its stack from. */
export interface Stack {
  E2E_CONSOLE_URL: string;
  E2E_PORTAL_URL: string;
  E2E_SEED_PERIOD?: string;
  E2E_SEED_DAY?: string;
  E2E_RUN_DATABASE_URL?: string;
}

export const STACKS_KEY = 'E2E_STACKS';

/** Takes this worker's stack into `env` (a test file's process.env): support/worker-stack.ts, before each file. */
export function useWorkerStack(env: NodeJS.ProcessEnv): void {
  const listed = env[STACKS_KEY];
  if (!listed) return;
  const stacks = JSON.parse(listed) as Stack[];
  // 1-based; a run in band is worker 1
  const worker = Number(env.JEST_WORKER_ID ?? '1');
  const stack = stacks[worker - 1];
  if (!stack)
    throw new Error(
      `Jest worker ${worker} has no stack of its own (global setup started ${stacks.length}); ` +
        'with E2E_API_URL the browser tests run in one worker',
    );
  for (const key of [
    'E2E_CONSOLE_URL',
    'E2E_PORTAL_URL',
    'E2E_SEED_PERIOD',
    'E2E_SEED_DAY',
    'E2E_RUN_DATABASE_URL',
  ] as const) {
    // every stack has the same keys; one it lacks (the seed's day with E2E_API_URL) keeps the value given
    const value = stack[key];
    if (value !== undefined) env[key] = value;
  }
}
