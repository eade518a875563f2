import type { Page } from 'playwright-core';
import { login, openBrowser, url, type Session } from './support/browser';
import { apiAs } from './support/api';
import { pickOption } from './support/select';

// 经营看板: the brand dashboard's charts are drawn by ECharts, fetched only when the dashboard opens
// (never with the home page); its coverage figure for a province drills down to the hospitals list
// filtered to that province's target hospitals, and the list shows the same number. The figure is
// checked against the API's list for the same user, asked on a session of its own.
const DESKTOP = { width: 1440, height: 900 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** The scripts the page fetches, from now on. */
function scripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') urls.push(req.url());
  });
  return urls;
}

const chartChunk = (urls: string[]) => urls.filter((u) => /charts/.test(u));

test('the admin opens 经营看板: ECharts loads with it, and a province’s target hospitals drill down to a list of the same number', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  const fetched = scripts(page);
  await page.goto(url('console', '/'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('side-menu').waitFor();
  // the home page and the shell carry no chart library
  expect(chartChunk(fetched)).toEqual([]);

  await page.getByTestId('side-menu').getByText('经营看板').click();
  await page.waitForURL(/\/insights$/);
  const coverage = page.getByTestId('insights-coverage');
  await coverage.locator('canvas').first().waitFor();
  expect(chartChunk(fetched).length).toBeGreaterThan(0);
  await page.getByTestId('insights-funnel').locator('canvas').first().waitFor();
  await page.getByTestId('insights-trends').locator('canvas').first().waitFor();
  await page.getByTestId('insights-readiness').locator('canvas').first().waitFor();
  await page.getByTestId('insights-aging').locator('canvas').first().waitFor();
  await s.shot('dashboard-01-brand');

  // the first province listed, its target hospitals as the dashboard counts them
  const row = coverage.locator('.ant-table-row').first();
  const province = (await row.locator('td').first().innerText()).trim();
  const target = row.getByTestId(`target-${province}`);
  const figure = Number((await target.innerText()).replace(/,/g, ''));
  expect(figure).toBeGreaterThan(0);

  const admin = await apiAs('console', 'admin@huakang.demo');
  const { regions } = await admin<{ regions: Array<{ id: string; name: string }> }>('{ regions { id name } }');
  const regionId = regions.find((r) => r.name === province)!.id;
  const { hospitals } = await admin<{ hospitals: { totalCount: number } }>(
    `query($f: HospitalFilter) { hospitals(filter: $f, first: 1) { totalCount } }`,
    { f: { regionId, coverage: 'TARGET' } },
  );
  expect(figure).toBe(hospitals.totalCount);

  await target.click();
  await page.waitForURL(new RegExp(`/hospitals\\?region=${regionId}&coverage=TARGET$`));
  await page.getByTestId('hospital-total').getByText(`共 ${figure} 条`).waitFor();
  // the list says which filter it holds: the coverage select reads 目标医院
  await page.getByTestId('hospital-coverage').getByText('目标医院').waitFor();
  await s.shot('dashboard-02-coverage-drilldown');

  // and back on the dashboard, a province's cities: each city's buying figure opens its own list
  await page.goBack();
  await page.waitForURL(/\/insights$/);
  await pickOption(page, page.getByTestId('insights-province'), province, '');
  const city = coverage.locator('.ant-table-row').first();
  await city.waitFor();
  const cityName = (await city.locator('td').first().innerText()).trim();
  const buying = city.getByTestId(`buying-${cityName}`);
  const buyingFigure = Number((await buying.innerText()).replace(/,/g, ''));
  await buying.click();
  await page.waitForURL(/coverage=BUYING$/);
  await page.getByTestId('hospital-total').getByText(`共 ${buyingFigure} 条`).waitFor();
  await s.shot('dashboard-03-city-buying');
});

test('a regional head’s dashboard counts his regions only, and the order desk has no 经营看板', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/'));
  await login(page, 'zhao.rh@huakang.demo');
  await page.getByTestId('side-menu').getByText('经营看板').click();
  const coverage = page.getByTestId('insights-coverage');
  await coverage.locator('.ant-table-row').first().waitFor();
  const head = await apiAs('console', 'zhao.rh@huakang.demo');
  const { brandDashboard } = await head<{
    brandDashboard: { coverage: Array<{ name: string; parentId: string | null }> };
  }>('{ brandDashboard { coverage { name parentId } } }');
  const provinces = brandDashboard.coverage.filter((r) => r.parentId === null).map((r) => r.name);
  expect(await coverage.locator('.ant-table-row td:first-child').allInnerTexts()).toEqual(provinces);
  await s.shot('dashboard-04-regional-head');
  await s.close();

  s = await openBrowser(DESKTOP);
  await s.page.goto(url('console', '/'));
  await login(s.page, 'order@huakang.demo');
  await s.page.getByTestId('side-menu').waitFor();
  expect(await s.page.getByTestId('side-menu').getByText('经营看板').count()).toBe(0);
});

test('the owner on a phone opens 经营概览 from his home page: open commitments and his team counted as their lists count them', async () => {
  s = await openBrowser({ width: 390, height: 844 });
  const { page } = s;
  await page.goto(url('portal', '/'));
  await login(page, 'boss@kangda.demo');
  await page.getByTestId('shortcut-insights').click();
  await page.waitForURL(/\/insights$/);
  const owner = await apiAs('portal', 'boss@kangda.demo');
  const { commitmentInbox, trainingReadiness } = await owner<{
    commitmentInbox: { totalCount: number };
    trainingReadiness: { totalCount: number };
  }>('{ commitmentInbox(first: 1, statuses: [OPEN]) { totalCount } trainingReadiness(first: 1) { totalCount } }');
  await page.getByTestId('insights-staff').getByText(`团队 ${trainingReadiness.totalCount} 人`).waitFor();
  const commitments = page.getByTestId('insights-commitments');
  expect(await commitments.locator('.ant-statistic-content').innerText()).toBe(String(commitmentInbox.totalCount));
  await s.shot('dashboard-05-owner-phone');
  await commitments.click();
  await page.waitForURL(/\/visits\?tab=commitments$/);
});
