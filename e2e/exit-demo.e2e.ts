import { login, openBrowser, url, type Session } from './support/browser';

// The demo's exit, as a person trying the product meets it: 瑞光's admin finds 温州瑞华's plan under
// way on 劝退 (its successor 瑞达, its grant revoked from the effective date, the stock and the
// account still open), and 温州瑞华's owner finds the same plan's checklist on his phone, nothing of
// it done but the start. Read only, so the demo stays as seeded.
const EXITING = '温州瑞华医疗器械有限公司';
const SUCCESSOR = '杭州瑞达生物科技有限公司';
let sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

test('the seeded exit: the admin opens 温州瑞华’s plan from 劝退, its owner reads his checklist on a phone', async () => {
  const desk = await openBrowser({ width: 1440, height: 900 });
  sessions.push(desk);
  const { page } = desk;
  await page.goto(url('console', '/exits'));
  await login(page, 'admin@ruiguang.demo');
  const row = page.getByTestId('exit-list').getByRole('row', { name: new RegExp(EXITING) });
  await row.getByText(SUCCESSOR).waitFor();
  await row.getByRole('link', { name: EXITING }).click();
  await page.getByRole('heading', { name: EXITING }).waitFor();
  await page.getByText('1 项授权自').waitFor();
  const checklist = page.getByTestId('exit-checklist');
  await checklist.getByText('最终对账已结清为零').waitFor();
  await desk.shot('exit-demo-01-plan');

  const phone = await openBrowser({ width: 390, height: 844 });
  sessions.push(phone);
  await phone.page.goto(url('portal', '/me'));
  await login(phone.page, 'boss@wzruihua.demo');
  await phone.page.getByText('退出清单').click();
  await phone.page.getByTestId('exit-checklist').getByText('最终对账已结清为零').waitFor();
  await phone.page.getByRole('button', { name: '确认退出清单' }).waitFor();
  await phone.shot('exit-demo-02-checklist');
});
