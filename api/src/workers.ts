import cluster from 'node:cluster';

/**
 * The primary of `API_WORKERS=N`: N worker processes (node's cluster) serve one port, the primary
 * handing each connection to one of them. It prepares the database once before any worker starts
 * (`prepare`: migrations and the demo outside production), starts a worker again when one dies
 * after it served (a crash, a `kill -9`), and on SIGTERM/SIGINT asks every worker to stop (each
 * drains its requests and jobs) and exits once they have. A worker that dies before it ever
 * listened (a bad setting, a database it cannot reach) stops the whole: starting it again would
 * fail again.
 */
export async function runPrimary(workers: number, prepare: () => Promise<void>): Promise<void> {
  await prepare();
  const listened = new Set<number>();
  let stopping = false;
  cluster.on('listening', (worker) => {
    listened.add(worker.id);
    console.log(`[workers] worker ${worker.process.pid} serving (${listened.size} of ${workers} started)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const served = listened.delete(worker.id);
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit();
      return;
    }
    if (!served) {
      console.error(`[workers] worker ${worker.process.pid} stopped before it served (${signal ?? code}): stopping`);
      stop('worker failure', 1);
      return;
    }
    console.error(`[workers] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`[workers] ${why}: stopping the workers`);
    const running = Object.values(cluster.workers ?? {});
    if (!running.length) process.exit(code);
    for (const worker of running) worker?.process.kill('SIGTERM');
    if (code) process.exitCode = code;
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  console.log(`[workers] starting ${workers} API processes on one port`);
  for (let i = 0; i < workers; i++) cluster.fork();
}

export const isWorker = () => cluster.isWorker;

/** Whether this process prints what is printed once (the demo logins): the only process, or the first worker. */
export const isFirstProcess = () => !cluster.isWorker || cluster.worker?.id === 1;
