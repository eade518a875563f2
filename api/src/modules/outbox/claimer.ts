import { randomInt } from 'node:crypto';
import { Client } from 'pg';

/** The first key of the advisory locks that say "this deliverer is alive" ('mcob'). */
export const CLAIMER_LOCK_NAMESPACE = 0x6d636f62;

/**
 * A deliverer's proof of life: one connection of its own holding a session advisory lock under a
 * random id for as long as the process lives. Events it claims carry that id; when the process
 * dies its session ends, the lock is gone, and other deliverers take its claims at once instead
 * of waiting out the lease. If the connection is lost the id is not claimed under until the lock
 * is held again (claims then fall back to the lease alone).
 */
export class OutboxClaimer {
  readonly id = randomInt(1, 2 ** 31 - 1);
  private current: Client | null = null;
  private holding = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log: (err: unknown) => void,
    private readonly retryMs = 1_000,
  ) {}

  /** The id to claim under, while the lock is held. */
  get claimId(): number | null {
    return this.holding ? this.id : null;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'medchannel-outbox-claimer' });
    this.current = client;
    // without a listener a dropped connection's 'error' would end the process
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      const [{ locked }] = (
        await client.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [CLAIMER_LOCK_NAMESPACE, this.id])
      ).rows;
      // a previous session of ours the server has not noticed gone yet may still hold it: try again
      if (!locked) throw new Error('outbox claimer lock still held by an earlier session');
      if (this.current === client) this.holding = true;
    } catch (err) {
      this.lost(client, err);
    }
  }

  private lost(client: Client, err?: unknown): void {
    if (client !== this.current) return;
    this.current = null;
    this.holding = false;
    if (err && !this.stopped) this.log(err);
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.holding = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }
}
