import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { S3Storage } from '../../common/s3-storage';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { TestS3, startTestS3 } from '../../../test/s3-server';
import { QUALIFICATIONS } from '../../db/seed/authorization-data';

/**
 * The API with its files in an S3-compatible store (s3rver, started here): a scan uploaded through
 * the qualification route lands in the bucket, not the local directory, and comes back streamed;
 * above S3_PRESIGN_ABOVE_BYTES it comes back as a redirect to a pre-signed URL, behind the same
 * scope check.
 */
let t: TestApp;
let s3: TestS3;
let bucket: S3Storage;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-s3-unused-'));
const mine = QUALIFICATIONS.find((q) => q.distributorCode === 'HK-HGK')!;
const OWNER = 'boss@hengkang.demo';
const PRESIGN_ABOVE = 64 * 1024;

beforeAll(async () => {
  s3 = await startTestS3({ presignAboveBytes: PRESIGN_ABOVE });
  bucket = new S3Storage(s3.settings);
  t = await startTestApp({ filesDir, s3: s3.settings });
});
afterAll(async () => {
  await t?.stop();
  bucket?.close();
  await s3?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 15, 0x41), Buffer.from('\n%%EOF')]);

const headers = (client: GqlClient) => ({
  'x-medchannel-app': client.audience!.toLowerCase(),
  cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});

function upload(client: GqlClient, id: string, body: Buffer, name: string) {
  return fetch(`${t.url}/files/qualifications/${id}`, {
    method: 'PUT',
    headers: {
      ...headers(client),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body,
  });
}

const download = (client: GqlClient, id: string) =>
  fetch(`${t.url}/files/qualifications/${id}`, { headers: headers(client), redirect: 'manual' });

async function storedKey(id: string): Promise<string> {
  const [{ file_key }] = await t.app.ds.query(`SELECT file_key FROM qualification WHERE id = $1`, [id]);
  return file_key as string;
}

test('an uploaded scan is kept in the bucket and downloaded through the API as it was sent', async () => {
  const owner = await t.as(OWNER);
  const scan = pdf(3000);
  const res = await upload(owner, mine.id, scan, '医疗器械经营许可证.pdf');
  expect(res.status).toBe(200);
  expect(await bucket.head(await storedKey(mine.id))).toEqual({ size: scan.length });
  expect(fs.readdirSync(filesDir)).toEqual([]);

  const back = await download(owner, mine.id);
  expect(back.status).toBe(200);
  expect(back.headers.get('content-type')).toBe('application/pdf');
  expect(back.headers.get('content-length')).toBe(String(scan.length));
  expect(back.headers.get('content-disposition')).toBe(
    `inline; filename*=UTF-8''${encodeURIComponent('医疗器械经营许可证.pdf')}`,
  );
  expect(Buffer.from(await back.arrayBuffer()).equals(scan)).toBe(true);

  // the qualification pack reads the scan from the bucket too
  const [{ distributor_id }] = await t.app.ds.query(`SELECT distributor_id FROM qualification WHERE id = $1`, [
    mine.id,
  ]);
  const pack = await fetch(`${t.url}/files/packs/${distributor_id}.zip`, { headers: headers(owner) });
  expect(pack.status).toBe(200);
  expect(Buffer.from(await pack.arrayBuffer()).includes(scan)).toBe(true);
});

test('a scan above the limit is a redirect to a pre-signed URL, for those who may see it only', async () => {
  const owner = await t.as(OWNER);
  const scan = pdf(PRESIGN_ABOVE + 1);
  expect((await upload(owner, mine.id, scan, '营业执照.pdf')).status).toBe(200);

  const back = await download(owner, mine.id);
  expect(back.status).toBe(302);
  expect(back.headers.get('cache-control')).toBe('private, no-store');
  const signed = back.headers.get('location')!;
  expect(signed.startsWith(`${s3.settings.endpoint}/${s3.settings.bucket}/`)).toBe(true);
  expect(signed).toMatch(/X-Amz-Signature=/);
  const fromStore = await fetch(signed);
  expect(fromStore.status).toBe(200);
  expect(fromStore.headers.get('content-type')).toBe('application/pdf');
  expect(fromStore.headers.get('content-disposition')).toBe(
    `inline; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`,
  );
  expect(Buffer.from(await fromStore.arrayBuffer()).equals(scan)).toBe(true);

  // another distributor's owner gets NOT_FOUND, no address; nobody logged in, no address either
  const other = await t.as('boss@yuekang.demo');
  const refused = await download(other, mine.id);
  expect(refused.status).toBe(404);
  expect(refused.headers.get('location')).toBeNull();
  expect((await download(t.client(owner.audience), mine.id)).status).toBe(401);
});

test('a scan missing from the bucket is NOT_FOUND, as a document that does not exist', async () => {
  const owner = await t.as(OWNER);
  expect((await upload(owner, mine.id, pdf(2000), 'licence.pdf')).status).toBe(200);
  await bucket.delete(await storedKey(mine.id));
  const res = await download(owner, mine.id);
  expect(res.status).toBe(404);
  expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 'NOT_FOUND' });
});
