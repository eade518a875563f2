import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Role } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { person } from '../../../test/factories';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { distributorByCode, userByEmail } from '../../db/seed/demo-data';

/** Visit photos: the author attaches, the note's readers download, nobody else learns they exist. */
let t: TestApp;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-visit-files-'));
beforeAll(async () => {
  t = await startTestApp({ filesDir });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]);
const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const upload = (c: GqlClient, noteId: string, body: Buffer) =>
  fetch(`${t.url}/files/visit-notes/${noteId}/attachments`, {
    method: 'PUT',
    headers: { ...headers(c), 'x-file-name': encodeURIComponent('科室白板.png') },
    body,
  });

test('a photo on a shared note: uploaded once by the author, read by the CC list only', async () => {
  // 陈静 writes about 广州粤康 to its owner 黄志明 (neither is an isolation-matrix persona)
  const [cm, owner, ownerB] = await Promise.all(
    ['chen.cm@huakang.demo', 'boss@yuekang.demo', 'boss@huaning.demo'].map((e) => t.as(e)),
  );
  const rep2 = (await person(t, 'yk.rep', Role.REP, { distributorCode: 'HK-YK' })).client;
  const written = await cm.request(`mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`, {
    i: {
      hospitalId: HOSPITALS[5].id,
      distributorId: distributorByCode('HK-YK').id,
      visibility: 'SHARED',
      outcome: '带照片的纪要',
      ccUserIds: [userByEmail('boss@yuekang.demo').id],
      idempotencyKey: randomUUID(),
    },
  });
  const noteId = written.data.writeVisitNote.id;
  const first = await upload(cm, noteId, PNG);
  expect(first.status).toBe(200);
  const a = (await first.json()) as { id: string; url: string };
  expect(a).toMatchObject({ fileName: '科室白板.png', fileMime: 'image/png', fileSize: PNG.length });
  // the retried upload is the same attachment
  expect(((await (await upload(cm, noteId, PNG)).json()) as { id: string }).id).toBe(a.id);
  expect((await upload(owner, noteId, PNG)).status).toBe(403);
  expect((await upload(ownerB, noteId, PNG)).status).toBe(404);
  expect((await upload(cm, noteId, Buffer.from('plain text'))).status).toBe(415);

  const listed = await owner.request(`query($id: ID!) { visitNote(id: $id) { attachments { id url } } }`, {
    id: noteId,
  });
  expect(listed.data.visitNote.attachments).toEqual([{ id: a.id, url: a.url }]);
  const got = await fetch(`${t.url}${a.url}`, { headers: headers(owner) });
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  for (const outsider of [ownerB, rep2])
    expect((await fetch(`${t.url}${a.url}`, { headers: headers(outsider) })).status).toBe(404);
});
