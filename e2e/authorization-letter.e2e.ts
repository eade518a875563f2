import { readFileSync } from 'node:fs';
import { PASSWORD, login, openBrowser, url, type Session } from './support/browser';
import { chinaDay } from './support/calendar';

/**
 * An authorization letter (授权书) downloaded from the console as a PDF, and its QR link opened by
 * a hospital, signed out, on a phone: valid; a letter whose grant is revoked shows 已撤销; a wrong
 * code shows that no such letter exists.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** The brand's admin on the API, as the console would be (the console's server forwards /graphql and /files). */
async function adminApi() {
  const headers = { 'content-type': 'application/json', 'x-medchannel-app': 'console' };
  const res = await fetch(url('console', '/graphql'), {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
      variables: { e: 'admin@huakang.demo', p: PASSWORD },
    }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const r = await fetch(url('console', '/graphql'), {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await r.json()) as { data: T; errors?: unknown[] };
      if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    async file(path: string): Promise<Buffer> {
      const r = await fetch(url('console', path), { headers: { ...headers, cookie } });
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return Buffer.from(await r.arrayBuffer());
    },
  };
}

/** The address a letter's QR code (and printed link) opens, as a path on the portal under test. */
function verifyPathOf(pdf: Buffer): string {
  const link = /\/URI \(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1];
  if (!link) throw new Error('the letter carries no link');
  const parsed = new URL(link);
  expect(parsed.pathname).toBe('/verify/letter');
  return parsed.pathname + parsed.search;
}

const KANGDA = '杭州康达医疗器械有限公司';

test('the admin downloads a live grant’s letter; its QR link, opened signed out on a phone, says the letter is valid', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  const api = await adminApi();
  const { distributors } = await api.gql<{ distributors: { nodes: Array<{ id: string; name: string }> } }>(
    `query($q: String) { distributors(filter: { search: $q }) { nodes { id name } } }`,
    { q: KANGDA },
  );
  const kangda = distributors.nodes.find((d) => d.name === KANGDA)!;
  await page.goto(url('console', `/distributors/${kangda.id}`));
  await page.waitForURL((u) => u.pathname === '/login');
  await login(page, 'admin@huakang.demo');
  await page.getByRole('heading', { name: KANGDA }).waitFor();
  const row = page.getByTestId('authorizations').getByRole('row').filter({ hasText: '生效中' }).first();
  await row.getByRole('button', { name: '下载' }).waitFor();
  await row.scrollIntoViewIfNeeded();
  await s.shot('letter-01-console-grants');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('授权书.pdf');
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const path = verifyPathOf(pdf);

  const phone = await openBrowser(PHONE);
  try {
    await phone.page.goto(url('portal', path));
    await phone.page.getByText('授权书有效').waitFor();
    // the day it was checked, as the page writes dates (2026/12/03)
    expect(await phone.page.getByText(`查验日期：${chinaDay().replace(/-/g, '/')}`).count()).toBe(1);
    await phone.shot('letter-02-verify-valid-phone');
  } finally {
    await phone.close();
  }
});

test('a letter whose grant is revoked shows 已撤销; a mistyped code shows that no such letter exists', async () => {
  const api = await adminApi();
  const { authorizations } = await api.gql<{
    authorizations: Array<{
      distributor: { id: string; name: string };
      productLines: Array<{ id: string }>;
      regions: Array<{ id: string }>;
    }>;
  }>(`{ authorizations(status: ACTIVE) { distributor { id name } productLines { id } regions { id } } }`);
  const model = authorizations.find((g) => g.distributor.name === KANGDA && g.productLines.length && g.regions.length)!;
  // a grant of its own, starting tomorrow, so a rerun or another test is not touched by its revocation
  const day = (offset: number) =>
    new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const start = 1;
  const { grantAuthorization: grant } = await api.gql<{ grantAuthorization: { id: string; version: number } }>(
    `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id version } }`,
    {
      i: {
        distributorId: model.distributor.id,
        kind: 'FORMAL',
        productLineIds: [model.productLines[0].id],
        regionIds: [model.regions[0].id],
        validFrom: day(start),
        validTo: day(start + 30),
      },
    },
  );
  const path = verifyPathOf(await api.file(`/files/authorizations/${grant.id}/letter.pdf`));

  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', path));
  await page.getByText('授权书尚未生效').waitFor();

  await api.gql(
    `mutation($id: ID!, $from: LocalDate!, $v: Int!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "退出", expectedVersion: $v) { id } }`,
    { id: grant.id, from: chinaDay(), v: grant.version },
  );
  await page.reload();
  await page.getByText('授权书已撤销').waitFor();
  await s.shot('letter-03-verify-revoked-phone');

  // typed by hand, with one character wrong
  const code = new URL(url('portal', path)).searchParams.get('code')!;
  await page.getByLabel('验证码').fill(code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
  await page.getByRole('button', { name: '查验' }).click();
  await page.getByText('未找到该授权书').waitFor();
  await s.shot('letter-04-verify-wrong-code-phone');
});
