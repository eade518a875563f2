import { randomUUID } from 'node:crypto';
import { browsers, PHONE } from './support/browser';
import { pickByLabel, settledDialog } from './support/select';
import { typeDate } from './finance-desk';

// A bid quote below the floor price waits for the regional head. 李娜, 杭州康达's rep, captures an
// opportunity of her own at 浙江大学医学院附属第一医院 on her phone (a fresh need and tender number
// each run), opens a tender on it and quotes the HK-200 below its floor of ¥600,000: the quote waits
// and the bid cannot be submitted. 赵建国, the regional head over 浙江, approves it in his queue; the
// quote becomes usable and she submits the bid.
const PRODUCT = '彩色多普勒超声诊断仪 HK-200';
const { signedIn } = browsers();

/** A day `days` from today, as the date picker takes it (the test's dates move with the calendar). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a quote below the floor waits for the regional head’s approval and is usable after it', async () => {
  const suffix = randomUUID().slice(0, 6);
  const number = `ZB-E2E-${suffix}`;

  // 李娜 captures an opportunity of her own on her phone
  const rep = await signedIn('portal', 'li.rep@kangda.demo', '/opportunities/new', PHONE);
  await rep.page.getByLabel('需求').waitFor();
  await pickByLabel(rep.page, '医院', '浙江大学医学院附属第一医院', '浙江大学');
  await pickByLabel(rep.page, '科室', '超声医学科');
  await pickByLabel(rep.page, '产品线', '超声影像');
  await rep.page.getByLabel('需求').fill(`招标彩超 ${suffix}`);
  await rep.page.getByLabel('预计金额（元）').fill('1200000');
  await rep.page.getByRole('button', { name: '保存机会点' }).click();
  await rep.page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  const section = rep.page.getByTestId('tender-section');
  await section.getByText('还没有招标').waitFor();

  // a tender on it
  await section.getByRole('button', { name: '新建招标' }).click();
  const form = rep.page.getByRole('dialog', { name: '新建招标' });
  await form.getByLabel('招标编号').fill(number);
  await form.getByLabel('采购人').fill('浙江大学医学院附属第一医院');
  await form.getByLabel('预算').fill('1500000');
  await typeDate(form.getByLabel('报名截止'), dayFromNow(10));
  await typeDate(form.getByLabel('开标时间'), `${dayFromNow(20)} 09:30`);
  await rep.page.getByTestId('tender-form-submit').click();
  await form.waitFor({ state: 'hidden' });
  await section.getByText(number).waitFor();
  await rep.page.getByTestId('opportunity-stage').getByText('招标', { exact: true }).waitFor();
  // the bid opening typed is a time in China, shown as typed whatever the browser's own clock
  await section.getByText(/09:30/).first().waitFor();

  // a quote below the floor asks why, then waits
  await section.getByRole('button', { name: '添加报价' }).click();
  const quote = rep.page.getByRole('dialog', { name: '添加报价' });
  await pickByLabel(rep.page, '产品', PRODUCT);
  await quote.getByLabel('报价').fill('580000');
  await quote.getByText('低于底价').first().waitFor();
  await quote.getByLabel('低于底价的理由').fill(`院方预算有限 ${suffix}`);
  await rep.shot('tenders-01-quote-below-floor');
  await rep.page.getByTestId('quote-form-submit').click();
  await quote.waitFor({ state: 'hidden' });
  await section.getByText('待审批', { exact: true }).waitFor();
  await section.getByText('还有报价待审批，审批通过后才能提交').waitFor();
  expect(await section.getByRole('button', { name: '提交投标' }).isDisabled()).toBe(true);
  await rep.shot('tenders-02-waiting');
  const tenderUrl = rep.page.url();

  // 赵建国 approves it in his queue
  const head = await signedIn('console', 'zhao.rh@huakang.demo', '/quote-approvals');
  const row = head.page.locator('.ant-table-row', { hasText: number });
  await row.waitFor();
  await head.shot('tenders-03-approval-queue');
  await row.getByRole('button', { name: /^批\s*准$/ }).click();
  const decide = head.page.getByRole('dialog', { name: '批准报价' });
  // filled and confirmed once it has stopped zooming in: a submit clicked mid-motion was lost once in CI
  await settledDialog(head.page);
  await decide.getByLabel('审批意见').fill('战略医院，同意');
  await head.page.getByTestId('decide-quote-form-submit').click();
  await decide.waitFor({ state: 'hidden' });
  await row.waitFor({ state: 'detached' });

  // the quote is usable: the bid goes in
  await rep.page.goto(tenderUrl);
  await section.getByText('可用', { exact: true }).waitFor();
  await section.getByText('审批意见：战略医院，同意').waitFor();
  await section.getByRole('button', { name: '提交投标' }).click();
  await section.getByText('已投标', { exact: true }).waitFor();
  await rep.shot('tenders-04-submitted');
});
