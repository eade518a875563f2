import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';

// A notice's link opens its record, signed in or not. 冯晓, a rep of 瑞达 (no other browser test
// signs him in), takes 订单审核通过 by e-mail at once. The order desk approves the order he placed
// (the seed's, still submitted: approved once, a second run reads the same mail). The mail links the
// order on the portal's address. On his phone, signed out, he opens that link: the portal asks him
// to sign in and then shows the order. Later his session ends; opening the page again asks him to
// sign in once more and brings him back to the same order.
const PHONE = { width: 390, height: 844 };
const REP = 'rep@ruida.demo';
/** The seed's order of 冯晓 (order-data.ts: its ids are fixed). */
const ORDER = '0000002a-0000-4000-8000-00000000000b';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** The link in the latest notice mail to `to` that names `words`, as the brand's admin reads the kept mails. */
async function noticeLinkMailedTo(to: string, words: string): Promise<string> {
  const admin = await apiAs('console', 'admin@ruiguang.demo');
  const { mailMessages } = await admin<{
    mailMessages: { nodes: Array<{ toAddress: string; kind: string; body: string | null }> };
  }>(`{ mailMessages(first: 50) { nodes { toAddress kind body } } }`);
  const mail = mailMessages.nodes.find((m) => m.toAddress === to && m.kind === 'NOTICE' && m.body?.includes(words));
  if (!mail?.body) throw new Error(`no notice mail to ${to} about ${words}`);
  return /https?:\/\/\S+/.exec(mail.body)![0];
}

test('a rep signed out opens an order notice’s link from an e-mail, signs in and sees the order; after his session ends, the same page again', async () => {
  const rep = await apiAs('portal', REP);
  await rep(`mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind } }`, {
    c: [{ kind: 'ORDER_APPROVED', channel: 'EMAIL', delivery: 'INSTANT' }],
  });
  const { order } = await rep<{ order: { number: string; status: string; version: number } }>(
    `query($id: ID!) { order(id: $id) { number status version } }`,
    { id: ORDER },
  );
  if (order.status === 'SUBMITTED') {
    const desk = await apiAs('console', 'order@ruiguang.demo');
    await desk(`mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`, {
      id: ORDER,
      v: order.version,
    });
  }

  // the mail links the order on the portal's address (a run on an API of its own: the apps' addresses are its config)
  const link = await noticeLinkMailedTo(REP, `订单 ${order.number} 已审核通过`);
  expect(new URL(link).pathname).toBe(`/orders/${ORDER}`);
  if (!process.env.E2E_API_URL) expect(link).toBe(url('portal', `/orders/${ORDER}`));

  // signed out on his phone, he opens it (on this run's portal: the same address when the run started the API)
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', new URL(link).pathname));
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === `/orders/${ORDER}`);
  await page.getByTestId('login-submit').waitFor();
  await s.shot('deep-link-01-sign-in-first');
  await login(page, REP);
  await page.waitForURL((u) => u.pathname === `/orders/${ORDER}`);
  await page.getByTestId('order-number').getByText(order.number).waitFor();
  await page.locator('[data-testid="order-status"][data-status="APPROVED"]').waitFor();
  await s.shot('deep-link-02-the-order');

  // his session ends: opening the page again asks him to sign in and brings him back to the order
  await s.context.clearCookies();
  await page.reload();
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === `/orders/${ORDER}`);
  await page.getByTestId('login-submit').waitFor();
  await s.shot('deep-link-03-session-ended');
  await login(page, REP);
  await page.waitForURL((u) => u.pathname === `/orders/${ORDER}`);
  await page.getByTestId('order-number').getByText(order.number).waitFor();
});
