import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { footprint } from '../../../test/auditing';
import { pdfText } from '../../../test/pdf-text';
import { QUALIFICATIONS } from '../../db/seed/authorization-data';
import { userByEmail } from '../../db/seed/demo-data';

let t: TestApp;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-files-'));
// Hengkang's own licence; Hengkang's owner is none of the isolation matrix's personas.
const mine = QUALIFICATIONS.find((q) => q.distributorCode === 'HK-HGK')!;
const theirs = QUALIFICATIONS.find((q) => q.distributorCode === 'HK-YK')!;
const OWNER = 'boss@hengkang.demo';

beforeAll(async () => {
  t = await startTestApp({ filesDir });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF')]);

function upload(client: GqlClient, id: string, body: Buffer, name = '经营许可证.pdf') {
  return fetch(`${t.url}/files/qualifications/${id}`, {
    method: 'PUT',
    headers: {
      'x-medchannel-app': client.audience!.toLowerCase(),
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body,
  });
}

function download(client: GqlClient, id: string) {
  return fetch(`${t.url}/files/qualifications/${id}`, {
    headers: {
      'x-medchannel-app': client.audience!.toLowerCase(),
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

test('the owner uploads a PDF scan; it comes back byte for byte and shows on the qualification', async () => {
  const owner = await t.as(OWNER);
  const res = await upload(owner, mine.id, PDF);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({
    fileName: '经营许可证.pdf',
    fileMime: 'application/pdf',
    fileSize: PDF.length,
  });
  const back = await download(owner, mine.id);
  expect(back.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await back.arrayBuffer()).equals(PDF)).toBe(true);
  const brand = await t.as('zhao.rh@huakang.demo');
  const r = await brand.request(
    `query($d: ID!) { distributor(id: $d) { qualifications { id file { name size url } } } }`,
    {
      d: (await t.app.ds.query(`SELECT distributor_id FROM qualification WHERE id = $1`, [mine.id]))[0].distributor_id,
    },
  );
  expect(r.data.distributor.qualifications.find((q: { id: string }) => q.id === mine.id).file).toEqual({
    name: '经营许可证.pdf',
    size: PDF.length,
    url: `/files/qualifications/${mine.id}`,
  });
});

test('the type is read from the content: an executable named .pdf is refused, nothing changes', async () => {
  const owner = await t.as(OWNER);
  const before = await footprint(t.app.ds, userByEmail(OWNER).id);
  const res = await upload(owner, mine.id, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'licence.pdf');
  expect(res.status).toBe(415);
  expect(((await res.json()) as { error: unknown }).error).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason: 'UNSUPPORTED_FILE_TYPE',
    field: 'file',
  });
  expect(await footprint(t.app.ds, userByEmail(OWNER).id)).toEqual(before);
});

test('more than 10 MB is refused', async () => {
  const owner = await t.as(OWNER);
  const res = await upload(owner, mine.id, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]));
  expect(res.status).toBe(413);
  expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('FILE_TOO_LARGE');
});

test('another distributor’s document is NOT_FOUND both ways; a rep may not upload; no cookie, no file', async () => {
  const owner = await t.as(OWNER);
  expect((await upload(owner, theirs.id, PDF)).status).toBe(404);
  expect((await download(owner, theirs.id)).status).toBe(404);
  const other = await t.as('boss@yuekang.demo');
  expect((await download(other, mine.id)).status).toBe(404);
  const rep = await t.as('li.rep@kangda.demo');
  expect((await upload(rep, QUALIFICATIONS[0].id, PDF)).status).toBe(403);
  expect((await download(t.client(Audience.PORTAL), mine.id)).status).toBe(401);
});

/** Reads a stored ZIP back: names and bytes, checking each entry's CRC. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50;) {
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = buf.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    expect(crc32(data) >>> 0).toBe(buf.readUInt32LE(at + 14));
    out.set(name, Buffer.from(data));
    at += 30 + nameLength + extra + size;
  }
  return out;
}

test('the qualification pack holds the uploaded licence, an authorization letter per live grant and the registration list', async () => {
  const owner = await t.as(OWNER);
  expect((await upload(owner, mine.id, PDF)).status).toBe(200);
  const [{ distributor_id: hengkang }] = await t.app.ds.query(
    `SELECT distributor_id FROM qualification WHERE id = $1`,
    [mine.id],
  );
  const res = await fetch(`${t.url}/files/packs/${hengkang}.zip`, {
    headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const files = unzip(Buffer.from(await res.arrayBuffer()));
  const names = [...files.keys()];
  expect(names.find((n) => n.startsWith('资质/') && n.endsWith('经营许可证.pdf'))).toBeDefined();
  expect(files.get(names.find((n) => n.endsWith('经营许可证.pdf'))!)!.equals(PDF)).toBe(true);
  const letterName = names.find((n) => n.startsWith('授权书/'))!;
  expect(letterName).toMatch(/\.pdf$/);
  const letter = pdfText(files.get(letterName)!).join(''); // wrapped lines joined
  expect(letter).toContain('苏州恒康医疗器械有限公司');
  expect(letter).toContain('C反应蛋白测定试剂盒');
  expect(letter).toContain('苏州大学附属第一医院');
  expect(files.get('注册证清单.csv')!.toString('utf8')).toContain('浙械注准20222400456');
  // another distributor's pack is NOT_FOUND
  const other = await t.as('boss@yuekang.demo');
  const foreign = await fetch(`${t.url}/files/packs/${hengkang}.zip`, {
    headers: { 'x-medchannel-app': 'portal', cookie: [...other.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(foreign.status).toBe(404);
});
