import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../test/harness';
import { QUALIFICATIONS } from '../db/seed/authorization-data';
import { createBrand } from '../../test/factories';

let t: TestApp;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-rest-'));
// Hengkang's second document: qualification.files.test.ts uploads to its first, in parallel
const mine = QUALIFICATIONS.filter((q) => q.distributorCode === 'HK-HGK')[1];
const OWNER = 'boss@hengkang.demo';

beforeAll(async () => {
  t = await startTestApp({ filesDir });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const headersOf = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});

/** The documented REST error: JSON, `{ error: { code, reason, field, message } }`, no HTML, no stack. */
async function restError(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre|stack|at .*\.(ts|js):/i);
  return JSON.parse(text).error as { code: string; reason: string | null; field: string | null; message: string };
}

const fileRow = async () =>
  (await t.app.ds.query(`SELECT file_name, file_size FROM qualification WHERE id = $1`, [mine.id]))[0];

describe('file answers', () => {
  test('every file answer, generated ones too, says nosniff', async () => {
    const admin = await t.as('admin@huakang.demo');
    const template = await fetch(`${t.url}/files/templates/hospitals.xlsx`, { headers: headersOf(admin) });
    expect(template.status).toBe(200);
    expect(template.headers.get('x-content-type-options')).toBe('nosniff');
    for (const name of ['orders', 'receivables-aging', 'training-completion', 'audit', 'sell-out']) {
      const sheet = await fetch(`${t.url}/files/exports/${name}.xlsx`, { headers: headersOf(admin) });
      expect([name, sheet.status, sheet.headers.get('x-content-type-options')]).toEqual([name, 200, 'nosniff']);
      await sheet.arrayBuffer();
    }
    // a brand of the test's own: the seeded distributors' scans are uploaded by other files, into file stores of their own
    const brand = await createBrand(t.app.ds, 1);
    const owner = t.client(Audience.PORTAL);
    await owner.login(brand.ownerEmail);
    const pack = await fetch(`${t.url}/files/packs/${brand.distributorIds[0]}.zip`, { headers: headersOf(owner) });
    expect(pack.status).toBe(200);
    expect(pack.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('uploads and bodies answer coded JSON', () => {
  test('an upload without a session is refused 401 before its body is read', async () => {
    const { hostname, port } = new URL(t.url);
    // Declares 5 MB and sends 1 KB: an answer can only come before the body is read.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          hostname,
          port,
          method: 'PUT',
          path: `/files/qualifications/${mine.id}`,
          headers: { 'x-medchannel-app': 'portal', 'content-length': String(5 * 1024 * 1024) },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
  });

  test('an oversize upload sent in chunks (no declared length) is refused 413 as JSON, writing nothing', async () => {
    const owner = await t.as(OWNER);
    const before = await fileRow();
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${t.url}/files/qualifications/${mine.id}`, {
      method: 'PUT',
      headers: { ...headersOf(owner), 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await restError(res)).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      reason: ErrorReason.FILE_TOO_LARGE,
      field: 'file',
    });
    expect(await fileRow()).toEqual(before);
  });

  test('a file name that is not valid percent-encoding is refused with its field, writing nothing', async () => {
    const owner = await t.as(OWNER);
    const before = await fileRow();
    const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF')]);
    for (const name of ['%E0%A4%A', '%ZZ.pdf', encodeURIComponent('a\u0000.pdf')]) {
      const res = await fetch(`${t.url}/files/qualifications/${mine.id}`, {
        method: 'PUT',
        headers: { ...headersOf(owner), 'content-type': 'application/pdf', 'x-file-name': name },
        body: PDF,
      });
      expect(res.status).toBe(400);
      expect(await restError(res)).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'fileName' });
    }
    expect(await fileRow()).toEqual(before);
  });

  test('an export with a bad filter is refused 400 as JSON, naming the parameter as its URL does', async () => {
    const admin = await t.as('admin@huakang.demo');
    for (const [path, field] of [
      ['orders.xlsx?status=LOST', 'status'],
      ['receivables-aging.xlsx?region=1', 'region'],
      ['training-completion.xlsx?by=YEAR', 'by'],
      ['audit.xlsx?from=yesterday', 'from'],
      ['sell-out.xlsx?to=31.12.2026', 'to'],
    ]) {
      const res = await fetch(`${t.url}/files/exports/${path}`, { headers: headersOf(admin) });
      expect([path, res.status]).toEqual([path, 400]);
      expect(await restError(res)).toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        reason: ErrorReason.VALIDATION_FAILED,
        field,
      });
    }
  });

  test("a GraphQL body past the limit, or not JSON, answers GraphQL's JSON error with a code", async () => {
    const big = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'console' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_200_000) } }),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await big.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      reason: ErrorReason.QUERY_TOO_LARGE,
    });
    const broken = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'console' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await broken.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });
});
