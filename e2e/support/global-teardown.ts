import { rmSync } from 'node:fs';
import { dropRunDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__E2E__;
  if (!state) return;
  await Promise.all(
    state.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => {
            if (child.exitCode === null) child.kill('SIGKILL');
            resolve();
          }, 5000).unref();
        }),
    ),
  );
  for (const dataDir of state.dataDirs) rmSync(dataDir, { recursive: true, force: true });
  // every stack's database (the APIs have stopped by then)
  await Promise.all(state.databases.map(({ server, name }) => dropRunDatabase(server, name)));
}
