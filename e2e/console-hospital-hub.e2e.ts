import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';
import { typeDate } from './finance-desk';
import { dayFromToday } from './visit-desk';

// The hospital as the hub, acted by what the user reads: 张伟 (CHANNEL_MANAGER, 杭州) creates a
// hospital in 杭州市 with a department, adds a contact of its decision chain, then plans a co-visit
// from its page with 杭州康达 (authorized in 杭州市, so the one offered) and its rep 王浩. On the same
// page he asks the compliance question for a day after 杭州康达's grant has ended and reads why not.
// The hospital's name carries a unique tag, so reruns on one database never meet.
const DESKTOP = { width: 1440, height: 900 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('a hospital created with a department and a contact, a co-visit planned from its page, the compliance question answered', async () => {
  const tag = Date.now().toString(36);
  const name = `杭州枢纽测试医院 ${tag}`;
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/hospitals'));
  await login(page, 'zhang.cm@huakang.demo');

  // 新建医院: grade, beds, a region he covers, a department with its yearly volume
  await page.getByRole('button', { name: '新建医院' }).click();
  const form = page.getByRole('dialog', { name: '新建医院' });
  await form.getByLabel('医院', { exact: true }).fill(name);
  await pickOption(page, form.getByLabel('等级'), '三乙');
  await form.getByLabel('床位').fill('650');
  await pickOption(page, form.getByLabel('区域'), '杭州市', '杭州');
  await form.getByLabel('地址').fill('杭州市西湖区文三路 1 号');
  await form.getByRole('button', { name: '添加科室' }).click();
  await form.getByLabel('科室名称').fill('超声医学科');
  await form.getByLabel('年手术/检测量').fill('36000');
  await pickOption(page, form.getByLabel('量的类型'), '项检测/年', '检测');
  await s.shot('hub-01-create');
  await form.getByRole('button', { name: /^保\s?存$/ }).click();
  await page.waitForURL(/\/hospitals\/[0-9a-f-]{36}$/);
  const hospitalUrl = page.url();
  await page.getByRole('heading', { name }).waitFor();
  await page.getByTestId('hospital-departments').getByText('超声医学科').waitFor();

  // 决策链: a contact with title, role and relation to the brand
  await page.getByRole('button', { name: '添加联系人' }).click();
  const contact = page.getByRole('dialog', { name: '添加联系人' });
  await contact.getByLabel('姓名').fill('周立平');
  await contact.getByLabel('职务').fill('设备科科长');
  await pickOption(page, contact.getByLabel('决策角色'), '设备科');
  await pickOption(page, contact.getByLabel('与品牌的关系'), '支持');
  await pickOption(page, contact.getByLabel('科室'), '超声医学科', '超声');
  await contact.getByRole('button', { name: /^保\s?存$/ }).click();
  const chain = page.getByTestId('decision-chain');
  await chain.getByText('周立平 · 设备科科长').waitFor();
  await chain.getByRole('button', { name: /^历\s?史$/ }).click();
  await chain.getByTestId('contact-history').getByText('加入').waitFor();
  // nothing is cut off at 1440 px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await s.shot('hub-02-hospital');

  // the compliance question, answered on the spot: after the grant's end, every reason why not
  const question = page.getByTestId('compliance-form');
  await pickOption(page, question.getByLabel('经销商'), '杭州康达');
  await pickOption(page, question.getByLabel('产品'), 'HK-200', 'HK-US-200');
  await typeDate(question.getByLabel('日期'), dayFromToday(800));
  // (Enter in the date has asked already, as a form's submit; antd can leave the spinner of that short wait in the
  // button, invisible but still named "loading", so its name is matched by its end)
  await question.getByRole('button', { name: /查\s?询$/ }).click();
  const answer = page.getByTestId('compliance-answer');
  await answer.waitFor();
  expect(await answer.getAttribute('data-allowed')).toBe('false');
  await answer.getByText('不能销售').waitFor();
  await answer.getByText('授权已到期').waitFor();
  // the same question today: allowed
  await typeDate(question.getByLabel('日期'), dayFromToday(0));
  await question.getByRole('button', { name: /查\s?询$/ }).click();
  await page.locator('[data-testid="compliance-answer"][data-allowed="true"]').getByText('可以销售').waitFor();
  await s.shot('hub-03-compliance');

  // 发起协同拜访 from the page: only the distributors serving it are offered, and the one picked comes filled in
  await page.getByRole('button', { name: '发起协同拜访' }).click();
  await page.getByRole('menuitem', { name: /杭州康达/ }).click();
  await page.waitForURL(/\/visits\/plan\?/);
  const plan = page.getByTestId('plan-form');
  await plan.getByText(name).waitFor();
  await plan
    .getByText(/杭州康达/)
    .first()
    .waitFor();
  await pickOption(page, plan.getByLabel('科室'), '超声医学科', '超声');
  await pickOption(page, plan.getByLabel('联系人'), '周立平');
  // (the people picker names no field; found by its test id)
  await pickOption(page, plan.getByTestId('plan-partners'), '王浩');
  await plan.getByLabel('拜访目的').fill(`新院 HK-200 试用沟通 ${tag}`);
  const slot = plan.getByTestId('slot-0');
  await typeDate(slot.getByTestId('slot-date'), dayFromToday(9));
  await pickOption(page, slot.getByTestId('slot-start'), '10:00');
  await s.shot('hub-04-plan');
  // the confirmation shows for a few seconds: watched for from before the click
  const sent = page.locator('.ant-message-notice', { hasText: '邀约已发送' }).waitFor();
  sent.catch(() => undefined);
  await plan.getByRole('button', { name: '发送邀约' }).click();
  await page.waitForURL(/\/visits\/co\/[0-9a-f-]{36}$/);
  await sent;
  await page.getByTestId('covisit-goal').filter({ hasText: tag }).waitFor();
  await page.getByText(name).first().waitFor();
  await s.shot('hub-05-covisit');

  // back on the hospital's page, the plan's distributor is one of those serving it
  await page.goto(hospitalUrl);
  await page
    .getByTestId('hospital-authorizations')
    .getByText(/杭州康达/)
    .first()
    .waitFor();
});
