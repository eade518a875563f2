import { join } from 'node:path';
import { browsers, login, PHONE, url } from './support/browser';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { initialJs } = require('./bundle-size.cjs') as typeof import('./bundle-size.cjs');

// Issue 23: a signed-out phone loads the portal's sign-in shell (portal-partner/src/main.tsx), plain
// React and the words, and nothing of antd, Apollo or the router; the full app comes once signed in,
// on the page the link opened. What the page fetches is the initial load bundle-size.cjs measures
// and budgets (e2e/bundle-budget.e2e.ts), so that number is what a phone really downloads to sign in.
const LIBRARIES = ['@ant-design', 'antd-', '__APOLLO_CLIENT__', '@apollo/client', '__reactRouterVersion'];
const { open } = browsers(PHONE);

test('signed out, a deep link shows the sign-in without antd, Apollo or the router, in both languages, and signing in lands on the linked page; a session ending in the app returns there too', async () => {
  const s = await open();
  const { page } = s;
  // what the page runs (scripts), and the app's files it only fetches into the cache meanwhile
  const scripts = new Map<string, string>();
  const prefetched: string[] = [];
  const asked: string[] = [];
  const askedMe = () => asked.filter((query) => query.includes('query Me')).length;
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) asked.push(request.postData() ?? '');
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const type = response.request().resourceType();
    if (type === 'script') void response.text().then((body) => scripts.set(path.slice(1), body));
    else if (type === 'fetch' && path.startsWith('/assets/')) prefetched.push(path);
  });
  await page.goto(url('portal', '/orders?status=APPROVED'));
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/orders?status=APPROVED');
  await page.getByLabel('邮箱').waitFor();
  await page.getByLabel('密码', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  await s.shot('sign-in-shell-01-zh-CN');

  // exactly the measured initial load, and none of it a library's that the full app brings
  const measured = initialJs(join(__dirname, '..', 'portal-partner', 'dist')).chunks.map((c) => c.file);
  expect([...scripts.keys()].sort()).toEqual([...measured].sort());
  for (const [file, body] of scripts)
    for (const marker of LIBRARIES) expect(`${file}: ${body.includes(marker) ? marker : 'none'}`).toBe(`${file}: none`);
  // the full app, its frame and the home arrive in the cache while the sign-in shows, none of them run
  const listed = await page.evaluate(
    () => JSON.parse(document.getElementById('app-chunks')?.textContent ?? '[]') as string[],
  );
  expect(listed.some((file) => /\/assets\/App-.+\.js$/.test(file))).toBe(true);
  expect([...prefetched].sort()).toEqual([...listed].sort());
  expect(askedMe()).toBe(1);

  // English on the same page, its words fetched without the app; then back to Chinese to sign in
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByLabel('Email').waitFor();
  await page.getByText('Brand staff? Sign in to the console').waitFor();
  await s.shot('sign-in-shell-02-en');
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByLabel('邮箱').waitFor();

  // a field left empty is said beside it, without a request
  await page.getByTestId('login-submit').click();
  await page.getByText('请输入有效的邮箱地址').waitFor();
  await page.getByText('请输入密码').waitFor();

  await login(page, 'li.rep@kangda.demo');
  await page.waitForURL((u) => u.pathname === '/orders' && u.searchParams.get('status') === 'APPROVED');
  await page.getByTestId('tab-bar').waitFor();
  await s.shot('sign-in-shell-03-landed');
  // the app opened as the person the sign-in answered: it did not ask who is signed in again
  expect(askedMe()).toBe(1);

  // opened again with the session cookie but nothing kept on the device: asked once, by the shell
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => localStorage.clear());
  asked.length = 0;
  await page.reload();
  await page.getByTestId('tab-bar').waitFor();
  await page.waitForLoadState('networkidle');
  expect(askedMe()).toBe(1);

  // the session ends while the app is open: its next request brings the same sign-in page (the
  // app's /login), which says so, and signing in there returns to where the rep was going
  await page.waitForLoadState('networkidle'); // the orders' answer in, none on its way when the cookie goes
  await s.context.clearCookies();
  await page.getByTestId('tab-bar').getByText('对账').click();
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/statements');
  await page.getByTestId('session-expired').waitFor();
  await page.getByLabel('邮箱').waitFor();
  await s.shot('sign-in-shell-04-session-ended');
  await login(page, 'li.rep@kangda.demo');
  await page.waitForURL((u) => u.pathname === '/statements');
  await page.getByTestId('account-summary').waitFor();
});

test('a signal that stalls the question of who is signed in does not hold the first screen: the sign-in comes after a bounded wait', async () => {
  const s = await open();
  const { page } = s;
  // the API never answers the shell's `me` (a request into a dead signal); everything else goes through
  const held: Array<() => void> = [];
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('query Me')) await new Promise<void>((resolve) => held.push(resolve));
    else await route.continue();
  });
  await page.goto(url('portal', '/orders'));
  // the shell's own limit is 8 s; the wait's is longer, and the sign-in page is what comes
  await page.getByLabel('邮箱').waitFor({ timeout: 20_000 });
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/orders');
  expect(held.length).toBeGreaterThanOrEqual(1);
  held.forEach((release) => release());
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('what the device kept of a session the API has ended is gone before the app loads, when someone signs in on the sign-in page', async () => {
  const s = await open();
  const { page } = s;
  await page.goto(url('portal', '/login?next=/orders'));
  await page.getByLabel('邮箱').waitFor();
  await page.waitForLoadState('networkidle'); // the app's files prefetched: it loads at once at the tap
  // another person's snapshot, left on the device (their session ended with the app closed)
  await page.evaluate(() =>
    localStorage.setItem(
      'medchannel.portal.kept',
      JSON.stringify({
        ROOT_QUERY: { __typename: 'Query', me: { __ref: 'User:someone-else' } },
        'User:someone-else': { __typename: 'User', id: 'someone-else', email: 'someone.else@example.com' },
      }),
    ),
  );
  // the answer to the sign-in comes after the app has loaded (as on a slow signal)
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('mutation Login'))
      await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await login(page, 'li.rep@kangda.demo');
  await page.waitForURL((u) => u.pathname === '/orders');
  // the orders' answer kept on the device (SyncedNote): the signed-in rep's, nothing of the other person
  await page.waitForFunction(() => localStorage.getItem('medchannel.portal.kept')?.includes('li.rep@kangda.demo'));
  expect(await page.evaluate(() => localStorage.getItem('medchannel.portal.kept'))).not.toContain('someone-else');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
