import type { StatementService } from './statement.service';

/**
 * Issues last month's statements shortly after start and then every `minutes`: generating is
 * idempotent, so several API processes running it, or a run after a restart, issue each once.
 * Returns what stops it.
 */
export function startStatementJob(statements: StatementService, minutes: number, log: (err: unknown) => void): () => void {
  if (minutes <= 0) return () => {};
  const run = () => statements.generateDue().catch(log);
  const first = setTimeout(run, 5_000);
  const every = setInterval(run, minutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
