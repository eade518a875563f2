import { Client } from 'pg';
import { logOf } from '../common/logger';

/** The channel the AuthChanges migration's triggers announce on: `user:<id>` or `*`. */
const CHANNEL = 'medchannel_auth';
const RECONNECT_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  userId: string;
  row: T;
  until: number;
}

/**
 * Warm sessions, kept for a few seconds so a request need not read its session, user and scope
 * again. The database stays the truth: every change that can end a session or change a scope is
 * announced by a trigger when it commits (migration AuthChanges), and this process's listener
 * drops the sessions it concerns as it arrives, whichever process or path made the change.
 * While the listener is not connected nothing is kept (a change could go unheard), and an entry
 * read before a change was heard is not stored (`heard` moved on while it was read).
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  /** counts the changes heard: a read that started before one is not kept */
  private heard = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly log: (message: string) => void = (m) => logOf('sessions').warn(m),
  ) {}

  /** Listens on the database at `url`; until it listens (and whenever it does not), nothing is kept. */
  async start(url: string): Promise<void> {
    if (this.ttlMs <= 0 || this.stopped) return;
    const client = new Client({ connectionString: url, application_name: 'medchannel-api-auth-listener' });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.deafen();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log(`[sessions] change listener lost (${why}); sessions are read every time until it is back`);
      setTimeout(() => void this.start(url).catch(() => undefined), RECONNECT_MS).unref();
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (n) => this.hear(n.payload ?? '*'));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.listener === client) this.listening = true;
    } catch (err) {
      lost((err as Error).message);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.listener;
    this.listener = null;
    this.deafen();
    await client?.end().catch(() => undefined);
  }

  /** The warm row for a token hash, if one is kept and still fresh. */
  get(tokenHash: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.row;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Call before reading a session: what `keep` needs to tell whether a change was heard meanwhile. */
  mark(): number {
    return this.heard;
  }

  /** Keeps a row read since `mark`, unless a change was heard in between. */
  keep(tokenHash: string, userId: string, row: T, mark: number): void {
    if (!this.listening || mark !== this.heard) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { userId, row, until: Date.now() + this.ttlMs });
  }

  /** Forgets one session at once (a touch due, a check it failed). */
  drop(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** Forgets a person's sessions at once (their logout, in this process, before its announcement arrives). */
  dropUser(userId: string): void {
    this.heard++;
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  }

  private hear(payload: string): void {
    if (payload.startsWith('user:')) return this.dropUser(payload.slice('user:'.length));
    this.heard++;
    this.entries.clear();
  }

  private deafen(): void {
    this.listening = false;
    this.heard++;
    this.entries.clear();
  }
}
