#!/usr/bin/env node
// Draws the portal's app icons (PNG) from its favicon's shapes: a white cross on the theme blue,
// a rounded square for "any", full bleed for "maskable" and Apple's home screen (they round it
// themselves). No dependencies: node:zlib writes the PNG. Run once when the mark changes:
//   node scripts/portal-icons.mjs   (writes portal-partner/public/icons/*.png)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'portal-partner', 'public', 'icons');
const BLUE = [0x15, 0x65, 0xc0];
const WHITE = [0xff, 0xff, 0xff];

// favicon.svg's 32-unit grid: the rounded square (rx 8) and the cross
const inCross = (x, y) => (x >= 13 && x < 19 && y >= 7 && y < 25) || (x >= 7 && x < 25 && y >= 13 && y < 19);
function inRounded(x, y, r = 8) {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG of `size` px; each pixel is 4×4 samples of the 32-unit drawing (smooth edges). */
function icon(size, rounded) {
  const S = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const x = ((px + (sx + 0.5) / S) * 32) / size;
          const y = ((py + (sy + 0.5) / S) * 32) / size;
          if (rounded && !inRounded(x, y)) continue;
          cover++;
          if (inCross(x, y)) white++;
        }
      const w = cover ? white / cover : 0;
      const rgb = BLUE.map((b, i) => Math.round(b + (WHITE[i] - b) * w));
      row.set([...rgb, Math.round((255 * cover) / (S * S))], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, rounded] of [
  ['icon-192.png', 192, true],
  ['icon-512.png', 512, true],
  ['icon-maskable-512.png', 512, false],
  ['apple-touch-icon-180.png', 180, false],
]) {
  writeFileSync(join(OUT, name), icon(size, rounded));
  console.log(`wrote ${join(OUT, name)}`);
}
