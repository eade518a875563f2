import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Audience, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { today } from '../../common/dates';
import { previousPeriod } from './statement-issue';

/**
 * Evidence on a disputed line: the owner attaches a photo to his open dispute (a retry is one attachment), finance
 * reads it with the dispute, nobody of another brand learns it exists, and an answered dispute takes no more.
 */
let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let admin: GqlClient;
let owner: GqlClient;
let otherOwner: GqlClient;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-dispute-files-'));

beforeAll(async () => {
  t = await startTestApp({ filesDir });
  [brand, other] = await Promise.all([createBrand(t.app.ds, 1), createBrand(t.app.ds, 1)]);
  admin = t.client(Audience.CONSOLE);
  owner = t.client(Audience.PORTAL);
  otherOwner = t.client(Audience.PORTAL);
  await Promise.all([admin.login(brand.adminEmail), owner.login(brand.ownerEmail), otherOwner.login(other.ownerEmail)]);
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 3)]);
const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const upload = (c: GqlClient, disputeId: string, body: Buffer) =>
  fetch(`${t.url}/files/statement-disputes/${disputeId}/attachments`, {
    method: 'PUT',
    headers: { ...headers(c), 'x-file-name': encodeURIComponent('签收单.png') },
    body,
  });
const download = (c: GqlClient, url: string) => fetch(`${t.url}${url}`, { headers: headers(c) });

/** Last month's statement of the brand's distributor, issued and then disputed on its one line. */
async function disputedLine(): Promise<{ statementId: string; disputeId: string }> {
  const d = brand.distributorIds[0];
  const period = previousPeriod(today());
  await t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo)
     VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '800.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货')`,
    [brand.brandId, d, `${period}-12`],
  );
  const gen = await admin.request(
    `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id lines { id } } }`,
    { d, p: period },
  );
  expect(gen.errors).toEqual([]);
  const s = gen.data.generateStatement;
  const r = await owner.request(
    `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`,
    { i: { statementId: s.id, lines: [{ lineId: s.lines[0].id, comment: '只收到 1 台，见签收单' }] } },
  );
  expect(r.errors).toEqual([]);
  return { statementId: s.id, disputeId: r.data.disputeStatement.disputes[0].id };
}

test('the owner attaches a photo to his open dispute; finance reads it; another brand cannot; answered, it takes no more', async () => {
  const { statementId, disputeId } = await disputedLine();
  const first = await upload(owner, disputeId, PNG);
  expect(first.status).toBe(200);
  const a = (await first.json()) as { id: string; url: string; fileName: string };
  expect(a.fileName).toBe('签收单.png');
  // a retried upload is the same attachment
  expect(((await (await upload(owner, disputeId, PNG)).json()) as { id: string }).id).toBe(a.id);
  expect((await upload(owner, disputeId, Buffer.from('not a photo'))).status).toBe(415);
  // finance may read the dispute but not add evidence to it; another brand's owner does not find it
  expect((await upload(admin, disputeId, PNG)).status).toBe(403);
  expect((await upload(otherOwner, disputeId, PNG)).status).toBe(404);

  // finance reads the evidence with the dispute, and downloads it
  const read = await admin.request(
    `query($id: ID!) { statement(id: $id) { disputes { id attachments { id fileName fileSize url } } } }`,
    { id: statementId },
  );
  expect(read.errors).toEqual([]);
  expect(read.data.statement.disputes[0].attachments).toEqual([
    { id: a.id, fileName: '签收单.png', fileSize: PNG.length, url: a.url },
  ]);
  const bytes = await download(admin, a.url);
  expect(bytes.status).toBe(200);
  expect(Buffer.from(await bytes.arrayBuffer()).equals(PNG)).toBe(true);
  expect((await download(otherOwner, a.url)).status).toBe(404);
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ATTACH_DISPUTE_FILE' AND entity_id = $1`,
    [disputeId],
  );
  expect(n).toBe(1);

  // answered: no more evidence, with a coded refusal
  const answered = await admin.request(
    `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id } }`,
    { i: { disputeId, resolution: '以签收单为准，按 1 台调整', adjustment: '-400.00' } },
  );
  expect(answered.errors).toEqual([]);
  const late = await upload(owner, disputeId, Buffer.concat([PNG, Buffer.alloc(10, 1)]));
  expect(late.status).toBe(409);
  expect(((await late.json()) as { error: { reason: string } }).error.reason).toBe(ErrorReason.ILLEGAL_TRANSITION);
});
