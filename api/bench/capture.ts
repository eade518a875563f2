import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi } from './processes';
import { Target } from './http-target';
import { failed, send } from './load';
import http from 'node:http';

interface Statement {
  text: string;
  values: unknown[];
}

export interface Captured {
  /** what the API sent for one request of the operation, in order */
  statements: Statement[];
  /** the same statements minus the session's periodic touch (an UPDATE the API issues once a minute, not per request) */
  replay: Statement[];
  sqlCount: number | null;
  bytes: number;
}

/**
 * Sends each operation once to an API started with the capture hook and keeps the statements it
 * issued: the baseline replays exactly these. Requests go one at a time, so the statements
 * written between sending and the answer belong to that request.
 */
export async function captureSql(
  databaseUrl: string,
  targets: (apiUrl: string) => Promise<Map<string, Target>>,
): Promise<Map<string, Captured>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medchannel-bench-'));
  const file = path.join(dir, 'sql.jsonl');
  writeFileSync(file, '');
  const api = await startApi(databaseUrl, { captureFile: file });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const result = new Map<string, Captured>();
    for (const [name, target] of await targets(api.url)) {
      const before = readFileSync(file, 'utf8').length;
      const answer = await send(agent, target);
      if (failed(answer))
        throw new Error(`${name} failed while capturing its SQL: ${answer.status} ${answer.body.slice(0, 500)}`);
      const answered = readFileSync(file, 'utf8').length;
      // a statement sent after the answer is work nobody waits for (a loader fired for a field not asked): say so
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = readFileSync(file, 'utf8').slice(answered).split('\n').filter(Boolean);
      if (late.length)
        console.warn(
          `  ${name}: ${late.length} statement(s) sent after the answer: ${late.map((l) => JSON.parse(l).text.slice(0, 60)).join(' | ')}`,
        );
      const statements: Statement[] = readFileSync(file, 'utf8')
        .slice(before, answered)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      const replay = statements.filter((s) => !/^\s*UPDATE session SET updated_at/i.test(s.text));
      const writes = replay.filter((s) => !/^\s*(SELECT|WITH)\b/i.test(s.text));
      if (writes.length)
        throw new Error(
          `${name} issued statements that are not reads; the baseline cannot replay them: ${writes.map((w) => w.text.slice(0, 80)).join(' | ')}`,
        );
      result.set(name, { statements, replay, sqlCount: answer.sqlCount, bytes: Buffer.byteLength(answer.body) });
    }
    return result;
  } finally {
    agent.destroy();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
