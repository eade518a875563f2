import type { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * What the people tests share (people.invitations.test.ts, people.access-changes.test.ts): one app
 * per test file with the brand's admin and a distributor's owner signed in, the mail kept (no SMTP
 * here), and the invitation and set-password steps.
 */
export const STRONG = 'Harbour-Lantern-42';
export let t: TestApp;
export let admin: GqlClient;
export let owner: GqlClient;

/** Starts the file's app before its tests and stops it after. */
export function startPeopleApp(): void {
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@huakang.demo');
    owner = await t.as('boss@kangda.demo');
  });
  afterAll(() => t?.stop());
}

export async function lastMail(to: string): Promise<{ kind: string; subject: string; body: string } | undefined> {
  const rows = await t.app.ds.query(
    `SELECT kind, subject, body FROM mail_message WHERE to_address = $1 ORDER BY seq DESC LIMIT 1`,
    [to],
  );
  return rows[0];
}
export const mailCount = async (to: string) =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM mail_message WHERE to_address = $1`, [to]))[0].n as number;
export const tokenIn = (body: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(body)![1];
export const regionId = async (code: string) =>
  (
    await t.app.ds.query(
      `SELECT id FROM region WHERE code = $1 AND brand_id = (SELECT brand_id FROM app_user WHERE email = 'admin@huakang.demo')`,
      [code],
    )
  )[0].id as string;
export const distributorId = async (code: string) =>
  (await t.app.ds.query(`SELECT id FROM distributor WHERE code = $1`, [code]))[0].id as string;

export const INVITE_BRAND = `mutation($input: InviteBrandUserInput!) { inviteBrandUser(input: $input) { id email role status version regions { id } } }`;
export const INVITE_REP = `mutation($input: InviteRepInput!) { inviteRep(input: $input) { id email role status } }`;
export const SET_PASSWORD = `mutation($token: String!, $password: String!) { setPasswordWithLink(token: $token, password: $password) }`;

export async function setPasswordFromMail(email: string, audience: Audience, password = STRONG): Promise<GqlClient> {
  const anon = t.client(audience);
  const r = await anon.request(SET_PASSWORD, { token: tokenIn((await lastMail(email))!.body), password });
  expect(r.errors).toEqual([]);
  const c = t.client(audience);
  await c.login(email, password);
  return c;
}
