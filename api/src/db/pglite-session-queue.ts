import type { PGlite } from '@electric-sql/pglite';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

// Extended-protocol messages that leave the session mid-sequence: Parse, Bind, Describe, Execute,
// Close, Flush. A Sync or a simple Query ends the unit.
const CONTINUES_SEQUENCE = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/**
 * PGlite is one Postgres session shared by every socket. pglite-socket 0.2.17 keeps a client's
 * messages together only inside a transaction, so two connections' Parse/Bind/Execute could
 * interleave and one would bind the other's unnamed statement ("bind message supplies 2
 * parameters, but prepared statement requires 4", seen under parallel tests). This queue also
 * keeps a client's extended-protocol sequence together until its Sync.
 */
export class SessionQueue {
  private queue: Queued[] = [];
  private processing = false;
  private lastHandlerId: number | null = null;
  private midSequence = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  private next(): Queued | undefined {
    const sticky = this.lastHandlerId !== null && (this.midSequence || this.db.isInTransaction());
    if (!sticky) return this.queue.shift();
    const i = this.queue.findIndex((q) => q.handlerId === this.lastHandlerId);
    // The owning client's next message has not arrived yet: wait for it (enqueue restarts us).
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        const current = item;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (err) {
          current.reject(err);
          continue;
        }
        const isStartup = current.message.length >= 8 && Buffer.from(current.message).readInt32BE(4) === 196608;
        this.midSequence = !isStartup && CONTINUES_SEQUENCE.has(current.message[0]);
        this.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.lastHandlerId !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.lastHandlerId = null;
    this.midSequence = false;
    await this.processQueue();
  }
}
