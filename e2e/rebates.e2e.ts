import { quarterBefore } from '../api/src/modules/target/rebate.seed-data';
import { browsers, PHONE, url } from './support/browser';
import { chinaDay, seedDayPlus } from './support/calendar';
import { generateStatement } from './finance-desk';
import { openStatement, statementLine } from './portal-account';
import { pickOption } from './support/select';

// 返利 from computation to the statement. The seed gives 苏州恒康 an agreed 体外诊断试剂 target of
// 72,000.00 a quarter and, in the quarter before the seed's own, a delivered and paid order of
// 63,280.00: 87.88 %, the 2 % band, ¥1,265.60. 孙丽 in finance opens 返利, picks that quarter, reads
// the amount on 苏州恒康's row and approves it by its button; she issues 苏州恒康's statement of the
// quarter's last month (the month the rebate is posted in). 郑凯, its owner, opens that statement on
// his phone and finds the 返利 line at -¥1,265.60, and his targets page shows the rebate projection.
// The quarter and 苏州恒康's statements are this test's own (notice-mail states a month of 2025).
const WIDE = { width: 1440, height: 900 };
const REBATE = '¥1,265.60';

const { signedIn } = browsers(WIDE);

test('a quarter’s rebate is computed, approved in the console and appears on the owner’s statement', async () => {
  const { year, quarter, months } = quarterBefore(seedDayPlus(0));
  const finance = await signedIn('console', 'finance@huakang.demo', '/finance/rebates');
  const { page } = finance;
  await page.locator('.ant-tabs-tab-active').getByTestId('finance-tab-rebates').waitFor();
  await pickOption(page, page.getByLabel('年度'), String(year), '');
  await pickOption(page, page.getByLabel('季度'), `第${quarter}季度`, '');
  const row = page.getByTestId('rebate-list').locator('.ant-table-row', { hasText: '苏州恒康' });
  await row.getByText('体外诊断试剂').waitFor();
  // computed from the quarter's sell-in: 2 % of ¥63,280.00, against ¥72,000.00
  for (const figure of ['¥72,000.00', '¥63,280.00', '2%']) await row.getByText(figure, { exact: true }).waitFor();
  const approve = row.getByRole('button', { name: `审批 ${REBATE}` });
  await approve.waitFor();
  await finance.shot('rebates-01-console-computed');
  await approve.click();
  await row.getByText('已全部入账').waitFor();
  // what is due now is posted: the rebate and the posted column both read the amount
  expect(await row.getByText(REBATE, { exact: true }).count()).toBe(2);
  await finance.shot('rebates-02-console-approved');

  // the rebate is posted on the quarter's last day: finance issues that month's statement
  await generateStatement(page, '苏州恒康', months[2]);
  await page.getByText(`返利 ${year}Q${quarter}`).waitFor();
  await finance.shot('rebates-03-console-statement');

  const owner = await signedIn('portal', 'boss@hengkang.demo', '/statements', PHONE);
  await owner.page.getByTestId('account-summary').waitFor();
  await openStatement(owner.page, months[2]);
  const line = statementLine(owner.page, `返利 ${year}Q${quarter}`);
  await line.getByText('返利', { exact: true }).waitFor();
  expect(await line.getByTestId('line-amount').innerText()).toBe(`-${REBATE}`);
  await line.scrollIntoViewIfNeeded();
  await owner.shot('rebates-04-owner-statement');

  // his targets of that year: the rebate of the quarter the page shows (the running one this year, else the
  // year's last, which is the closed quarter) and what the next band takes
  await owner.page.goto(url('portal', `/targets?year=${year}`));
  const card = owner.page.getByTestId('target-card').filter({ hasText: '体外诊断试剂' });
  const rebate = card.getByTestId('target-rebate');
  await rebate.waitFor();
  const running = year === Number(chinaDay().slice(0, 4));
  const shown = running ? Math.floor((Number(chinaDay().slice(5, 7)) - 1) / 3) + 1 : 4;
  await rebate.getByText(`本季度预计返利（Q${shown}）`).waitFor();
  if (shown === quarter) {
    await rebate.getByText(REBATE).waitFor();
    await rebate.getByText(`本季度再进货 ¥8,720.00 即可达到下一档（3%）`).waitFor();
  } else {
    // a quarter with no sell-in yet: 80 % of ¥72,000.00 reaches the first band
    await rebate.getByText('本季度尚未达到返利档位').waitFor();
    await rebate.getByText(`本季度再进货 ¥57,600.00 即可达到下一档（2%）`).waitFor();
  }
  await rebate.scrollIntoViewIfNeeded();
  await owner.shot('rebates-05-owner-projection');
});
