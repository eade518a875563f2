#!/usr/bin/env node
// Initial JS of a built app: the entry script and every chunk its index.html preloads, gzipped.
//   node e2e/bundle-size.cjs console-internal/dist portal-partner/dist
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

function initialJs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  const chunks = files.map((file) => {
    const body = readFileSync(join(distDir, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { chunks, bytes: chunks.reduce((s, c) => s + c.bytes, 0), gzip: chunks.reduce((s, c) => s + c.gzip, 0) };
}

module.exports = { initialJs };

if (require.main === module) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const dir of process.argv.slice(2)) {
    const { chunks, bytes, gzip } = initialJs(dir);
    console.log(`${dir}: initial JS ${kb(bytes)}, ${kb(gzip)} gzip`);
    for (const c of chunks) console.log(`  ${c.file}  ${kb(c.gzip)} gzip`);
  }
}
