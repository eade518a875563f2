// Debian's Chromium (no browser download here) and the flags that keep it quiet and offline-friendly:
// one list for the browser tests (support/browser.ts) and scripts/phone-load.mjs. Headless comes from
// Playwright itself.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
module.exports = { CHROMIUM, FLAGS };
