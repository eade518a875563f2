import { login, openBrowser, url, type Session } from './support/browser';
import { linkMailedTo, setPasswordFromLink } from './people-steps';
import { pickOption } from './support/select';

const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = 'Harbour-Lantern-42';
const sessions: Session[] = [];

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function browser(viewport: { width: number; height: number }): Promise<Session> {
  const s = await openBrowser(viewport);
  sessions.push(s);
  return s;
}

test('an admin invites a channel manager, who sets a password from the e-mail and signs in', async () => {
  const admin = await browser(DESKTOP);
  const { page } = admin;
  await page.goto(url('console', '/people'));
  await login(page, 'admin@huakang.demo');
  await page.waitForURL((u) => u.pathname === '/people');
  await page.locator('[data-testid="person-row"][data-email="zhang.cm@huakang.demo"]').waitFor();
  await admin.shot('people-01-console-users');

  await page.getByTestId('invite-user').click();
  await page.getByTestId('person-email').fill('xu.cm@huakang.demo');
  await page.getByTestId('person-name').fill('徐明');
  await pickOption(page, page.getByTestId('person-role'), '渠道经理');
  // the regions' field shows once the role is a channel manager's
  await pickOption(page, page.getByTestId('person-regions'), '杭州');
  await admin.shot('people-02-console-invite');
  await page.getByTestId('person-submit').click();
  const row = page.locator('[data-testid="person-row"][data-email="xu.cm@huakang.demo"]');
  await row.getByTestId('person-status').getByText('已邀请').waitFor();

  // the mail is kept (no SMTP server here): the admin reads it in the mail list and its link is there
  await page.getByTestId('nav-mail').click();
  const mailRow = page.locator('[data-testid="mail-row"][data-to="xu.cm@huakang.demo"]').first();
  await mailRow.locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('mail-link').first().waitFor();
  await admin.shot('people-03-console-mail');

  const cm = await browser(DESKTOP);
  await cm.page.goto(url('console', await linkMailedTo('xu.cm@huakang.demo')));
  await cm.page.getByTestId('set-password').waitFor();
  await cm.shot('people-04-set-password');
  await setPasswordFromLink(cm.page, NEW_PASSWORD);
  await cm.page.getByTestId('set-password-login').click();
  await login(cm.page, 'xu.cm@huakang.demo', NEW_PASSWORD);
  await cm.page.getByTestId('welcome').waitFor();
  expect(await cm.page.getByTestId('user-role').innerText()).toBe('渠道经理');

  // the link was single use
  await cm.page.goto(url('console', await linkMailedTo('xu.cm@huakang.demo')));
  await cm.page.getByTestId('set-password').waitFor();
  await setPasswordAgainRefused(cm);

  // the admin sees him active, signed in
  await page.getByTestId('nav-people').click();
  await row.getByTestId('person-status').getByText('正常').waitFor();
  await admin.shot('people-05-console-users-active');

  // his own profile: the sessions he holds
  await cm.page.goto(url('console', '/profile'));
  await cm.page.locator('[data-testid="session"][data-current="true"]').waitFor();
  await cm.shot('people-06-console-profile');
});

async function setPasswordAgainRefused(s: Session) {
  const { page } = s;
  // signed in already, the set-password page still opens (it is a signed-out page)
  await page.getByTestId('set-password').fill(NEW_PASSWORD + 'x');
  await page.getByTestId('set-password-confirm').fill(NEW_PASSWORD + 'x');
  await page.getByTestId('set-password-submit').click();
  await page.getByTestId('set-password-error').getByText('链接已失效').waitFor();
}

test('an owner invites a rep, the rep signs in on a phone, the owner disables him and his session dies', async () => {
  const owner = await browser(PHONE);
  await owner.page.goto(url('portal', '/me'));
  await login(owner.page, 'boss@kangda.demo');
  await owner.page.getByTestId('me-team').click();
  await owner.page.waitForURL((u) => u.pathname === '/me/team');
  await owner.page.locator('[data-testid="member"][data-email="li.rep@kangda.demo"]').waitFor();
  await owner.page.getByTestId('invite-rep').click();
  await owner.page.getByTestId('rep-name').fill('陈晨');
  await owner.page.getByTestId('rep-email').fill('chen.rep@kangda.demo');
  await owner.shot('people-07-portal-invite-rep');
  await owner.page.getByTestId('rep-submit').click();
  const member = owner.page.locator('[data-testid="member"][data-email="chen.rep@kangda.demo"]');
  await member.getByTestId('member-status').getByText('已邀请').waitFor();
  await owner.shot('people-08-portal-team');

  const rep = await browser(PHONE);
  await rep.page.goto(url('portal', await linkMailedTo('chen.rep@kangda.demo')));
  await setPasswordFromLink(rep.page, NEW_PASSWORD);
  await rep.shot('people-09-portal-password-set');
  await rep.page.getByTestId('set-password-login').click();
  await login(rep.page, 'chen.rep@kangda.demo', NEW_PASSWORD);
  await rep.page.getByTestId('welcome').waitFor();
  await rep.page.getByTestId('tab-me').click();
  await rep.page.getByTestId('me-security').click();
  await rep.page.locator('[data-testid="session"][data-current="true"]').waitFor();
  await rep.shot('people-10-portal-security');

  // the owner disables him: his very next request answers UNAUTHENTICATED and he is back at login
  await owner.page.reload();
  await member.getByTestId('member-status').getByText('正常').waitFor();
  await member.getByTestId('member-toggle').click();
  await owner.page.getByTestId('member-toggle-confirm').click();
  await member.getByTestId('member-status').getByText('已停用').waitFor();
  await owner.shot('people-11-portal-disabled');

  await rep.page.getByTestId('tab-orders').click();
  await rep.page.waitForURL((u) => u.pathname === '/login');
  await login(rep.page, 'chen.rep@kangda.demo', NEW_PASSWORD);
  await rep.page.getByTestId('login-error').waitFor();
  await rep.shot('people-12-portal-rep-locked-out');

  // forgot password on the portal's login page: the same answer whoever asks
  await rep.page.getByTestId('login-forgot').click();
  await rep.page.getByTestId('forgot-email').fill('nobody@nowhere.demo');
  await rep.page.getByTestId('forgot-submit').click();
  await rep.page.getByTestId('reset-sent').waitFor();
  await rep.shot('people-13-portal-forgot');
});
