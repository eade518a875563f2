import { browsers, PHONE, login, url, type Session } from './support/browser';
import { linkMailedTo, setPasswordFromLink } from './people-steps';
import { pickOption } from './support/select';
import { tagPerAttempt } from './support/attempt';

const DESKTOP = { width: 1366, height: 800 };
const NEW_PASSWORD = 'Harbour-Lantern-42';
// the people each attempt invites are its own (a retry runs on the same database)
const tag = tagPerAttempt();
const { open: browser, signedIn } = browsers();

test('an admin invites a channel manager, who sets a password from the e-mail and signs in', async () => {
  const CM = `xu.cm.${tag()}@huakang.demo`;
  const admin = await signedIn('console', 'admin@huakang.demo', '/people', DESKTOP);
  const { page } = admin;
  await page.waitForURL((u) => u.pathname === '/people');
  await page.locator('[data-testid="person-row"][data-email="zhang.cm@huakang.demo"]').waitFor();
  await admin.shot('people-01-console-users');

  await page.getByRole('button', { name: '邀请同事' }).click();
  const invite = page.getByRole('dialog', { name: '邀请同事' });
  await invite.getByLabel('邮箱').fill(CM);
  await invite.getByLabel('姓名').fill('徐明');
  await pickOption(page, invite.getByLabel('角色'), '渠道经理');
  // the regions' field shows once the role is a channel manager's
  await pickOption(page, invite.getByLabel('负责区域'), '杭州');
  await admin.shot('people-02-console-invite');
  await invite.getByRole('button', { name: '发送邀请' }).click();
  const row = page.locator(`[data-testid="person-row"][data-email="${CM}"]`);
  await row.getByText('已邀请').waitFor();

  // the mail is kept (no SMTP server here): the admin reads it in the mail list and its link is there
  await page.getByRole('menuitem', { name: '邮件' }).click();
  const mailRow = page.locator(`[data-testid="mail-row"][data-to="${CM}"]`).first();
  await mailRow.locator('.ant-table-row-expand-icon').click();
  await page
    .getByRole('link', { name: /\/set-password\?token=/ })
    .first()
    .waitFor();
  await admin.shot('people-03-console-mail');

  const cm = await browser(DESKTOP);
  await cm.page.goto(url('console', await linkMailedTo(CM)));
  await cm.page.getByLabel('新密码', { exact: true }).waitFor();
  await cm.shot('people-04-set-password');
  await setPasswordFromLink(cm.page, NEW_PASSWORD);
  await cm.page.getByRole('link', { name: '去登录' }).click();
  await login(cm.page, CM, NEW_PASSWORD);
  await cm.page.getByText(/^您好，/).waitFor();
  expect(await cm.page.getByTestId('user-role').innerText()).toBe('渠道经理');

  // the link was single use
  await cm.page.goto(url('console', await linkMailedTo(CM)));
  await cm.page.getByLabel('新密码', { exact: true }).waitFor();
  await setPasswordAgainRefused(cm);

  // the admin sees him active, signed in
  await page.getByRole('menuitem', { name: '人员' }).click();
  await row.getByText('正常').waitFor();
  await admin.shot('people-05-console-users-active');

  // his own profile: the sessions he holds
  await cm.page.goto(url('console', '/profile'));
  await cm.page.locator('[data-testid="session"][data-current="true"]').waitFor();
  await cm.shot('people-06-console-profile');
});

async function setPasswordAgainRefused(s: Session) {
  const { page } = s;
  // signed in already, the set-password page still opens (it is a signed-out page)
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD + 'x');
  await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD + 'x');
  await page.getByRole('button', { name: '设置密码' }).click();
  await page.getByRole('alert').getByText('链接已失效').waitFor();
}

test('an owner invites a rep, the rep signs in on a phone, the owner disables him and his session dies', async () => {
  const REP = `chen.rep.${tag()}@kangda.demo`;
  const owner = await signedIn('portal', 'boss@kangda.demo', '/me', PHONE);
  await owner.page.getByRole('link', { name: /团队/ }).click();
  await owner.page.waitForURL((u) => u.pathname === '/me/team');
  await owner.page.locator('[data-testid="member"][data-email="li.rep@kangda.demo"]').waitFor();
  await owner.page.getByRole('button', { name: '邀请代表' }).click();
  await owner.page.getByLabel('姓名').fill('陈晨');
  await owner.page.getByLabel('邮箱').fill(REP);
  await owner.shot('people-07-portal-invite-rep');
  await owner.page.getByRole('button', { name: '发送邀请' }).click();
  const member = owner.page.locator(`[data-testid="member"][data-email="${REP}"]`);
  await member.getByText('已邀请').waitFor();
  await owner.shot('people-08-portal-team');

  const rep = await browser(PHONE);
  await rep.page.goto(url('portal', await linkMailedTo(REP)));
  await setPasswordFromLink(rep.page, NEW_PASSWORD);
  await rep.shot('people-09-portal-password-set');
  await rep.page.getByRole('link', { name: '去登录' }).click();
  await login(rep.page, REP, NEW_PASSWORD);
  await rep.page.getByTestId('welcome').waitFor();
  const tabs = rep.page.getByRole('navigation', { name: '主导航' });
  await tabs.getByRole('link', { name: '我的' }).click();
  await rep.page.getByRole('link', { name: /账号安全/ }).click();
  await rep.page.locator('[data-testid="session"][data-current="true"]').waitFor();
  await rep.shot('people-10-portal-security');

  // the owner disables him: his very next request answers UNAUTHENTICATED and he is back at login
  await owner.page.reload();
  await member.getByText('正常').waitFor();
  await member.getByRole('button', { name: /^停\s*用$/ }).click();
  await owner.page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /^(确\s*定|OK)$/ })
    .click();
  await member.getByText('已停用').waitFor();
  await owner.shot('people-11-portal-disabled');

  await tabs.getByRole('link', { name: '订单' }).click();
  await rep.page.waitForURL((u) => u.pathname === '/login');
  await login(rep.page, REP, NEW_PASSWORD);
  await rep.page.getByText('该账号已停用，请联系管理员。').waitFor();
  await rep.shot('people-12-portal-rep-locked-out');

  // forgot password on the portal's login page: the same answer whoever asks
  await rep.page.getByRole('link', { name: '忘记密码？' }).click();
  // the page is its own chunk: until it shows, 邮箱 is still the login form's field
  await rep.page.getByText('输入登录邮箱，我们会发送一个重设密码的链接').waitFor();
  await rep.page.getByLabel('邮箱').fill('nobody@nowhere.demo');
  await rep.page.getByRole('button', { name: '发送重设链接' }).click();
  await rep.page.getByText('如果该邮箱在本系统有账号，重设链接已发送').waitFor();
  await rep.shot('people-13-portal-forgot');
});
