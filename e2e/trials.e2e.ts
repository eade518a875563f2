import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { browsers, PHONE, url } from './support/browser';
import { pickOption } from './support/select';

// 试用 across the boundary. 华康's admin plans a trial of an HK-200 (a serial of this run's own, so
// the test runs again on the same database) at 浙大一院's 超声医学科, the opportunity 杭州康达's rep
// 李娜 owns; a second trial on the same serial is refused in words; the instrument is delivered and
// returned with a result. 李娜 then finds it returned in 我的试用 on her phone.
/** 浙江大学医学院附属第一医院 · 超声医学科 (the seed's first opportunity) */
const OPPORTUNITY = '00006f01-0000-4000-8000-000000000001';
const REFUSED = '该序列号的设备正在另一个未结束的试用中，请先归还或取消该试用。';
const { signedIn } = browsers();

/** Plans a trial of the serial from the opportunity's 试用 card (dates: the form's, today for 30 days). */
async function planTrial(page: Page, serial: string): Promise<void> {
  await page.getByTestId('trial-card').getByRole('button', { name: '计划试用' }).click();
  const dialog = page.getByRole('dialog');
  // picked again if a late search re-rendered the list under the click (a loaded run: the form then said 请输入产品)
  await pickOption(page, page.getByLabel('产品', { exact: true }), 'HK-200');
  await dialog.getByLabel('序列号').fill(serial);
  await dialog.getByLabel('试用方案').fill('超声医学科常规检查中试用 30 天，评估图像质量');
  await dialog.getByRole('button', { name: '计划试用' }).click();
}

/** One change of the trial's status from its own row of the card: the button, then the dialog's. */
async function change(
  page: Page,
  serial: string,
  action: RegExp,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('region', { name: serial }).getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

test('a trial is planned and returned; a second trial on the same serial is refused; the rep finds it in 我的试用', async () => {
  const serial = `HK200-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const admin = await signedIn('console', 'admin@huakang.demo', `/opportunities/${OPPORTUNITY}`);
  await admin.page.getByTestId('trial-card').waitFor();

  await planTrial(admin.page, serial);
  const trial = admin.page.getByRole('region', { name: serial });
  await trial.getByText('计划中').waitFor();
  await admin.page.getByRole('dialog').waitFor({ state: 'hidden' });

  // the same instrument cannot go to a second trial while this one is open
  await planTrial(admin.page, serial);
  await admin.page.getByRole('dialog').getByText(REFUSED).waitFor();
  await admin.shot('trials-01-serial-refused');
  await admin.page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await admin.page.getByRole('dialog').waitFor({ state: 'hidden' });
  expect(await admin.page.getByRole('region', { name: serial }).count()).toBe(1);

  await change(admin.page, serial, /送\s*达/);
  await trial.getByText('试用中').waitFor();
  await change(admin.page, serial, /归\s*还/, async (dialog) => {
    await pickOption(admin.page, dialog.getByLabel('结论'), '正面', '');
    await dialog.getByLabel('试用结果').fill('图像清晰，科室满意，进入招标');
  });
  await trial.getByText('已归还').first().waitFor();
  await trial.getByText('正面：图像清晰，科室满意，进入招标').waitFor();
  for (const event of ['计划试用', '已送达', '已归还'])
    await trial.getByLabel('记录').getByText(event).first().waitFor();
  await admin.shot('trials-02-returned');

  // the console's list finds it by its serial
  await admin.page.goto(url('console', `/trials?q=${serial}`));
  await admin.page.getByTestId('trial-row').filter({ hasText: serial }).getByText('已归还').waitFor();

  // 李娜 owns the opportunity: the trial is in her 我的试用, reached from 我的
  const rep = await signedIn('portal', 'li.rep@kangda.demo', '/me', PHONE);
  await rep.page.getByTestId('me-trials').click();
  await rep.page.getByPlaceholder('搜索序列号或医院').fill(serial);
  await rep.page.keyboard.press('Enter');
  await rep.page.getByTestId('trial-row').filter({ hasText: serial }).getByText('已归还').waitFor();
  await rep.shot('trials-03-portal-mine');
  // and on the opportunity's page, in its 试用 section
  await rep.page.getByTestId('trial-row').filter({ hasText: serial }).click();
  const onPhone = rep.page.getByRole('region', { name: serial });
  await onPhone.getByText('正面：图像清晰，科室满意，进入招标').waitFor();
  await onPhone.scrollIntoViewIfNeeded();
  await rep.shot('trials-04-portal-opportunity');
});
