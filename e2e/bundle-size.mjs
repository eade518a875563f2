#!/usr/bin/env node
// Initial JS of a built app: the entry script and every chunk index.html preloads, gzip-sized.
// Usage: node e2e/bundle-size.mjs console-internal/dist [portal-partner/dist ...]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const chunks = [...new Set(files)].map((file) => {
    const body = readFileSync(join(distDir, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { chunks, gzip: chunks.reduce((sum, c) => sum + c.gzip, 0), bytes: chunks.reduce((s, c) => s + c.bytes, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const dir of process.argv.slice(2)) {
    const { chunks, gzip, bytes } = initialJs(dir);
    console.log(`${dir}: initial JS ${(bytes / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
    for (const c of chunks) console.log(`  ${c.file}  ${(c.gzip / 1024).toFixed(1)} KB gzip`);
  }
}
