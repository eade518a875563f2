import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';

// 年度盘点 on a phone. 华康 opened this year's stocktake (the seed); 杭州康达's owner 钱永强 stands at
// 浙大一院's laboratory, opens the task, scans the analyser's UDI (its serial in AI 21) into the scan
// field as a scanner would, says it is in good condition with its meter reading, takes a photo and
// submits. The console's 年度盘点 then shows 康达's progress, one of its two analysers confirmed.
// (Confirming again while the campaign is open replaces the answer, so the test runs again on the
// same database.)
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const OWNER = 'boss@kangda.demo';
const SERIAL = 'CL1000-2401-0007';
/** HK-CL-1000's GTIN (UDI-DI) in the seed's catalogue */
const CL_GTIN = '06901234500062';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const ITEMS = `query { stocktakeCampaigns(first: 1) { nodes { id } } }`;
const ITEM = `query($c: ID!) { stocktakeItems(campaignId: $c, first: 50, filter: { search: "${SERIAL}" }) { nodes { serialNo finding condition meterReading hasPhoto } } }`;

test('an owner confirms a placed instrument in a stocktake with a photo on a phone, and the console shows the progress', async () => {
  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/placements?view=stocktake'));
  await login(page, OWNER);
  await page.getByTestId('stocktake-campaign').waitFor();
  const row = page.getByTestId('stocktake-item').filter({ hasText: SERIAL });
  await row.getByText('浙江大学医学院附属第一医院 · 检验科').waitFor();
  await session.shot('stocktake-01-task');
  await row.getByRole('button', { name: '确认设备' }).click();

  const drawer = page.getByRole('dialog');
  await drawer.getByText(`确认设备 · ${SERIAL}`).waitFor();
  await drawer.getByLabel('扫描设备序列号').fill(`(01)${CL_GTIN}(21)${SERIAL}`);
  await drawer.getByLabel('计数器读数（可选）').fill('12840');
  await drawer.getByLabel('现场照片').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
  await session.shot('stocktake-02-confirm');
  await drawer.getByRole('button', { name: '提交盘点' }).click();
  await drawer.waitFor({ state: 'hidden' });
  await row.getByText('在位').waitFor();
  await session.shot('stocktake-03-confirmed');

  const api = await apiAs('portal', OWNER);
  const { stocktakeCampaigns } = await api<{ stocktakeCampaigns: { nodes: Array<{ id: string }> } }>(ITEMS);
  const found = await api<{ stocktakeItems: { nodes: unknown[] } }>(ITEM, { c: stocktakeCampaigns.nodes[0].id });
  expect(found.stocktakeItems.nodes).toEqual([
    { serialNo: SERIAL, finding: 'FOUND', condition: 'GOOD', meterReading: 12840, hasPhoto: true },
  ]);
  await session.close();

  session = await openBrowser(DESKTOP);
  const desk = session.page;
  await desk.goto(url('console', '/placements?view=stocktake'));
  await login(desk, 'admin@huakang.demo');
  const progress = desk.getByTestId('stocktake-progress').locator('tr').filter({ hasText: '杭州康达' });
  await progress.getByTestId('stocktake-confirmed').getByText('1 / 2').waitFor();
  await session.shot('stocktake-04-console-progress');
});
