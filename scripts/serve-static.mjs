#!/usr/bin/env node
// Serves a built front end the way production would: static files, the SPA's index.html for
// any other page path, and /graphql and /files/* proxied to the API so the session cookie stays same-origin.
// No dependencies: node:http only.
//   node scripts/serve-static.mjs --dir console-internal/dist --port 5173 --api http://127.0.0.1:4000 --peer http://127.0.0.1:5174
// It is the edge: X-Forwarded-For is set to the caller's own address (never passed on from the
// caller), which the API believes when started with TRUSTED_PROXY=loopback.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    api: { type: 'string', default: process.env.API_URL ?? 'http://127.0.0.1:4000' },
    // The other front end (console <-> portal): /other-app redirects to its login page.
    peer: { type: 'string', default: process.env.PEER_URL },
  },
});
if (!values.dir) {
  console.error(
    'usage: serve-static.mjs --dir <built app> [--port 5173] [--host 127.0.0.1] [--api http://127.0.0.1:4000]',
  );
  process.exit(2);
}

const root = resolve(values.dir);
const api = new URL(values.api);
const peer = values.peer ? new URL(values.peer) : null;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
// What scripts/precompress.mjs may have left a .br and .gz of (it skips the smallest files).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest', '.map']);
// Response headers a hop must not forward.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function fileAt(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null; // no escaping the directory
  return statOf(path);
}

function statOf(path) {
  try {
    const stat = statSync(path);
    return stat.isFile() ? { path, size: stat.size } : null;
  } catch {
    return null;
  }
}

/** The encodings the caller accepts (`br`, `gzip`), from Accept-Encoding; `;q=0` refuses one. */
function accepted(header = '') {
  const codings = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) codings.add(name);
  }
  return codings;
}

// The build's precompressed twins (scripts/precompress.mjs), best first.
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

function sendFile(req, res, file, status = 200) {
  const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
  // Hashed build assets never change; anything else (index.html, the service worker, the
  // manifest) must be revalidated, so a new version is seen on the next load.
  const cache = file.path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const headers = { 'content-type': type, 'cache-control': cache };
  let body = file;
  if (COMPRESSIBLE.has(extname(file.path))) {
    // the answer depends on Accept-Encoding: caches must keep one copy per encoding
    headers.vary = 'Accept-Encoding';
    const codings = accepted(req.headers['accept-encoding']);
    for (const [coding, suffix] of ENCODINGS) {
      const twin = codings.has(coding) && statOf(file.path + suffix);
      if (twin) {
        headers['content-encoding'] = coding;
        body = twin;
        break;
      }
    }
  }
  res.writeHead(status, { ...headers, 'content-length': body.size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(body.path).pipe(res);
}

function proxy(req, res) {
  const headers = { ...req.headers, host: api.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
  const upstream = http.request(
    { protocol: api.protocol, hostname: api.hostname, port: api.port, method: req.method, path: req.url, headers },
    (answer) => {
      const out = {};
      for (const [k, v] of Object.entries(answer.headers)) if (!HOP.has(k)) out[k] = v;
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    // A GraphQL-shaped answer, so the app shows its coded message for an unreachable server.
    res.end(
      JSON.stringify({ errors: [{ message: `API unreachable: ${error.message}`, extensions: { code: 'INTERNAL' } }] }),
    );
  });
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) return proxy(req, res);
  // Document scans (PUT upload, GET download) live on the API too, behind the same session cookie.
  if (url.pathname.startsWith('/files/')) return proxy(req, res);
  if (url.pathname === '/other-app' && peer) {
    res.writeHead(302, { location: new URL('/login', peer).href });
    return res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return res.end();
  }
  const file = fileAt(url.pathname === '/' ? '/index.html' : url.pathname);
  if (file) return sendFile(req, res, file);
  // A missing asset is a 404; any other path is a page of the single-page app.
  if (url.pathname.startsWith('/assets/') || extname(url.pathname)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return res.end('Not found');
  }
  const index = fileAt('/index.html');
  if (!index) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    return res.end(`No index.html in ${root}: build the app first`);
  }
  sendFile(req, res, index);
});

server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  console.log(`serving ${root} on http://${values.host}:${port} (/graphql, /files → ${api.origin})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
