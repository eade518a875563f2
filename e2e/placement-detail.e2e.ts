import { apiAs, type Api } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { seedDayPlus } from './support/calendar';
import { pickOption } from './support/select';

// A placed instrument's record and its end. On a phone 康达's owner opens an analyser he placed (a serial of this
// run, at 市一医院's laboratory since 100 days before the seed's day, 1,000 reagent units a month) from his list by
// its serial: he reads the agreement, the months short of the commitment and the history, moves it (移机) to
// 浙大一院's 超声医学科 and takes it back (归还): the history shows both, the record shows it returned and offers
// no action any more. In the console 华康's admin replaces another such analyser (换机) by a new serial and takes
// it back: the drawer shows the new serial, 换机 in the history, and no actions once it is returned.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const OWNER = 'boss@kangda.demo';
const SY = '杭州市第一人民医院';
const ZY = '浙江大学医学院附属第一医院';
const STARTS = seedDayPlus(-100);
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const CATALOGUE = `query { products(first: 100) { nodes { id code } } }`;
const RECEIVE = `mutation($p: ID!, $s: String!, $on: LocalDate!) { recordStockMovement(input: { kind: ADJUSTED, productId: $p, serialNo: $s, quantity: 1, occurredOn: $on, reason: "opening stock" }) { id } }`;
const PLACES = `query { hospitals(first: 5, filter: { search: "${SY}" }) { nodes { id name departments { id name } } } productLines { id name } }`;
const PLACE = `mutation($input: PlaceInstrumentInput!) { placeInstrument(input: $input) { id } }`;

interface Places {
  hospitals: { nodes: Array<{ id: string; name: string; departments: Array<{ id: string; name: string }> }> };
  productLines: Array<{ id: string; name: string }>;
}

/** An analyser of this run, come into 康达's stock and placed at 市一医院's 检验科 (setup the tests are not about). */
async function placedAnalyser(owner: Api, tag: string): Promise<string> {
  const { products } = await owner<{ products: { nodes: Array<{ id: string; code: string }> } }>(CATALOGUE);
  const analyser = products.nodes.find((p) => p.code === 'HK-CL-1000');
  if (!analyser) throw new Error('the seed has HK-CL-1000');
  const serial = `CL1000-${tag}-${Date.now()}`;
  await owner(RECEIVE, { p: analyser.id, s: serial, on: STARTS });
  const places = await owner<Places>(PLACES);
  const hospital = places.hospitals.nodes.find((h) => h.name === SY);
  const lab = hospital?.departments.find((d) => d.name === '检验科');
  const line = places.productLines.find((l) => l.name === '体外诊断试剂');
  if (!hospital || !lab || !line) throw new Error('the seed has 市一医院 检验科 and 体外诊断试剂');
  await owner(PLACE, {
    input: {
      productId: analyser.id,
      serialNo: serial,
      source: 'STOCK',
      hospitalId: hospital.id,
      departmentId: lab.id,
      reagentLineId: line.id,
      commitmentQuantity: 1000,
      commitmentPeriod: 'MONTH',
      startsOn: STARTS,
      endsOn: seedDayPlus(600),
    },
  });
  return serial;
}

test('an owner opens a placement from his list on a phone, reads its months and history, moves it and takes it back', async () => {
  const serial = await placedAnalyser(await apiAs('portal', OWNER), 'PH');
  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/placements'));
  await login(page, OWNER);
  await page.getByTestId('placement-row').filter({ hasText: serial }).click();

  await page.getByTestId('page-title').getByText(serial).waitFor();
  await page.getByText(`${SY} · 检验科`).waitFor();
  await page.getByText('1,000 个/月（体外诊断试剂）').waitFor();
  // the first month of the agreement is over and fell short of 1,000 units
  const months = page.getByTestId('placement-commitment');
  await months
    .locator('tr', { hasText: STARTS.slice(0, 7) })
    .getByText('未达承诺')
    .waitFor();
  const history = page.getByTestId('placement-history');
  await history.getByTestId('placement-event').filter({ hasText: '投放' }).getByText(`${SY} 检验科`).waitFor();
  await session.shot('placement-detail-01-record');

  const actions = page.getByTestId('placement-actions');
  await actions.getByRole('button', { name: /移\s?机/ }).click();
  const move = page.getByRole('dialog').filter({ hasText: '新医院' });
  await pickOption(page, move.getByLabel('新医院'), ZY, '浙江大学');
  await pickOption(page, move.getByLabel('新科室'), '超声医学科', '');
  await move.getByLabel('备注（可选）').fill('超声科新开设备间');
  await session.shot('placement-detail-02-relocate');
  await page.getByTestId('placement-action-submit').click();
  await move.waitFor({ state: 'hidden' });
  await page.getByText(`${ZY} · 超声医学科`).waitFor();
  const moved = history.getByTestId('placement-event').filter({ hasText: '移机' });
  await moved.getByText(`${ZY} 超声医学科`).waitFor();
  await moved.getByText('超声科新开设备间', { exact: false }).waitFor();

  await actions.getByRole('button', { name: /归\s?还/ }).click();
  const giveBack = page.getByRole('dialog').filter({ hasText: '归还后投放结束' });
  await giveBack.waitFor();
  await page.getByTestId('placement-action-submit').click();
  await giveBack.waitFor({ state: 'hidden' });
  await page.getByTestId('placement-status').getByText('已归还').waitFor();
  await history.getByTestId('placement-event').filter({ hasText: '归还' }).waitFor();
  await page.getByTestId('placement-ended').waitFor();
  expect(await page.getByTestId('placement-actions').count()).toBe(0);
  expect(await history.getByTestId('placement-event').count()).toBe(3);
  await session.shot('placement-detail-03-returned');

  // the list says so too
  await page.goto(url('portal', '/placements'));
  await page.getByTestId('placement-row').filter({ hasText: serial }).getByText('已归还').waitFor();
});

test('the console replaces a placed instrument by another serial and takes it back: the drawer follows', async () => {
  const serial = await placedAnalyser(await apiAs('portal', OWNER), 'RP');
  const replacement = `${serial}-N`;
  session = await openBrowser(DESKTOP);
  const { page } = session;
  await page.goto(url('console', `/placements?q=${serial}`));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('placement-row').filter({ hasText: serial }).click();
  const drawer = page.locator('.ant-drawer').filter({ has: page.getByTestId('placement-history') });
  const history = drawer.getByTestId('placement-history');
  await history.getByText('投放', { exact: true }).waitFor();

  await drawer
    .getByTestId('placement-actions')
    .getByRole('button', { name: /换\s?机/ })
    .click();
  const swap = page.getByRole('dialog').filter({ hasText: '新序列号' });
  await swap.getByLabel('新序列号').fill(replacement.toLowerCase());
  await swap.getByLabel('换机原因').fill('原机光路故障');
  await session.shot('placement-detail-04-replace');
  await page.getByTestId('placement-action-submit').click();
  await swap.waitFor({ state: 'hidden' });
  // kept upper case: the title and the 换机 event show the new serial
  await drawer.locator('.ant-drawer-title').getByText(replacement).waitFor();
  const replaced = history.getByTestId('placement-event').filter({ hasText: '换机' });
  await replaced.getByText(replacement, { exact: false }).waitFor();
  await replaced.getByText('原机光路故障', { exact: false }).waitFor();

  await drawer
    .getByTestId('placement-actions')
    .getByRole('button', { name: /归\s?还/ })
    .click();
  const giveBack = page.getByRole('dialog').filter({ hasText: '归还后投放结束' });
  await giveBack.waitFor();
  await page.getByTestId('placement-action-submit').click();
  await giveBack.waitFor({ state: 'hidden' });
  await drawer.getByTestId('placement-status').getByText('已归还').waitFor();
  await history.getByTestId('placement-event').filter({ hasText: '归还' }).getByText(replacement).waitFor();
  expect(await drawer.getByTestId('placement-actions').count()).toBe(0);
  await session.shot('placement-detail-05-returned');
});
