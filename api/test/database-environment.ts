import fs from 'node:fs';
import { createRequire } from 'node:module';
import { TIMINGS_FILE, TestDatabase, cloneTestDatabase } from './test-database';

// jest's own node environment (a dependency of jest-config), reached through jest rather than declared again
const fromJest = createRequire(require.resolve('jest'));
const fromCore = createRequire(fromJest.resolve('@jest/core'));
const fromConfig = createRequire(fromCore.resolve('jest-config'));
const { TestEnvironment: NodeEnvironment } = fromConfig('jest-environment-node') as {
  TestEnvironment: new (...args: any[]) => {
    global: typeof globalThis;
    setup(): Promise<void>;
    teardown(): Promise<void>;
  };
};

/**
 * The node environment, with a database of the test file's own: cloned from the run's template
 * before the file loads (its URL in TEST_DATABASE_URL), dropped after its last afterAll.
 */
export default class DatabaseEnvironment extends NodeEnvironment {
  private db?: TestDatabase;
  private readonly testPath: string;
  private setupMs = 0;
  private setupCpuMs = 0;

  constructor(config: unknown, context: { testPath: string }) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    const [started, cpu] = [performance.now(), process.cpuUsage()];
    this.db = await cloneTestDatabase();
    this.setupMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // this process's own share, which other processes on the machine do not stretch (PGlite works in it)
    this.setupCpuMs = (used.user + used.system) / 1000;
    this.global.process.env.TEST_DATABASE_URL = this.db.url;
  }

  async teardown() {
    const started = performance.now();
    await this.db?.drop();
    const teardownMs = performance.now() - started;
    const timings = process.env[TIMINGS_FILE];
    if (timings && this.db) {
      const line = {
        file: this.testPath,
        pid: process.pid,
        setupMs: this.setupMs,
        setupCpuMs: this.setupCpuMs,
        teardownMs,
      };
      fs.appendFileSync(timings, `${JSON.stringify(line)}\n`);
    }
    await super.teardown();
  }
}
