#!/usr/bin/env node
// How long a rep's phone waits for the portal on a bad signal (issue 23's "time to a usable home on a
// throttled profile"): Chromium at 390 × 844 with touch, DevTools' Fast 3G (562.5 ms latency, 1.44 Mbps
// down, 675 kbps up) and a 4× CPU slowdown, against a running portal (`npm start`, or any URL).
// Four readings a run, each in a browser of its own unless said:
//   sign-in page   a first visit (nothing cached) until the sign-in button can be tapped;
//   signed in      from tapping it to a usable home (the welcome and the tab bar shown), tapped as soon
//                  as it can be, or --typing ms later (the time a person takes to type, 0 by default);
//   home, cold     a signed-in rep (the session cookie kept) opening the app with nothing cached;
//   home, warm     the same rep opening it again (HTTP cache and service worker as the last visit left them).
// and the bytes each one brought over the wire (what the server sent, compressed). Medians of --runs.
// With --lighthouse DIR (Lighthouse installed there, not a dependency of the project:
// `npm install --prefix /tmp/lh lighthouse@12`), also Lighthouse's mobile scores (simulated throttling)
// of the sign-in page and of the rep's home, signed in by the session cookie.
//   node scripts/phone-load.mjs [--portal http://127.0.0.1:5174] [--email li.rep@kangda.demo] [--runs 5] [--typing 0]
//                               [--lighthouse /tmp/lh]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../e2e/support/chromium.cjs';

const { values: opts } = parseArgs({
  options: {
    portal: { type: 'string', default: 'http://127.0.0.1:5174' },
    email: { type: 'string', default: 'li.rep@kangda.demo' },
    password: { type: 'string', default: 'MedChannel#2026' },
    runs: { type: 'string', default: '5' },
    lighthouse: { type: 'string' },
    typing: { type: 'string', default: '0' },
  },
});
const PORTAL = opts.portal.replace(/\/$/, '');
const RUNS = Number(opts.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${opts.runs}`);
const TYPING = Number(opts.typing);
if (!Number.isInteger(TYPING) || TYPING < 0)
  throw new Error(`--typing must be whole milliseconds ≥ 0, not ${opts.typing}`);

// DevTools' "Fast 3G" preset (front_end/core/sdk/NetworkManager.ts) and its 4× CPU slowdown
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;
const LIMIT = 120_000;

/** A phone-sized browser with a profile of its own (cache, service worker, cookies), throttled. */
async function phone(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // bytes over the wire per reading: what loadingFinished reports (headers and compressed body)
  const wire = { bytes: 0, js: 0 };
  const types = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    wire.bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') wire.js += e.encodedDataLength;
  });
  const take = () => {
    const taken = { ...wire };
    wire.bytes = 0;
    wire.js = 0;
    return taken;
  };
  return { context, page, take };
}

const homeUsable = (page) =>
  Promise.all([
    page.locator('.pp-hero-title').waitFor({ state: 'visible', timeout: LIMIT }),
    page.getByTestId('tab-home').waitFor({ state: 'visible', timeout: LIMIT }),
  ]);

/** ms from `start` until `ready` resolves, and the bytes it brought. */
async function reading(p, start, ready) {
  p.take();
  const t0 = performance.now();
  await start();
  await ready();
  const ms = performance.now() - t0;
  return { ms, ...p.take() };
}

async function run() {
  const profile = mkdtempSync(join(tmpdir(), 'medchannel-phone-load-'));
  const cold = mkdtempSync(join(tmpdir(), 'medchannel-phone-load-'));
  try {
    let p = await phone(profile);
    const signInPage = await reading(
      p,
      () => p.page.goto(`${PORTAL}/`, { waitUntil: 'commit', timeout: LIMIT }),
      async () => {
        // shown, and not disabled while the page still starts
        await p.page
          .locator('[data-testid="login-submit"]:not([disabled])')
          .waitFor({ state: 'visible', timeout: LIMIT });
      },
    );
    await p.page.getByTestId('login-email').fill(opts.email);
    await p.page.getByTestId('login-password').fill(opts.password);
    // the time a person takes to type them (filled at once above), the page meanwhile left to itself
    await p.page.waitForTimeout(TYPING);
    const signedIn = await reading(
      p,
      () => p.page.getByTestId('login-submit').click(),
      () => homeUsable(p.page),
    );
    const cookies = await p.context.cookies();
    // let the service worker finish precaching on the (throttled) signal before the warm reading
    await p.page.evaluate(() => navigator.serviceWorker?.ready.then(() => true), null).catch(() => false);
    await p.context.close();

    // the same profile again: the session cookie, HTTP cache and service worker as left
    p = await phone(profile);
    const homeWarm = await reading(
      p,
      () => p.page.goto(`${PORTAL}/`, { waitUntil: 'commit', timeout: LIMIT }),
      () => homeUsable(p.page),
    );
    await p.context.close();

    // a profile with nothing cached but the session cookie
    p = await phone(cold);
    await p.context.addCookies(cookies);
    const homeCold = await reading(
      p,
      () => p.page.goto(`${PORTAL}/`, { waitUntil: 'commit', timeout: LIMIT }),
      () => homeUsable(p.page),
    );
    await p.context.close();
    lastCookies = cookies;
    return { 'sign-in page': signInPage, 'signed in': signedIn, 'home, cold': homeCold, 'home, warm': homeWarm };
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(cold, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Lighthouse's mobile categories of `path`, with `cookies` sent (none: signed out), from the CLI in opts.lighthouse. */
function lighthouse(cookies) {
  const dir = mkdtempSync(join(tmpdir(), 'medchannel-lighthouse-'));
  try {
    const headers = join(dir, 'headers.json');
    writeFileSync(headers, JSON.stringify({ Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') }));
    const out = join(dir, 'report.json');
    const cli = spawnSync(
      join(opts.lighthouse, 'node_modules', '.bin', 'lighthouse'),
      [
        `${PORTAL}/`,
        '--form-factor=mobile',
        '--throttling-method=simulate',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
        ...(cookies.length ? [`--extra-headers=${headers}`] : []),
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: 'inherit', timeout: 300_000 },
    );
    if (cli.status !== 0) throw new Error(`lighthouse exited ${cli.status ?? cli.signal}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (c) => Math.round(report.categories[c].score * 100);
    const lcp = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best practices': score('best-practices'),
      LCP: report.audits['largest-contentful-paint'].displayValue,
      TBT: report.audits['total-blocking-time'].displayValue,
      'LCP element': lcp,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let lastCookies = [];
const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await run());
  console.error(
    `run ${i + 1}/${RUNS}: ${Object.entries(runs.at(-1))
      .map(([k, r]) => `${k} ${Math.round(r.ms)} ms`)
      .join(', ')}`,
  );
}
const kb = (b) => (b / 1024).toFixed(1);
console.log(
  `Fast 3G, ${CPU_SLOWDOWN}× CPU slowdown, 390 × 844 touch; ${PORTAL}; tapped ${TYPING} ms after filling in; median of ${RUNS} (range)`,
);
console.log('| reading | ms | range | KB over the wire | of it JS |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const name of Object.keys(runs[0])) {
  const ms = runs.map((r) => r[name].ms);
  const row = runs.map((r) => r[name]);
  console.log(
    `| ${name} | ${Math.round(median(ms))} | ${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} | ${kb(median(row.map((r) => r.bytes)))} | ${kb(median(row.map((r) => r.js)))} |`,
  );
}
if (opts.lighthouse) {
  const pages = { 'sign-in page': lighthouse([]), "rep's home": lighthouse(lastCookies) };
  console.log('\nLighthouse (mobile, simulated throttling):');
  console.log(`| page | ${Object.keys(pages['sign-in page']).join(' | ')} |`);
  console.log(
    `| --- |${Object.keys(pages['sign-in page'])
      .map(() => ' ---: |')
      .join('')}`,
  );
  for (const [name, r] of Object.entries(pages)) console.log(`| ${name} | ${Object.values(r).join(' | ')} |`);
}
