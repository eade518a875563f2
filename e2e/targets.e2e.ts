import { browsers, PHONE } from './support/browser';

// 张伟, 杭州康达's channel manager, proposes its 体外诊断试剂 target of this year from the potential of
// the two Hangzhou labs it is authorized for (seeded: 7,383,333.34 a year) at the default 30 % share:
// 2,215,000.00, 553,750.00 a quarter. The owner 钱永强 counters on his phone with lower quarters and a
// reason; the channel manager sees the counter and agrees; the owner then reads it as agreed and locked.
const WIDE = { width: 1440, height: 900 };
const DISTRIBUTOR = '杭州康达医疗器械有限公司';
const LINE = '体外诊断试剂';
const REASON = '三季度医院检验科搬迁，试剂用量下降';

const { signedIn } = browsers(WIDE);

test('a target proposed from potential is countered by the owner on a phone and agreed in the console', async () => {
  const brand = await signedIn('console', 'zhang.cm@huakang.demo', `/distributors?q=${encodeURIComponent('康达')}`);
  await brand.page.getByRole('link', { name: DISTRIBUTOR }).click();
  const card = brand.page.getByTestId('targets-card');
  const potential = card.getByRole('row', { name: new RegExp(LINE) }).first();
  await potential.getByText('7,383,333.34').waitFor();
  await potential.getByRole('button', { name: '按潜力提议目标' }).click();
  const form = brand.page.getByRole('dialog');
  await form.getByText('7,383,333.34').waitFor();
  await form.getByLabel('预期份额').fill('30');
  await brand.shot('targets-01-console-propose');
  await form.getByRole('button', { name: '发送给经销商' }).click();
  const target = () => card.getByRole('row', { name: new RegExp(`${LINE}.*待经销商确认`) });
  await target().getByText('2,215,000.00').waitFor();
  await brand.shot('targets-02-console-proposed');

  const owner = await signedIn('portal', 'boss@kangda.demo', '/targets', PHONE);
  const mine = owner.page.getByTestId('target-card').filter({ hasText: LINE });
  await mine.getByText('待确认').waitFor();
  await mine.getByTestId('target-yearly').getByText('2,215,000.00').waitFor();
  await owner.shot('targets-03-portal-proposed-phone');
  await mine.getByRole('button', { name: /^还\s?价$/ }).click();
  const counter = owner.page.getByRole('dialog');
  for (const [quarter, amount] of [
    ['Q1', '500000.00'],
    ['Q2', '500000.00'],
    ['Q3', '400000.00'],
    ['Q4', '550000.00'],
  ])
    await counter.getByLabel(quarter, { exact: true }).fill(amount);
  await counter.getByLabel('还价理由').fill(REASON);
  await owner.shot('targets-04-portal-counter-phone');
  await counter.getByRole('button', { name: '提交还价' }).click();
  await mine.getByText('已还价，等待品牌方回复').waitFor();
  await mine.getByTestId('target-yearly').getByText('1,950,000.00').waitFor();
  await owner.shot('targets-05-portal-countered-phone');

  await brand.page.reload();
  const countered = card.getByRole('row', { name: new RegExp(`${LINE}.*经销商已还价`) });
  await countered.getByText(REASON, { exact: false }).waitFor();
  await countered.getByText('1,950,000.00').waitFor();
  await brand.shot('targets-06-console-countered');
  await countered.getByRole('button', { name: '同意还价' }).click();
  await card.getByRole('row', { name: new RegExp(`${LINE}.*已确认`) }).waitFor();
  await brand.shot('targets-07-console-agreed');

  await owner.page.reload();
  await mine.getByText('目标已确认并锁定').waitFor();
  await mine.getByRole('button', { name: /^还\s?价$/ }).waitFor({ state: 'detached' });
  await owner.shot('targets-08-portal-agreed-phone');
});
