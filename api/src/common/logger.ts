import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * LOG_LEVEL when set (fatal … trace, silent); otherwise info, and silent under jest so test runs
 * stay quiet (a test that reads the log raises the level itself).
 */
function logLevelOf(env: Record<string, string | undefined>): string {
  const asked = env.LOG_LEVEL?.trim().toLowerCase();
  if (asked) {
    if (!LEVELS.includes(asked)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${asked}"`);
    return asked;
  }
  return env.JEST_WORKER_ID ? 'silent' : 'info';
}

/**
 * The API's one logger: a JSON object per line on stdout (pino). Nothing logs passwords, tokens,
 * cookies or request bodies; the paths below are blanked in case one ever reaches an object
 * logged (a failed statement's parameters can hold a token's hash).
 */
export const logger = pino(
  {
    level: logLevelOf(process.env),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'authorization',
        '*.authorization',
        'err.parameters',
        'err.driverError.parameters',
        'variables',
        'body',
      ],
      censor: '[redacted]',
    },
  },
  // through process.stdout (not pino's own file descriptor writer): a test can read it
  process.stdout,
);

/** A part of the API's log (`component` says which: jobs, outbox, db, http …). */
export const logOf = (component: string) => logger.child({ component });
