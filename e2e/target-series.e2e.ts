import type { Locator } from 'playwright-core';
import { browsers, PHONE } from './support/browser';
import { apiAs } from './support/api';
import { seedDayPlus } from './support/calendar';
import { zhMoney, type Money } from './support/zh-format';

// 按月进度: the seeded 超声影像 target of 杭州康达 (the seed's year) shows each month's sell-in and
// reported sell-out, in the console's targets card (a target's row expands) and on the owner's phone
// (the target card's months panel). The figures are the API's own series for that target, asked as
// each user; a month with no sell-out reported reads 未上报, never ¥0.00.
const WIDE = { width: 1440, height: 900 };
const DISTRIBUTOR = '杭州康达医疗器械有限公司';
const LINE = '超声影像';
const { signedIn } = browsers(WIDE);

interface Month {
  month: string;
  sellIn: Money;
  sellOut: Money | null;
}

/** The seeded target's months as `email` reads them through the API, and the three months the screens are checked on. */
async function expectedMonths(app: 'console' | 'portal', email: string) {
  const year = Number(seedDayPlus(0).slice(0, 4));
  const api = await apiAs(app, email);
  const { salesTargets } = await api<{
    salesTargets: Array<{
      productLine: { name: string } | null;
      distributor: { name: string } | null;
      progress: { series: Month[] };
    }>;
  }>(
    `query($f: TargetFilter!) { salesTargets(filter: $f) { productLine { name } distributor { name }
       progress { series { month sellIn { amount currency } sellOut { amount currency } } } } }`,
    { f: { year } },
  );
  const series = salesTargets.find((x) => x.productLine?.name === LINE && x.distributor?.name === DISTRIBUTOR)!.progress
    .series;
  const soldIn = series.find((m) => Number(m.sellIn.amount) > 0) ?? series[0];
  const soldOut = series.find((m) => m.sellOut && Number(m.sellOut.amount) > 0);
  const unreported = series.find((m) => m.sellOut === null);
  // the seed sells the line's pads out this month, and a year has months with nothing reported
  expect(soldOut).toBeDefined();
  expect(unreported).toBeDefined();
  return { soldIn, soldOut: soldOut!, unreported: unreported! };
}

/** The figures of one month's row in a series table. */
async function checkMonths(
  series: Locator,
  months: Awaited<ReturnType<typeof expectedMonths>>,
  name: (month: string) => string = (m) => m,
) {
  const row = (month: string) =>
    series.locator('tr').filter({ has: series.page().getByRole('cell', { name: name(month), exact: true }) });
  await row(months.soldIn.month)
    .getByTestId('series-sell-in')
    .getByText(zhMoney(months.soldIn.sellIn), { exact: true })
    .waitFor();
  await row(months.soldOut.month)
    .getByTestId('series-sell-out')
    .getByText(zhMoney(months.soldOut.sellOut!), { exact: true })
    .waitFor();
  await row(months.unreported.month).getByTestId('series-sell-out').getByText('未上报', { exact: true }).waitFor();
}

test('the console’s targets card shows a target’s monthly sell-in and reported sell-out as the API counts them', async () => {
  const s = await signedIn('console', 'zhang.cm@huakang.demo', `/distributors?q=${encodeURIComponent('康达')}`);
  // the figures, asked once the app has answered a page (as the other tests ask theirs)
  const months = await expectedMonths('console', 'zhang.cm@huakang.demo');
  await s.page.getByRole('link', { name: DISTRIBUTOR }).click();
  const card = s.page.getByTestId('targets-card');
  await card
    .getByRole('row', { name: new RegExp(`${LINE}.*已确认`) })
    .getByRole('button', { name: '展开行' })
    .click();
  const series = card.getByTestId('target-series');
  await checkMonths(series, months);
  await series.locator('tr').last().scrollIntoViewIfNeeded();
  await s.shot('target-series-01-console');
});

test('the owner reads the same months on his phone', async () => {
  const s = await signedIn('portal', 'boss@kangda.demo', '/targets', PHONE);
  const months = await expectedMonths('portal', 'boss@kangda.demo');
  const mine = s.page.getByTestId('target-card').filter({ hasText: LINE });
  await mine.getByText('按月进货与流向').click();
  const series = mine.getByTestId('target-series');
  // on the phone a month is named without its year (the target's): 2026-03 is 3月
  await checkMonths(series, months, (m) => `${Number(m.slice(5))}月`);
  await series.locator('tr').last().scrollIntoViewIfNeeded();
  await s.shot('target-series-02-portal-phone');
});
