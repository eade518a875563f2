import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { browsers, PHONE } from './support/browser';
import { pickOption } from './support/select';

// Delivery after a win. The admin (on the API) makes a won opportunity of 广州粤康 at 中山大学附属第一医院's
// 超声科, with a suffix of the run's own so a retry starts afresh. 吴强, 华康's engineer for 广东, logs
// his pre-sales hours, creates the delivery project and completes its milestones in order in the
// console: acceptance is refused until the signed acceptance document is uploaded. 黄志明, 粤康's
// owner, then follows the progress on his phone, read-only.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(512, 32), Buffer.from('\n%%EOF\n')]);
const { signedIn } = browsers();

/** A won opportunity of 粤康's at the seeded won deal's hospital, department and line. */
async function wonOpportunity(need: string): Promise<string> {
  const gql = await apiAs('console', 'admin@huakang.demo');
  type Seeded = {
    opportunities: {
      nodes: Array<{
        hospital: { id: string };
        department: { id: string };
        productLine: { id: string };
        distributor: { id: string };
      }>;
    };
  };
  const seeded = await gql<Seeded>(
    `{ opportunities(first: 1, filter: { search: "急诊床旁彩超" }) { nodes { hospital { id } department { id } productLine { id } distributor { id } } } }`,
  );
  const s = seeded.opportunities.nodes[0];
  const made = await gql<{ createOpportunity: { id: string; version: number } }>(
    `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id version } }`,
    {
      i: {
        hospitalId: s.hospital.id,
        departmentId: s.department.id,
        productLineId: s.productLine.id,
        distributorId: s.distributor.id,
        need,
        estimatedValue: '520000',
        idempotencyKey: randomUUID(),
      },
    },
  );
  await gql(
    `mutation($id: ID!, $v: Int!) { moveOpportunity(id: $id, input: { stage: WON, expectedVersion: $v }) { id } }`,
    {
      id: made.createOpportunity.id,
      v: made.createOpportunity.version,
    },
  );
  return made.createOpportunity.id;
}

const card = (page: Page) => page.getByTestId('delivery-card');

async function markDone(page: Page, milestone: string): Promise<void> {
  await card(page)
    .getByRole('button', { name: `标记完成：${milestone}` })
    .click();
}

test('the engineer completes a won deal’s delivery in order and the distributor’s owner follows it on the phone', async () => {
  const need = `急诊超声交付 ${randomUUID().slice(0, 6)}`;
  const id = await wonOpportunity(need);

  const desk = await signedIn('console', 'engineer@huakang.demo', `/opportunities/${id}`);
  await desk.page.getByLabel('工时（小时）').waitFor();
  await desk.page.getByRole('menuitem', { name: '交付项目' }).waitFor();

  // pre-sales hours, summed
  await desk.page.getByLabel('工时（小时）').fill('2.5');
  await desk.page.getByLabel('备注').first().fill('现场演示');
  await desk.page.getByRole('button', { name: '记录工时' }).click();
  await desk.page.getByTestId('presales-total').getByText('合计 2.50 小时').waitFor();

  // the project, its engineer, and the milestones in order
  await pickOption(desk.page, card(desk.page).getByLabel('负责工程师'), '吴强', '');
  await card(desk.page).getByRole('button', { name: '建立交付项目' }).click();
  await card(desk.page).getByText('进行中').waitFor();
  await markDone(desk.page, '到货');
  await card(desk.page)
    .getByTestId('milestone-DELIVERY')
    .getByText(/^完成 /)
    .waitFor();
  await markDone(desk.page, '安装');
  await card(desk.page)
    .getByTestId('milestone-INSTALLATION')
    .getByText(/^完成 /)
    .waitFor();
  // acceptance waits for its signed document
  await markDone(desk.page, '验收');
  await card(desk.page).getByText('请先上传签字的验收单').waitFor();
  await desk.shot('delivery-acceptance-needs-document');
  await card(desk.page)
    .getByLabel('验收 上传验收单')
    .setInputFiles({ name: '验收单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await card(desk.page).getByText('验收单.pdf').waitFor();
  await markDone(desk.page, '验收');
  await card(desk.page)
    .getByTestId('milestone-ACCEPTANCE')
    .getByText(/^完成 /)
    .waitFor();
  await markDone(desk.page, '科室培训');
  await card(desk.page).getByText('已完成').waitFor();
  await desk.shot('delivery-console-completed');

  // the distributor's owner on the phone: the progress, read-only
  const phone = await signedIn('portal', 'boss@yuekang.demo', `/opportunities/${id}`, PHONE);
  const progress = phone.page.getByTestId('delivery-progress');
  await progress.getByText('交付进度').waitFor();
  await progress.getByText('已完成').first().waitFor();
  for (const m of ['到货', '安装', '验收', '科室培训']) await progress.getByText(m, { exact: true }).waitFor();
  await progress.getByText('验收单.pdf').waitFor();
  expect(await phone.page.getByRole('button', { name: /标记完成/ }).count()).toBe(0);
  await progress.scrollIntoViewIfNeeded();
  await phone.shot('delivery-portal-progress');
});
