import { randomUUID } from 'node:crypto';
import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// 召回. 杭州康达 holds a CRP batch of this run's own (set up through the API, so the test runs again
// on the same database), moves 10 of it to its second tier 宁波瑞康 and sells 4 to 浙大一院's
// laboratory. The brand's admin recalls the batch: the preview and the reach name both distributors
// (first and second tier) and the hospital, neither has acknowledged. 宁波瑞康's owner opens the
// notice on a phone and acknowledges; the console then shows only 杭州康达 still to acknowledge.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const ADMIN = 'admin@huakang.demo';
const OWNER = 'boss@kangda.demo';
const SECOND_TIER_OWNER = 'boss@nbruikang.demo';
const CRP = 'C反应蛋白测定试剂盒（免疫比浊法）50人份';
const CRP_GTIN = '06901234500031';
const KD = '杭州康达医疗器械有限公司';
const NBRK = '宁波瑞康医疗用品有限公司';
let sessions: Session[] = [];

afterEach(async () => {
  for (const s of sessions) await s.close();
  sessions = [];
});

const MOVE = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { id } }`;

/** A fresh CRP batch through 康达's channel: 30 in, 10 to 宁波瑞康, 4 sold to 浙大一院's laboratory. */
async function batchThroughChannel(batch: string): Promise<void> {
  const owner = await apiAs('portal', OWNER);
  const { scanUdi } = await owner<{ scanUdi: { product: { id: string } } }>(
    `query($c: String!) { scanUdi(code: $c) { product { id } } }`,
    { c: `(01)${CRP_GTIN}` },
  );
  const productId = scanUdi.product.id;
  const move = (i: object) =>
    owner(MOVE, { i: { productId, batchNo: batch, occurredOn: '2026-01-05', idempotencyKey: randomUUID(), ...i } });
  await move({ kind: 'ADJUSTED', quantity: 30, expiryDate: '2030-06-30', reason: '浏览器测试的期初库存' });
  const { distributors } = await owner<{ distributors: { nodes: Array<{ id: string; name: string }> } }>(
    `{ distributors(first: 20) { nodes { id name } } }`,
  );
  await move({
    kind: 'TRANSFER_OUT',
    quantity: 10,
    toDistributorId: distributors.nodes.find((d) => d.name === NBRK)!.id,
  });
  const { hospitals } = await owner<{
    hospitals: { nodes: Array<{ id: string; departments: Array<{ id: string; name: string }> }> };
  }>(
    `{ hospitals(first: 5, filter: { search: "浙江大学医学院附属第一医院" }) { nodes { id departments { id name } } } }`,
  );
  const hospital = hospitals.nodes[0];
  await move({
    kind: 'SOLD_OUT',
    quantity: 4,
    hospitalId: hospital.id,
    departmentId: hospital.departments.find((d) => d.name === '检验科')!.id,
  });
}

test('a recall of a batch reaches the distributor and the second tier that hold it and shows who has not acknowledged', async () => {
  const batch = `RC${randomUUID().slice(0, 6).toUpperCase()}`;
  await batchThroughChannel(batch);

  const desk = await openBrowser(DESKTOP);
  sessions.push(desk);
  const { page } = desk;
  await page.goto(url('console', '/recalls'));
  await login(page, ADMIN);
  await page.getByRole('button', { name: '发起召回' }).click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog.getByLabel('产品'), CRP, 'C反应蛋白');
  await dialog.getByLabel('批号').fill(batch);
  await dialog
    .getByTestId('recall-preview')
    .getByText('将通知 2 家经销商，涉及 1 个医院科室；渠道在库 26 件，已售至医院 4 件')
    .waitFor();
  // the class stays at its default, 二级召回
  await dialog.getByText('二级召回').waitFor();
  await dialog.getByLabel('召回原因').fill('批次效价偏低');
  await dialog.getByLabel('处置要求').fill('立即停止销售，隔离库存，通知已使用的医院');
  await desk.shot('recall-01-create');
  await dialog.getByRole('button', { name: '发起召回' }).click();
  await page.waitForURL(/\/recalls\/[0-9a-f-]{36}$/);
  const recallId = new URL(page.url()).pathname.split('/').pop()!;

  const reach = page.getByTestId('reach-row');
  await reach.filter({ hasText: KD }).filter({ hasText: '1 级' }).getByText('待确认').waitFor();
  await reach.filter({ hasText: NBRK }).filter({ hasText: '2 级' }).getByText('待确认').waitFor();
  expect(await reach.count()).toBe(2);
  await page
    .getByTestId('reach-hospital-row')
    .filter({ hasText: '浙江大学医学院附属第一医院' })
    .filter({ hasText: KD })
    .waitFor();
  await desk.shot('recall-02-reach');

  // 宁波瑞康's owner, on a phone, from the notice
  const phone = await openBrowser(PHONE);
  sessions.push(phone);
  await phone.page.goto(url('portal', `/recalls/${recallId}`));
  await login(phone.page, SECOND_TIER_OWNER);
  await phone.page.getByTestId('recall-notice').getByText('立即停止销售，隔离库存，通知已使用的医院').waitFor();
  const part = phone.page.getByTestId('recall-part');
  expect(await part.count()).toBe(1);
  await part.getByText('10', { exact: true }).first().waitFor();
  await phone.shot('recall-03-phone-notice');
  await phone.page.getByRole('button', { name: '确认已收到召回通知' }).click();
  await part.getByTestId('recall-acknowledged').getByText('何建华 已于').waitFor();
  await phone.shot('recall-04-phone-acknowledged');

  // the brand: only 杭州康达 has not acknowledged
  await page.reload();
  await page.getByTestId('ack-filter').getByText('未确认').click();
  await page.waitForURL(/ack=no/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="reach-row"]').length === 1);
  await reach.filter({ hasText: KD }).getByText('待确认').waitFor();
  await page.getByTestId('ack-filter').getByText('已确认', { exact: true }).click();
  await reach.filter({ hasText: NBRK }).getByText('何建华').waitFor();
  await desk.shot('recall-05-who-acknowledged');
});
