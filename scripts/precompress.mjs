#!/usr/bin/env node
// Writes a .br and a .gz beside every compressible file of a built front end, once, at build time,
// at the strongest settings (no server compresses on the fly then): scripts/serve-static.mjs and
// nginx (deploy/nginx/) send the one the browser accepts. No dependencies: node:zlib only.
//   node scripts/precompress.mjs portal-partner/dist [console-internal/dist]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest', '.map']);
// Below this a compressed body saves less than its headers cost.
const MIN_BYTES = 512;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: precompress.mjs <built app dir>...');
  process.exit(2);
}
for (const dir of dirs) {
  let count = 0;
  let raw = 0;
  let br = 0;
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    const brotli = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
    raw += body.length;
    br += brotli.length;
  }
  console.log(
    `precompressed ${count} files in ${dir}: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`,
  );
}
