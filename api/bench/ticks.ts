import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Client } from 'pg';

/** CPU a process has used, from /proc (Linux); the bench's measure that moves least with the machine's load. */
export const TICK_MS = 10; // USER_HZ is 100 on Linux

export function ticksOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0; // a backend that ended
  }
}

/** The PostgreSQL backends whose connections carry this application_name; empty when the server is not local. */
export async function backendsNamed(admin: Client, applicationName: string): Promise<number[]> {
  const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [applicationName]);
  return rows.map((r) => Number(r.pid)).filter((pid) => existsSync(`/proc/${pid}/stat`));
}

/** The pids of a process and all its descendants (a cluster's primary and its workers), from /proc. */
function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // a process that ended while we read
    }
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]) ?? []));
  return pids;
}

/** Every local PostgreSQL process (the server, its backends and helpers, the replica's too). */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        return readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The machine's busy and total ticks, all cores together (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3] - n[4], total }; // idle, iowait
}

export interface CpuSplit {
  /** ms of CPU per answered request: the API's processes, PostgreSQL's, this load driver's */
  apiMs: number;
  postgresMs: number;
  driverMs: number;
  /** the share of the machine's CPU (all cores) that was busy, with everything else on it */
  machineBusy: number;
}

/**
 * Where a window's CPU went. Ticks are read at the start and the end of `run`; processes that end in
 * between (a backend closing) lose their last ticks, so PostgreSQL's figure is a floor.
 */
export async function cpuSplit<T>(apiPid: number, run: () => Promise<T>, answers: (t: T) => number) {
  const sum = (pids: number[]) => new Map(pids.map((pid) => [pid, ticksOf(pid)]));
  const api0 = sum(treeOf(apiPid));
  const pg0 = sum(postgresPids());
  const driver0 = process.cpuUsage();
  const machine0 = machineTicks();
  const result = await run();
  const delta = (before: Map<number, number>, pids: number[]) =>
    pids.reduce((total, pid) => total + ticksOf(pid) - (before.get(pid) ?? 0), 0);
  const api = delta(api0, treeOf(apiPid));
  const pg = delta(pg0, postgresPids());
  const driver = process.cpuUsage(driver0);
  const machine = machineTicks();
  const n = Math.max(1, answers(result));
  const split: CpuSplit = {
    apiMs: (api * TICK_MS) / n,
    postgresMs: (pg * TICK_MS) / n,
    driverMs: (driver.user + driver.system) / 1000 / n,
    machineBusy: (machine.busy - machine0.busy) / Math.max(1, machine.total - machine0.total),
  };
  return { result, split };
}
