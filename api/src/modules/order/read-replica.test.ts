import { Client } from 'pg';
import { TREND_MONTHS } from '@medchannel/shared-schema';
import { fetchExport } from '../../../test/exports';
import { startTestApp } from '../../../test/harness';
import { today } from '../../common/dates';
import { MOVE, admin, desk, fetchOrder, owner, placed, t, withOrderWorld } from './order.test-kit';

/**
 * READ_REPLICA_URL (db/replica.ts) against a real streaming replica: scripts/replica.sh makes one of
 * the local PostgreSQL and prints its URL, which the tests take in READ_REPLICA_TEST_URL (CI does
 * both). Replay paused on the replica, a write on the primary is visible to the order's own page
 * and to the mutation after it, and not to the dashboard or the export until replay resumes.
 */
const server = process.env.READ_REPLICA_TEST_URL;
if (!server)
  console.warn(
    'replica tests skipped: no READ_REPLICA_TEST_URL (run scripts/replica.sh and set it to the URL it prints)',
  );

/** The run's test database on the replica server (the replica copies every database of the cluster). */
function onReplica(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = new URL(process.env.TEST_DATABASE_URL!).pathname;
  return url.toString();
}

const DASHBOARD = `{ brandDashboard { sellIn { month orders } } }`;

(server ? describe : describe.skip)('on a streaming replica', () => {
  withOrderWorld(server ? { readReplicaUrl: onReplica(server) } : {});
  let primary: Client;
  let standby: Client;
  beforeAll(async () => {
    primary = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    standby = new Client({ connectionString: server });
    await Promise.all([primary.connect(), standby.connect()]);
  });
  afterEach(() => standby.query(`SELECT pg_wal_replay_resume()`));
  afterAll(() => Promise.all([primary?.end(), standby?.end()]));

  /** The replica has replayed everything the primary wrote so far. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = (await primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows;
    for (let tries = 0; tries < 300; tries++) {
      const [{ done }] = (await standby.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn])).rows;
      if (done) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the replica did not replay up to ${lsn}`);
  }

  /** Replay stopped: what the primary writes from now on, the replica does not see. */
  async function pauseReplay(): Promise<void> {
    await caughtUp();
    await standby.query(`SELECT pg_wal_replay_pause()`);
    for (let tries = 0; tries < 300; tries++) {
      const [{ state }] = (await standby.query(`SELECT pg_get_wal_replay_pause_state() AS state`)).rows;
      if (state === 'paused') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the replica did not pause');
  }

  const thisMonth = async () => {
    const r = await admin.request(DASHBOARD);
    expect(r.errors).toEqual([]);
    const month = today().slice(0, 7);
    return r.data.brandDashboard.sellIn.find((m: { month: string }) => m.month === month).orders as number;
  };
  const exported = async () => {
    const sheet = await fetchExport(t, admin, 'orders.xlsx');
    expect(sheet.status).toBe(200);
    return sheet.rows.map((row) => String(row[0]));
  };

  test('the dashboard and the export read the replica; the order’s own page reads the primary', async () => {
    await pauseReplay();
    const [ordersBefore, numbersBefore] = [await thisMonth(), await exported()];
    const order = await placed();
    // the ordinary read: the order just placed is there
    expect((await fetchOrder(owner, order.id)).status).toBe('SUBMITTED');
    // the reports: the replica has not replayed it
    expect(await thisMonth()).toBe(ordersBefore);
    expect(await exported()).toEqual(numbersBefore);
    expect(numbersBefore).not.toContain(order.number);
    // the aging keeps what it sums on the primary; on the read-only replica it only sums
    const aging = await admin.request(`{ receivablesAging(first: 5) { totalCount } }`);
    expect(aging.errors).toEqual([]);

    await standby.query(`SELECT pg_wal_replay_resume()`);
    await caughtUp();
    expect(await thisMonth()).toBe(ordersBefore + 1);
    expect(await exported()).toContain(order.number);
  });

  test('a mutation, and the reads after it, see its own write while the replica lags', async () => {
    await pauseReplay();
    const order = await placed();
    const approved = await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version });
    expect(approved.errors).toEqual([]);
    expect(approved.data.approveOrder.status).toBe('APPROVED');
    expect((await fetchOrder(desk, order.id)).status).toBe('APPROVED');
    const list = await owner.request(`{ orders(first: 100) { nodes { id status } } }`);
    expect(list.data.orders.nodes).toContainEqual({ id: order.id, status: 'APPROVED' });
  });
});

test('an unreachable replica: the reports are read on the primary', async () => {
  // port 1: nothing listens, the connection is refused at once
  const app = await startTestApp({ readReplicaUrl: 'postgres://postgres@127.0.0.1:1/postgres' });
  try {
    const admin = await app.as('admin@huakang.demo');
    for (let i = 0; i < 2; i++) {
      const r = await admin.request(DASHBOARD);
      expect(r.errors).toEqual([]);
      expect(r.data.brandDashboard.sellIn).toHaveLength(TREND_MONTHS);
    }
  } finally {
    await app.stop();
  }
});
