import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// Placed equipment's actions and the stocktake's batch count. In the console 华康's admin opens 康达's
// analyser at 市一医院's laboratory and moves it (移机) to 浙大一院's 超声医学科 (or back, when an earlier
// run moved it there): the drawer then shows the new place and one more 移机 in the history. On a phone
// 康达's owner counts a batch he holds in this year's stocktake (the seed opened it) one short of the
// stock its movements derive, and the task shows the derived stock and the difference.
// (Not yet: a rep placing an instrument by scanning it on a phone; that form is still to come.)
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const OWNER = 'boss@kangda.demo';
const SERIAL = 'CL1000-2402-0011';
const SY = '杭州市第一人民医院';
const ZY = '浙江大学医学院附属第一医院';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface PlacementRow {
  hospitalName: string;
  history: Array<{ kind: string }>;
}
const PLACEMENT = `query { placements(first: 5, filter: { search: "${SERIAL}" }) { nodes { hospitalName history { kind } } } }`;

test('the console moves a placed instrument from its drawer and its history shows the move', async () => {
  session = await openBrowser(DESKTOP);
  const { page } = session;
  await page.goto(url('console', `/placements?q=${SERIAL}`));
  await login(page, 'admin@huakang.demo');
  const api = await apiAs('console', 'admin@huakang.demo');
  const before = (await api<{ placements: { nodes: PlacementRow[] } }>(PLACEMENT)).placements.nodes[0];
  const [hospital, department] = before.hospitalName === SY ? [ZY, '超声医学科'] : [SY, '检验科'];
  const moves = before.history.filter((e) => e.kind === 'RELOCATED').length;
  await page.getByTestId('placement-row').filter({ hasText: SERIAL }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: SERIAL });
  await drawer
    .getByTestId('placement-actions')
    .getByRole('button', { name: /移\s?机/ })
    .click();
  const modal = page.getByRole('dialog').filter({ hasText: '新医院' });
  // in a modal over the drawer: each choice closes its list itself, and pickOption waits for that
  await pickOption(page, modal.getByLabel('新医院'), hospital, hospital.slice(0, 4));
  await pickOption(page, modal.getByLabel('新科室'), department, '');
  await session.shot('placement-actions-01-relocate');
  await page.getByTestId('placement-action-submit').click();
  await modal.waitFor({ state: 'hidden' });
  await drawer.getByText(`${hospital} · ${department}`).waitFor();
  const history = drawer.getByTestId('placement-history');
  await history.getByText(`${hospital} ${department}`).first().waitFor();
  await history.getByText('移机', { exact: true }).nth(moves).waitFor();
  expect(await history.getByText('移机', { exact: true }).count()).toBe(moves + 1);
  await session.shot('placement-actions-02-history');

  const after = (await api<{ placements: { nodes: PlacementRow[] } }>(PLACEMENT)).placements.nodes[0];
  expect(after.hospitalName).toBe(hospital);
  expect(after.history.filter((e) => e.kind === 'RELOCATED')).toHaveLength(moves + 1);
});

interface StockLine {
  productName: string;
  productCode: string;
  batchNo: string | null;
  quantity: number;
}
const STOCK = `query { channelStock(first: 50) { nodes { productName productCode batchNo quantity } } }`;

test('an owner counts a batch on a phone and sees the stock derived from movements and the difference', async () => {
  const api = await apiAs('portal', OWNER);
  const stock = (await api<{ channelStock: { nodes: StockLine[] } }>(STOCK)).channelStock.nodes;
  const line = stock.find((s) => s.batchNo && s.quantity > 1);
  if (!line?.batchNo) throw new Error('the seed gives 康达 a batch in stock');
  const derived = stock
    .filter((s) => s.productCode === line.productCode && s.batchNo === line.batchNo)
    .reduce((n, s) => n + s.quantity, 0);

  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/placements?view=stocktake'));
  await login(page, OWNER);
  const card = page.getByTestId('stocktake-count');
  await card.getByText('批次盘点').waitFor();
  await pickOption(page, card.getByLabel('产品'), `${line.productName} · ${line.productCode}`, line.productCode);
  await card.getByLabel('批号（无批号可不填）').fill(line.batchNo);
  await card.getByLabel('实盘数量').fill(String(derived - 1));
  await card.getByRole('button', { name: '保存盘点数' }).click();
  const result = card.getByTestId('stocktake-count-result');
  await result.getByText(`${line.productName} · ${line.batchNo}`).waitFor();
  await result.getByText('-1', { exact: true }).waitFor();
  expect(await result.textContent()).toContain(`账面库存${derived.toLocaleString('zh-CN')}`);
  await session.shot('placement-actions-03-count');
});

const REP = 'li.rep@kangda.demo';
const CATALOGUE = `query { products(first: 100) { nodes { id code udiDi } } }`;
const RECEIVE = `mutation($p: ID!, $s: String!, $on: LocalDate!) { recordStockMovement(input: { kind: ADJUSTED, productId: $p, serialNo: $s, quantity: 1, occurredOn: $on, reason: "opening stock" }) { id } }`;

test('a rep places an instrument by scanning its serial on a phone, and the console shows it placed', async () => {
  const owner = await apiAs('portal', OWNER);
  // the analyser comes into 康达's stock first (an adjustment of one unit with a serial of this run)
  const { products } = await owner<{ products: { nodes: Array<{ id: string; code: string; udiDi: string | null }> } }>(
    CATALOGUE,
  );
  const analyser = products.nodes.find((p) => p.code === 'HK-CL-1000');
  if (!analyser?.udiDi) throw new Error('the seed gives HK-CL-1000 a UDI-DI');
  const serial = `CL1000-E2E-${Date.now()}`;
  const today = new Date().toISOString().slice(0, 10);
  await owner(RECEIVE, { p: analyser.id, s: serial, on: today });
  const gtin = analyser.udiDi;
  const ends = `${Number(today.slice(0, 4)) + 3}-12-31`;

  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/placements'));
  await login(page, REP);
  await page.getByRole('button', { name: '投放仪器' }).click();
  await page.getByLabel('扫描设备序列号').fill(`(01)${gtin}(21)${serial}`);
  await page.getByLabel('扫描设备序列号').press('Enter');
  await page
    .locator('input#serialNo')
    .and(page.locator(`[value="${serial}"]`))
    .waitFor();
  await pickOption(page, page.getByLabel('医院', { exact: true }), ZY, '浙江大学');
  await pickOption(page, page.getByLabel('科室', { exact: true }), '超声医学科', '');
  await pickOption(page, page.getByLabel('试剂产品线'), '体外诊断试剂', '');
  await page.getByLabel('承诺试剂用量').fill('12');
  await page.getByLabel('协议结束日期').fill(ends);
  await session.shot('placement-actions-04-place');
  await page.getByRole('button', { name: '确认投放' }).click();
  await page.getByTestId('placement-row').filter({ hasText: serial }).getByText(`${ZY} · 超声医学科`).waitFor();
  await session.shot('placement-actions-05-placed');
  await session.close();

  session = await openBrowser(DESKTOP);
  const desk = session.page;
  await desk.goto(url('console', `/placements?q=${serial}`));
  await login(desk, 'admin@huakang.demo');
  await desk.getByTestId('placement-row').filter({ hasText: serial }).click();
  const history = desk.locator('.ant-drawer').filter({ hasText: serial }).getByTestId('placement-history');
  await history.getByText('投放', { exact: true }).waitFor();
  await history.getByText(`${ZY} 超声医学科`).waitFor();
  await session.shot('placement-actions-06-console');
});
