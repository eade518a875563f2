import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { pdfText } from '../../../test/pdf-text';
import { addDays, today } from '../../common/dates';

/**
 * An authorization letter (授权书) as a PDF for whoever may see the grant, with a verification code
 * and a QR link, and the public check of that code: valid, then revoked once the grant is; nothing
 * else about the letter is told, and a wrong code answers like an unknown number.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let grantId: string;

const GRANT = `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id version } }`;
const REVOKE = `mutation($id: ID!, $from: LocalDate!, $v: Int!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "退出", expectedVersion: $v) { status } }`;

const headers = (c: GqlClient) => ({
  'x-medchannel-app': c.audience!.toLowerCase(),
  cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
});
const download = (c: GqlClient | null, id: string) =>
  fetch(`${t.url}/files/authorizations/${id}/letter.pdf`, c ? { headers: headers(c) } : {});
const verify = (number: string, code: string) =>
  fetch(`${t.url}/files/verify/letters?${new URLSearchParams({ number, code })}`);

/** The printed text, its code, and the link its QR code and address open. */
async function printed(res: Response): Promise<{ text: string; code: string; link: string }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = pdfText(bytes).join('\n');
  const code = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(text)?.[0] ?? '';
  const link = /\/URI \(([^)]*)\)/.exec(bytes.toString('latin1'))?.[1] ?? '';
  return { text, code, link };
}

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  const r = await admin.request(GRANT, {
    i: {
      distributorId: brand.distributorIds[0],
      kind: 'FORMAL',
      exclusive: false,
      productLineIds: [cat.lineId],
      productIds: [],
      regionIds: [cat.cityId],
      hospitalIds: [],
      validFrom: today(),
      validTo: addDays(today(), 365),
    },
  });
  expect(r.errors).toEqual([]);
  grantId = r.data.grantAuthorization.id;
});
afterAll(() => t?.stop());

test('the letter is a one-page PDF naming the distributor, the places, the products, the period, its number and code', async () => {
  const res = await download(admin, grantId);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.clone().arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  const { text, code, link } = await printed(res);
  const [d] = await t.app.ds.query(`SELECT name FROM distributor WHERE id = $1`, [brand.distributorIds[0]]);
  const [city] = await t.app.ds.query(`SELECT name FROM region WHERE id = $1`, [cat.cityId]);
  for (const words of ['授 权 书', d.name, city.name, grantId, `${today()} 至 ${addDays(today(), 365)}`])
    expect(text).toContain(words);
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  // the QR code and the printed address open the portal's check page with number and code filled in
  expect(link).toBe(`${t.app.config.portalUrl}/verify/letter?${new URLSearchParams({ number: grantId, code })}`);
});

test('the public check says VALID, and REVOKED once the grant is revoked; a wrong code is NOT_FOUND like a random number', async () => {
  const { code } = await printed(await download(admin, grantId));
  const ok = await verify(grantId, code);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('cache-control')).toBe('no-store');
  // nothing but the status and the day it was checked
  expect(await ok.json()).toEqual({ status: 'ACTIVE', checkedOn: today() });
  // typed from paper: lower case, spaces, O for 0 all read the same
  expect((await verify(grantId.toUpperCase(), code.toLowerCase().replace('-', ' '))).status).toBe(200);

  const wrong = await verify(
    grantId,
    code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
  );
  const unknown = await verify('00000000-0000-4000-8000-000000000000', code);
  expect(wrong.status).toBe(404);
  expect(unknown.status).toBe(404);
  expect(await wrong.json()).toEqual(await unknown.json());

  const [{ version }] = await t.app.ds.query(`SELECT version FROM authorization_grant WHERE id = $1`, [grantId]);
  const revoked = await admin.request(REVOKE, { id: grantId, from: today(), v: version });
  expect(revoked.errors).toEqual([]);
  expect(await (await verify(grantId, code)).json()).toEqual({ status: 'REVOKED', checkedOn: today() });
});

test('the distributor’s owner downloads his letter; another brand’s admin or owner gets NOT_FOUND, a signed-out caller 401', async () => {
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  expect((await download(owner, grantId)).status).toBe(200);
  const other = await createBrand(t.app.ds, 1);
  const stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
  expect((await download(stranger, grantId)).status).toBe(404);
  expect((await download(stranger, 'not-a-uuid')).status).toBe(404);
  const foreignOwner = t.client(Audience.PORTAL);
  await foreignOwner.login(other.ownerEmail);
  expect((await download(foreignOwner, grantId)).status).toBe(404);
  expect((await download(null, grantId)).status).toBe(401);
});
