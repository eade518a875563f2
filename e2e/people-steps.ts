import type { Page } from 'playwright-core';
import { apiAs } from './support/api';

/**
 * The kept mail (no SMTP server in the browser tests) read as the brand's admin would read it in
 * the console's mail list, through the API the console's server forwards to: the newest link sent
 * to an address, as a path on the app under test (the link names the app's configured address).
 */
export async function linkMailedTo(to: string): Promise<string> {
  const admin = await apiAs('console', 'admin@huakang.demo');
  const { mailMessages } = await admin<{
    mailMessages: { nodes: Array<{ toAddress: string; kind: string; body: string | null }> };
  }>(`{ mailMessages(first: 50) { nodes { toAddress kind body } } }`);
  // newest first: the latest mail to the address that carries a link (an invitation or a reset)
  const LINK = /https?:\/\/\S+\/set-password\?token=[\w-]+/;
  const mail = mailMessages.nodes.find((m) => m.toAddress === to && m.body && LINK.test(m.body));
  if (!mail?.body) throw new Error(`no kept mail with a link to ${to}`);
  const link = LINK.exec(mail.body)![0];
  const parsed = new URL(link);
  return parsed.pathname + parsed.search;
}

/** The set-password page an e-mailed link opens: a weak password is refused beside the field, then a strong one is set. */
export async function setPasswordFromLink(page: Page, password: string): Promise<void> {
  await page.getByTestId('set-password').fill('password123');
  await page
    .getByTestId('set-password-strength')
    .getByText(/不可用|Not accepted/)
    .waitFor();
  await page.getByTestId('set-password').fill(password);
  await page
    .getByTestId('set-password-strength')
    .getByText(/良好|很强|Good|Strong/)
    .waitFor();
  await page.getByTestId('set-password-confirm').fill(password);
  await page.getByTestId('set-password-submit').click();
  await page.getByTestId('set-password-login').waitFor();
}
