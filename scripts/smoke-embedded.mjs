#!/usr/bin/env node
// CI's check of the embedded mode: start the built API on a fresh PGlite directory, see /readyz,
// log in, ask `me`, stop it. Exits non-zero on any miss.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-smoke-'));
const port = String(4300 + Math.floor(Math.random() * 500));
const env = { ...process.env, PGLITE_DIR: dir, PORT: port };
delete env.DATABASE_URL;
const api = spawn(process.execPath, ['api/dist/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
api.stdout.on('data', (d) => (out += d));
const base = `http://127.0.0.1:${port}`;

async function main() {
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 90_000) throw new Error(`no /readyz after 90 s\n${out}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const ready = Date.now() - started;
  const post = (query, cookie) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query }),
    });
  const login = await post(`mutation { login(email: "li.rep@kangda.demo", password: "MedChannel#2026") { id } }`);
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`login gave no cookie: ${await login.text()}`);
  const me = await (await post(`{ me { displayName role distributor { name } } }`, cookie)).json();
  if (me.data?.me?.role !== 'REP') throw new Error(`me answered ${JSON.stringify(me)}`);
  console.log(
    `embedded smoke test: ready in ${ready} ms, logged in as ${me.data.me.displayName} of ${me.data.me.distributor.name}`,
  );
}

main()
  .then(
    () => 0,
    (err) => (console.error(err), 1),
  )
  .then((code) => {
    api.kill('SIGTERM');
    api.on('exit', () => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    });
  });
