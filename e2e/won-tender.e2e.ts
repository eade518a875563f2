import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { browsers, PHONE } from './support/browser';
import { pickOption } from './support/select';

// A won tender becomes an order and a delivery project. The admin (on the API) opens a tender of
// 广州粤康 at the seeded won deal's hospital and department (a suffix of the run's own), quotes the
// line's 超声检查垫单 at its floor (or ¥40 when it has none) and submits the bid; in the console he
// records it won. 黄志明, 粤康's owner, orders it on his phone at the bid price: the order names
// its tender, and the tender its order. 吴强, the engineer, sees the order on the tender card,
// creates the delivery project beside it and completes its milestones, a photo of the delivery shown
// as a thumbnail in the console and on the owner's phone.
const PRODUCT = '一次性使用超声检查垫单 50片';
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQqzhBEmIY1TCqYfhqAABoaV4Qi1HI+QAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(512, 32), Buffer.from('\n%%EOF\n')]);
const { signedIn } = browsers();

type Ref = { id: string };
type Product = { productId: string; floorPrice: { amount: string } | null; product: { name: string } };

/** 粤康's opportunity with a submitted tender quoting the pads; answers the opportunity, the tender's number and the price. */
async function submittedTender(suffix: string): Promise<{ opportunityId: string; number: string; price: string }> {
  const gql = await apiAs('console', 'admin@huakang.demo');
  const seeded = await gql<{
    opportunities: { nodes: Array<{ hospital: Ref; department: Ref; productLine: Ref; distributor: Ref }> };
  }>(
    `{ opportunities(first: 1, filter: { search: "急诊床旁彩超" }) { nodes { hospital { id } department { id } productLine { id } distributor { id } } } }`,
  );
  const s = seeded.opportunities.nodes[0];
  const { createOpportunity: o } = await gql<{ createOpportunity: Ref }>(
    `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
    {
      i: {
        hospitalId: s.hospital.id,
        departmentId: s.department.id,
        productLineId: s.productLine.id,
        distributorId: s.distributor.id,
        need: `中标耗材 ${suffix}`,
        estimatedValue: '8000',
        idempotencyKey: randomUUID(),
      },
    },
  );
  const number = `ZB-WON-${suffix}`;
  const { createTender: tender } = await gql<{ createTender: Ref & { products: Product[] } }>(
    `mutation($i: CreateTenderInput!) { createTender(input: $i) { id products { productId floorPrice { amount } product { name } } } }`,
    {
      i: {
        opportunityId: o.id,
        number,
        purchaser: '中山大学附属第一医院',
        budget: '10000',
        registrationDeadline: '2099-01-10',
        bidOpeningAt: '2099-01-20T01:30:00Z',
        idempotencyKey: randomUUID(),
      },
    },
  );
  const pads = tender.products.find((p) => p.product.name === PRODUCT)!;
  const price = pads.floorPrice?.amount ?? '40.00';
  await gql(`mutation($i: AddTenderQuoteInput!) { addTenderQuote(input: $i) { id } }`, {
    i: { tenderId: tender.id, productId: pads.productId, price, idempotencyKey: randomUUID() },
  });
  await gql(`mutation($id: ID!) { submitTender(id: $id, expectedVersion: 1) { id } }`, { id: tender.id });
  return { opportunityId: o.id, number, price };
}

const milestones = (page: Page) => page.getByTestId('delivery-card');

async function complete(page: Page, milestone: string, kind: string): Promise<void> {
  await milestones(page)
    .getByRole('button', { name: `标记完成：${milestone}` })
    .click();
  await milestones(page)
    .getByTestId(`milestone-${kind}`)
    .getByText(/^完成 /)
    .waitFor();
}

test('a won tender becomes the distributor’s order at its bid price and a delivery project the engineer completes', async () => {
  const suffix = randomUUID().slice(0, 6);
  const { opportunityId, number, price } = await submittedTender(suffix);
  const total = `¥${Number(price) * 3}`;

  // the admin records the tender won in the console
  const admin = await signedIn('console', 'admin@huakang.demo', `/opportunities/${opportunityId}`);
  const tenders = admin.page.getByTestId('tender-card');
  await tenders.getByText(number).waitFor();
  await tenders.getByRole('button', { name: '登记结果' }).click();
  const result = admin.page.getByRole('dialog', { name: '登记结果' });
  await result.getByLabel('中标方').fill('广州粤康医疗科技有限公司');
  await admin.page.getByTestId('result-form-submit').click();
  await result.waitFor({ state: 'hidden' });
  await tenders.getByTestId('tender-orders').getByText('还没有中标订单').waitFor();

  // 粤康's owner orders it on his phone at the bid price
  const phone = await signedIn('portal', 'boss@yuekang.demo', `/opportunities/${opportunityId}`, PHONE);
  const section = phone.page.getByTestId('tender-section');
  await section.getByText(number).waitFor();
  await section.getByRole('button', { name: '按中标价下单' }).click();
  const form = phone.page.getByRole('dialog', { name: '按中标价下单' });
  await form.getByLabel(new RegExp(`^数量 · ${PRODUCT}`)).fill('3');
  await phone.shot('won-tender-01-order-form');
  await phone.page.getByTestId('tender-order-form-submit').click();
  await phone.page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await phone.page.getByText('来源招标').waitFor();
  await phone.page.getByRole('link', { name: number }).waitFor();
  await phone.page.getByTestId('order-total').getByText(total.replace('¥', '')).waitFor();
  await phone.shot('won-tender-02-order');
  const orderNumber = (await phone.page
    .getByText(/^SO\d+/)
    .first()
    .textContent())!
    .trim()
    .match(/SO\d+/)![0];
  // back on the tender: its order, and no second one to place
  await phone.page.getByRole('link', { name: number }).click();
  await section.getByTestId('tender-orders').getByRole('link', { name: orderNumber }).waitFor();
  expect(await section.getByRole('button', { name: '按中标价下单' }).count()).toBe(0);
  await section.getByTestId('tender-orders').scrollIntoViewIfNeeded();
  await phone.shot('won-tender-03-tender-ordered');

  // the engineer sees the order on the tender and delivers the project beside it
  const desk = await signedIn('console', 'engineer@huakang.demo', `/opportunities/${opportunityId}`);
  await desk.page.getByTestId('tender-card').getByTestId('tender-orders').getByText(orderNumber).waitFor();
  await desk.page.getByTestId('tender-card').getByTestId('tender-orders').scrollIntoViewIfNeeded();
  await desk.shot('won-tender-04-console-tender');
  await pickOption(desk.page, milestones(desk.page).getByLabel('负责工程师'), '吴强', '');
  await milestones(desk.page).getByRole('button', { name: '建立交付项目' }).click();
  await milestones(desk.page).getByText('进行中').waitFor();
  await milestones(desk.page)
    .getByLabel('到货 上传照片')
    .setInputFiles({ name: '到货照片.png', mimeType: 'image/png', buffer: PHOTO });
  // the photo itself, fetched through the scoped file route, not its name
  await milestones(desk.page).locator('[data-testid="delivery-photo"][data-name="到货照片.png"] img').waitFor();
  await complete(desk.page, '到货', 'DELIVERY');
  await complete(desk.page, '安装', 'INSTALLATION');
  await milestones(desk.page)
    .getByLabel('验收 上传验收单')
    .setInputFiles({ name: '验收单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await milestones(desk.page).getByText('验收单.pdf').waitFor();
  await complete(desk.page, '验收', 'ACCEPTANCE');
  await milestones(desk.page).getByRole('button', { name: '标记完成：科室培训' }).click();
  await milestones(desk.page).getByText('已完成').waitFor();
  await desk.shot('won-tender-05-delivered');

  // the owner follows it on his phone: the delivery photo as a thumbnail
  await phone.page.reload();
  const progress = phone.page.getByTestId('delivery-progress');
  const thumb = progress.locator('[data-testid="delivery-photo"][data-name="到货照片.png"] img');
  await thumb.waitFor();
  await thumb.scrollIntoViewIfNeeded();
  await phone.shot('won-tender-06-portal-photo');
}, 240_000);
