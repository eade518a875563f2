import { pickOption, settledDialog } from './support/select';
import { browsers, PHONE, url } from './support/browser';
import { apiAs } from './support/api';
import { hospitalId, whoIs, writeSharedNoteByApi } from './portal-visits-steps';
import { dayFromToday } from './visit-desk';
import { tagPerAttempt } from './support/attempt';

// Operations that had no screen, acted by what the user reads. On a phone, 王浩 (REP, 杭州康达) asks
// the brand along to a hospital — 张伟, the company's channel manager, is named as the one who goes —
// then calls the plan off with a reason. In the console the brand's admin 王磊 gives a new prospect
// to 陈静 from its page and then, from the list's row selection, another with it; adds a licence that
// expires in 20 days with its scan, finds it on 资质到期, renews it, and sees it leave the list.
// 张伟 adds his head and a rep to a note's CC list after writing it, told in words who will read it.
// Every record is the test's own (a unique tag); dates are days from today (China).
const WIDE = { width: 1440, height: 900 };
const HOSPITAL = '浙江大学医学院附属第一医院';
const tag = tagPerAttempt();

const { signedIn } = browsers(WIDE);

/** Opens a select found by its label, types, clicks the option holding `text`, and waits for the list to close. */

test('a partner on a phone asks the brand along to a hospital, then calls the plan off', async () => {
  const goal = `e2e 约品牌陪访 ${tag()}`;
  const { page, shot } = await signedIn('portal', 'wang.rep@kangda.demo', '/visits', PHONE);
  await page.getByRole('button', { name: '约品牌陪访' }).click();
  await page.getByText('与渠道经理 张伟 一起去').waitFor();
  await pickOption(page, page.getByLabel('医院'), HOSPITAL, '浙江大学医学院附属第一');
  await page.getByLabel('拜访目的').fill(goal);
  await page.getByLabel('日期（北京时间）').fill(dayFromToday(40));
  await page.getByLabel('开始').fill('07:10');
  await page.getByLabel('结束').fill('07:50');
  await shot('ops-01-portal-plan');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('button', { name: '发给渠道经理' }).click();

  await page.waitForURL(/\/visits\/co-visits\/[0-9a-f-]{36}$/);
  await page.getByTestId('co-visit-goal').filter({ hasText: goal }).waitFor();
  await page.getByText('已发出，等待品牌方确认时间。').waitFor();
  await page.getByText('张伟').first().waitFor();
  await shot('ops-02-portal-proposed');

  await page.getByRole('button', { name: '取消这次拜访' }).click();
  const dialog = page.getByRole('dialog', { name: '取消这次拜访' });
  await dialog.getByLabel('取消原因').fill('医院临时改了手术日程');
  await dialog.getByRole('button', { name: '确认取消' }).click();
  await page.locator('[data-testid="co-visit"][data-status="CANCELLED"]').waitFor();
  await page.getByText('医院临时改了手术日程').waitFor();
  await shot('ops-03-portal-cancelled');

  // back on the list, the plan is there, cancelled
  await page.getByTestId('co-visit-back').click();
  await page.locator(`[data-testid="co-visit-row"][data-goal="${goal}"][data-status="CANCELLED"]`).waitFor();
});

let made = 0;

/** Two prospects of the test's own, in a city of 广东 (陈静's), with no channel manager yet. */
async function twoProspects(): Promise<[string, string]> {
  made += 1;
  const gql = await apiAs('console', 'admin@huakang.demo');
  const { regions } = await gql<{ regions: Array<{ id: string; name: string; level: string }> }>(
    '{ regions { id name level } }',
  );
  const city = regions.find((r) => r.level === 'CITY' && r.name.startsWith('深圳')) ?? regions[0];
  const names: [string, string] = [`e2e 经销商甲${made} ${tag()}`, `e2e 经销商乙${made} ${tag()}`];
  for (const [i, name] of names.entries())
    await gql('mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id } }', {
      i: { name, code: `E2E-${tag()}-${made}${i}`.toUpperCase(), regionId: city.id },
    });
  return names;
}

test('the console gives a prospect to a channel manager from its page, then several from the list', async () => {
  const [first, second] = await twoProspects();
  const { page, shot } = await signedIn(
    'console',
    'admin@huakang.demo',
    `/distributors?q=${encodeURIComponent(tag())}`,
  );

  // one, from its page
  await page.getByRole('link', { name: first }).click();
  await page.getByRole('heading', { name: first }).waitFor();
  await page.getByRole('button', { name: '指派渠道经理' }).click();
  const one = page.getByRole('dialog', { name: '指派渠道经理' });
  await one.getByText(`“${first}”将改由所选渠道经理负责。`).waitFor();
  await pickOption(page, one.getByLabel('渠道经理'), '陈静', '陈');
  await one.getByRole('button', { name: '指派渠道经理' }).click();
  await one.waitFor({ state: 'hidden' });
  await page.getByTestId('distributor-channel-manager').getByText('陈静').waitFor();
  await shot('ops-04-console-assigned-one');

  // several, from the list's selection: the first is his already, the second moves
  await page.goto(url('console', `/distributors?q=${encodeURIComponent(tag())}`));
  const rowOf = (name: string) => page.getByRole('row', { name: new RegExp(name) });
  await rowOf(second).waitFor();
  await rowOf(first).getByRole('checkbox').check();
  await rowOf(second).getByRole('checkbox').check();
  await page.getByText('已选 2 家经销商').waitFor();
  await page.getByTestId('distributor-selection').getByRole('button', { name: '指派渠道经理' }).click();
  const many = page.getByRole('dialog', { name: '指派渠道经理' });
  await many.getByText('已选的 2 家经销商将由所选渠道经理负责').waitFor();
  await pickOption(page, many.getByLabel('渠道经理'), '陈静', '陈');
  await shot('ops-05-console-assign-many');
  await many.getByRole('button', { name: '指派渠道经理' }).click();
  await many.waitFor({ state: 'hidden' });
  await rowOf(second).getByText('陈静').waitFor();
  await rowOf(first).getByText('陈静').waitFor();
  expect(await page.getByTestId('distributor-selection').count()).toBe(0);
});

test('a licence added with its scan is listed as expiring; renewed, it leaves the list', async () => {
  const [name] = await twoProspects();
  const number = `浙杭食药监械经营许E2E${tag()}号`;
  const { page, shot } = await signedIn(
    'console',
    'admin@huakang.demo',
    `/distributors?q=${encodeURIComponent(tag())}`,
  );
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name }).waitFor();
  const detail = page.url();

  await page.getByRole('button', { name: '添加资质' }).click();
  // filled and saved once it has stopped zooming in (a click mid-motion left CI's renewal open)
  await settledDialog(page);
  const add = page.getByRole('dialog', { name: '添加资质' });
  await add.getByLabel('证号').fill(number);
  await add.getByRole('checkbox', { name: 'III 类' }).check();
  await add.getByLabel('有效期至').fill(dayFromToday(20));
  await add.getByLabel('扫描件').setInputFiles({
    name: '经营许可证.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF')]),
  });
  await shot('ops-06-console-add-licence');
  await add.getByRole('button', { name: /^保\s?存$/ }).click();
  await add.waitFor({ state: 'hidden' });
  const row = page.getByRole('row', { name: new RegExp(number) });
  await row.getByText('20 天后到期').waitFor();
  await row.getByText('经营许可证.pdf').waitFor();

  // 资质到期: within 30 days, licences only
  await page.goto(url('console', '/distributors/expiring?within=30&types=OPERATING_LICENSE_III'));
  const listed = page.getByTestId('expiring-list').getByRole('row', { name: new RegExp(number) });
  await listed.getByRole('link', { name }).waitFor();
  await shot('ops-07-console-expiring');

  // renewed: the later licence of the same kind; the old one no longer warns
  await page.goto(detail);
  await row.getByRole('button', { name: '续期' }).click();
  await settledDialog(page);
  const renew = page.getByRole('dialog', { name: `续期：${number}` });
  await renew.getByLabel('有效期至').fill(dayFromToday(1100));
  await renew.getByRole('button', { name: /^保\s?存$/ }).click();
  await renew.waitFor({ state: 'hidden' });
  await page.getByRole('row', { name: new RegExp(`${number}.*已续期`) }).waitFor();
  await shot('ops-08-console-renewed');

  await page.goto(url('console', '/distributors/expiring?within=30&types=OPERATING_LICENSE_III'));
  const after = page.locator('[data-testid="expiring-list"][data-ready="true"]');
  await after.waitFor();
  expect(await after.getByRole('row', { name: new RegExp(number) }).count()).toBe(0);
});

test('a note’s author adds people to its CC list after writing it, told who will read it', async () => {
  const cm = await apiAs('console', 'zhang.cm@huakang.demo');
  const li = await whoIs('li.rep@kangda.demo');
  const outcome = `e2e 补充抄送 ${tag()}`;
  const id = await writeSharedNoteByApi(cm, {
    hospitalId: await hospitalId(cm, HOSPITAL),
    distributorId: li.distributorId,
    outcome,
    ccUserIds: [li.id],
    commitments: [],
  });
  const { page, shot } = await signedIn('console', 'zhang.cm@huakang.demo', `/visits/notes/${id}`);
  await page.getByText(outcome).waitFor();
  await page.getByRole('button', { name: '添加抄送' }).click();
  const dialog = page.getByRole('dialog', { name: '添加抄送' });
  await dialog.getByText('现在能读到这条记录的人').waitFor();
  await pickOption(page, dialog.getByLabel('抄送品牌方同事'), '赵建国', '赵');
  await pickOption(page, dialog.getByLabel(/抄送 杭州康达.* 的人员/), '王浩', '王');
  const readers = dialog.getByTestId('note-cc-add-readers');
  await readers.getByText('添加 2 人后，能读到这条记录的人').waitFor();
  await readers.getByText(/赵建国/).waitFor();
  await readers.getByText(/李娜、王浩/).waitFor();
  await shot('ops-09-console-note-cc');
  await dialog.getByRole('button', { name: '添加并通知' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const cc = page.getByTestId('note-cc');
  await cc.getByText('赵建国').waitFor();
  await cc.getByText('王浩').waitFor();
});
