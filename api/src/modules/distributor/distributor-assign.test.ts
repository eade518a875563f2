import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, brandAndOther } from '../../../test/factories';

/** Many distributors to one channel manager at once: the distributors list's row selection. */

let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  ({ brand, other, admin } = await brandAndOther(t, 8, 2));
});
afterAll(() => t?.stop());

const ASSIGN = `mutation($d: [ID!]!, $u: ID!) {
  assignDistributorsToChannelManager(distributorIds: $d, userId: $u) { id version channelManager { id } } }`;

async function state(ids: string[]) {
  const rows = await t.app.ds.query(
    `SELECT d.id, d.version, d.channel_manager_id,
       (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = d.id) AS audits
     FROM distributor d WHERE d.id = ANY($1) ORDER BY d.id`,
    [ids],
  );
  return rows as Array<{ id: string; version: number; channel_manager_id: string | null; audits: number }>;
}

async function managers(of: BrandFixture): Promise<string[]> {
  const rows = await t.app.ds.query(
    `SELECT id FROM app_user WHERE brand_id = $1 AND role = 'CHANNEL_MANAGER' ORDER BY email`,
    [of.brandId],
  );
  return rows.map((r: { id: string }) => r.id);
}

test('assigns every distributor named, in the order named; those already his are left alone; a retry changes nothing', async () => {
  const [cm] = await managers(brand);
  const ids = brand.distributorIds.slice(0, 4);
  // one of them is his already: no change, no audit row, no new version
  await t.app.ds.query(`UPDATE distributor SET channel_manager_id = $1 WHERE id = $2`, [cm, ids[1]]);
  const before = await state(ids);
  const named = [ids[3], ids[0], ids[1], ids[2], ids[0]];
  const r = await admin.request(ASSIGN, { d: named, u: cm });
  expect(r.errors).toEqual([]);
  expect(r.data.assignDistributorsToChannelManager.map((d: { id: string }) => d.id)).toEqual([
    ids[3],
    ids[0],
    ids[1],
    ids[2],
  ]);
  const after = await state(ids);
  for (const [i, row] of after.entries()) {
    const was = before[i];
    expect(row.channel_manager_id).toBe(cm);
    const moved = was.channel_manager_id !== cm;
    expect(row.version).toBe(was.version + (moved ? 1 : 0));
    expect(row.audits).toBe(was.audits + (moved ? 1 : 0));
  }
  const moved = before.find((row) => row.channel_manager_id !== cm)!;
  const [audit] = await t.app.ds.query(
    `SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [moved.id],
  );
  expect(audit).toEqual({
    action: 'ASSIGN_CHANNEL_MANAGER',
    changes: { channelManagerId: { from: moved.channel_manager_id, to: cm } },
  });

  const retry = await admin.request(ASSIGN, { d: named, u: cm });
  expect(retry.errors).toEqual([]);
  expect(await state(ids)).toEqual(after);
});

test('a foreign or unknown distributor among them answers NOT_FOUND for the field, the same either way, and changes none', async () => {
  const [, cm] = await managers(brand);
  const ids = brand.distributorIds.slice(4, 6);
  const before = await state(ids);
  for (const stranger of [other.distributorIds[0], '00000000-0000-4000-8000-000000000000']) {
    const r = await admin.request(ASSIGN, { d: [...ids, stranger], u: cm });
    expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
    expect(r.errors[0].extensions?.field).toBe('distributorIds');
    expect(JSON.stringify(r.errors)).not.toContain(stranger);
  }
  const malformed = await admin.request(ASSIGN, { d: [...ids, 'not-an-id'], u: cm });
  expect(codeOf(malformed)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(await state(ids)).toEqual(before);
});

test('only an active channel manager of the brand; another brand’s answers like no one', async () => {
  const ids = brand.distributorIds.slice(6, 8);
  const before = await state(ids);
  const [owner] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
  const notManager = await admin.request(ASSIGN, { d: ids, u: owner.id });
  expect(codeOf(notManager)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(notManager.errors[0].extensions?.field).toBe('userId');
  const [foreignCm] = await managers(other);
  const foreign = await admin.request(ASSIGN, { d: ids, u: foreignCm });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  expect(foreign.errors[0].extensions?.field).toBe('userId');
  expect(await state(ids)).toEqual(before);
});

test('a channel manager may not reassign: FORBIDDEN', async () => {
  const cmClient = t.client(Audience.CONSOLE);
  const [email] = await t.app.ds.query(`SELECT email FROM app_user WHERE id = $1`, [(await managers(brand))[0]]);
  await cmClient.login(email.email);
  const r = await cmClient.request(ASSIGN, { d: brand.distributorIds.slice(0, 1), u: (await managers(brand))[1] });
  expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
});
