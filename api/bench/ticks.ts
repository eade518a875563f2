import { existsSync, readFileSync } from 'node:fs';
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
