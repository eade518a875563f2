/**
 * Runs a job shortly after start and then every `minutes` (0: never, as in tests). Jobs are
 * idempotent, so several API processes running one, or a run after a restart, do each thing once.
 * Returns what stops it.
 */
export function startPeriodicJob(
  run: () => Promise<unknown>,
  minutes: number,
  log: (err: unknown) => void,
): () => void {
  if (minutes <= 0) return () => {};
  const once = () => void run().catch(log);
  const first = setTimeout(once, 5_000);
  const every = setInterval(once, minutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
