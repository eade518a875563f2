// What the static server that `npm start` and these tests run (scripts/serve-static.mjs) sends:
// the build's precompressed twins by Accept-Encoding, decompressing to the very file built; hashed
// assets immutable, the page and the service worker revalidated on every load.
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { REPO } from './support/processes';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is read as it came (node's fetch would decompress it). */
function raw(url: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const APPS = [
  ['portal-partner', 'E2E_PORTAL_URL'],
  ['console-internal', 'E2E_CONSOLE_URL'],
] as const;

/** The entry script index.html names: a hashed asset. */
function entryScript(app: string): string {
  const html = readFileSync(join(REPO, app, 'dist', 'index.html'), 'utf8');
  const src = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error(`no entry script in ${app}/dist/index.html`);
  return src;
}

describe.each(APPS)('%s is served compressed and cached', (app, urlKey) => {
  const base = () => process.env[urlKey]!;

  test('a hashed script: brotli, else gzip, else as built; immutable for a year', async () => {
    const path = entryScript(app);
    const built = readFileSync(join(REPO, app, 'dist', path));

    const br = await raw(base() + path, 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(built.length / 2);
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);

    const gz = await raw(base() + path, 'gzip, deflate, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    expect(gunzipSync(gz.body).equals(built)).toBe(true);

    const plain = await raw(base() + path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.equals(built)).toBe(true);
  });

  test('index.html, at / and at any page of the app, is never taken from a cache unchecked', async () => {
    const built = readFileSync(join(REPO, app, 'dist', 'index.html'));
    for (const page of ['/', '/index.html', '/orders/somewhere']) {
      const answer = await raw(base() + page, 'br, gzip');
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['vary']).toBe('Accept-Encoding');
      const body = answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.body;
      expect(body.equals(built)).toBe(true);
    }
  });
});

test("the portal's service worker and manifest are revalidated on every load", async () => {
  for (const file of ['/sw.js', '/manifest.webmanifest']) {
    const answer = await raw(process.env.E2E_PORTAL_URL! + file, 'gzip');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-cache');
  }
});
