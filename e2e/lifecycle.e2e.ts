import type { Page } from 'playwright-core';
import { HOSPITALS } from '../api/src/db/seed/hospital-data';
import { BRANDS, userByEmail } from '../api/src/db/seed/demo-data';
import { login, openBrowser, url, type Session } from './support/browser';
import { daysSinceSeed } from './support/calendar';
import { pickOption } from './support/select';

// The channel lifecycle end to end: a channel manager works a prospect through the lifecycle, a grant to it is
// refused for missing documents, a temporary grant to 杭州康达 goes through, the owner sees it on
// the phone, and 南京华宁's expired licence is flagged on both sides.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** The seed writes 南京华宁's class III licence as expired ten days before its day; today may have moved on since. */
const expiredDays = () => 10 + daysSinceSeed();
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Picks `label` in the Select with that test id; checked on the field and picked again when the list re-rendered under the click. */
const choose = (page: Page, testId: string, label: string) => pickOption(page, page.getByTestId(testId), label);

async function moveStage(page: Page, target: string, reason: string): Promise<void> {
  await page.getByTestId('move-stage-open').click();
  // The first legal move is preselected; check it is the one we mean before sending.
  await page.locator('.ant-modal:visible').getByTestId('move-stage-target').getByText(target).waitFor();
  await page.getByTestId('move-stage-reason').fill(reason);
  await page.getByTestId('move-stage-submit').click();
  // the page shows the new stage, or the dialog says why not (and the test says it instead of timing out)
  const moved = page.getByTestId('page-title').getByText(target);
  const refused = page.getByTestId('move-stage-error');
  await Promise.race([moved.waitFor({ timeout: 30_000 }), refused.waitFor({ timeout: 30_000 })]);
  if (!(await moved.count())) throw new Error(`moving to ${target} refused: ${await refused.innerText()}`);
  await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
}

async function openDistributor(page: Page, name: string): Promise<void> {
  await page.goto(url('console', '/distributors'));
  await page.locator('.ant-table-row a', { hasText: name }).click();
  await page.getByTestId('page-title').getByText(name).waitFor();
}

test('channel manager: new prospect through the lifecycle, a refused grant, a temporary grant to 杭州康达, an expired licence', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/distributors?view=board'));
  await login(page, 'zhang.cm@huakang.demo');
  await page.getByTestId('pipeline-board').waitFor();
  await page.getByTestId('board-FORMAL').getByText('杭州康达医疗器械有限公司').waitFor();
  // every stage's column in view, none cut off at a desktop's width
  const board = page.getByTestId('pipeline-board');
  expect(await board.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.getByTestId('board-TERMINATED').getByText('已终止').waitFor();
  await s.shot('lifecycle-01-pipeline-board');

  const name = '温州瑞景医疗器械有限公司';
  await page.getByTestId('prospect-open').click();
  await page.getByTestId('prospect-name').fill(name);
  await page.getByTestId('prospect-code').fill(`HK-WZRJ-${Date.now().toString(36)}`);
  await choose(page, 'prospect-region', '温州市');
  await s.shot('lifecycle-02-new-prospect');
  await page.getByTestId('prospect-submit').click();
  await page.waitForURL(/\/distributors\/[^/?]+$/);
  await page.getByTestId('page-title').getByText(name).waitFor();
  await page.getByTestId('page-title').getByText('潜在').waitFor();

  await moveStage(page, '筛选中', '终端关系强，已拿到温州两家三甲的科室名单');
  await moveStage(page, '洽谈中', '老板面谈：合作意愿强，愿意配两名专职销售');
  await moveStage(page, '临时授权', '同意给予三个月临时授权，先做超声试用');
  expect(await page.getByTestId('stage-history').locator('.ant-timeline-item').count()).toBe(3);
  await s.shot('lifecycle-03-prospect-moved');

  // No documents on file: the grant is refused and the form says why, beside the fields.
  await page.getByTestId('grant-open').click();
  await choose(page, 'grant-product-lines', '超声影像');
  await choose(page, 'grant-regions', '温州市');
  await page.getByTestId('grant-submit').click();
  const refusal = page.getByTestId('grant-error');
  await refusal.waitFor().catch(async (error: unknown) => {
    await s?.shot('lifecycle-debug-grant');
    throw error;
  });
  expect(await refusal.innerText()).toContain('资质不符合要求');
  await s.shot('lifecycle-04-grant-refused');
  await page.locator('.ant-drawer:visible .ant-drawer-close').click();

  // 杭州康达 has valid documents: a temporary, non-exclusive grant for 超声影像 in 杭州市 goes through.
  await openDistributor(page, '杭州康达医疗器械有限公司');
  await page.getByTestId('grant-open').click();
  await choose(page, 'grant-product-lines', '超声影像');
  await choose(page, 'grant-regions', '杭州市');
  // Both choices are on the form when it is sent: the first is kept while the drawer's options load.
  expect(await page.getByTestId('grant-product-lines').getByText('超声影像', { exact: true }).count()).toBe(1);
  await s.shot('lifecycle-05-grant-form');
  await page.getByTestId('grant-submit').click();
  const grants = page.getByTestId('authorizations');
  // Under load the round trip can be slow; and if the API refused, say why instead of timing out.
  const granted = grants.locator('.ant-table-row', { hasText: '临时授权' });
  await Promise.race([
    granted.waitFor({ timeout: 40_000 }),
    page.getByTestId('grant-error').waitFor({ timeout: 40_000 }),
  ]);
  if (!(await granted.count())) {
    await s.shot('lifecycle-debug-grant-kangda');
    throw new Error(`grant to 杭州康达 refused: ${await page.getByTestId('grant-error').innerText()}`);
  }
  const row = await grants.locator('.ant-table-row', { hasText: '临时授权' }).innerText();
  expect(row).toContain('超声影像');
  expect(row).toContain('杭州市');
  expect(row).toContain('生效中');
  await s.shot('lifecycle-06-granted');

  // 南京华宁's class III operating licence expired ten days before the seed's day.
  const expired = expiredDays();
  await openDistributor(page, '南京华宁医疗设备有限公司');
  const warning = page.getByTestId('qualification-warning');
  await warning.waitFor();
  expect(await warning.innerText()).toContain(`已过期 ${expired} 天`);
  await page.getByTestId('qualifications').getByTestId('expiry-EXPIRED').waitFor();
  await s.shot('lifecycle-07-expired-licence');
  await page.getByTestId('language-switch').getByText('EN').click();
  await warning.filter({ hasText: `Expired ${expired} days ago` }).waitFor();
  await s.shot('lifecycle-08-expired-licence-en');
  // The language is saved on the user: leave zhang.cm in Chinese for the other tests.
  await page.getByTestId('language-switch').getByText('中文').click();
  await warning.filter({ hasText: `已过期 ${expired} 天` }).waitFor();
});

test('owner on a phone sees the temporary authorization under 我的公司', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', '/'));
  await login(page, 'boss@kangda.demo');
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-company').click();
  await page.waitForURL((u) => u.pathname === '/company');
  const mine = page.getByTestId('my-authorizations');
  const temporary = mine.getByTestId('authorization').filter({ hasText: '临时授权' }).first();
  await temporary.waitFor();
  const text = await temporary.innerText();
  expect(text).toContain('超声影像');
  expect(text).toContain('杭州市');
  expect(text).toContain('生效中');
  await page.getByTestId('second-tier').getByText('宁波瑞康医疗用品有限公司').waitFor();
  // The owner uploads the renewed licence's scan from the phone.
  await page.getByTestId('upload-OPERATING_LICENSE_III').setInputFiles({
    name: '经营许可证.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await page.getByTestId('upload-done').waitFor();
  await page.getByTestId('download-OPERATING_LICENSE_III').getByText('经营许可证.pdf').waitFor();
  await s.shot('lifecycle-09-portal-company-phone');
  await temporary.scrollIntoViewIfNeeded();
  await s.shot('lifecycle-10-portal-authorizations-phone');
});

test('南京华宁 owner on a phone is warned about the expired licence, in English', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', '/login'));
  await page.getByTestId('language-switch').getByText('EN').click();
  await login(page, 'boss@huaning.demo');
  const banner = page.getByTestId('home-document-warning');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('expired');
  await s.shot('lifecycle-11-portal-home-expired-phone-en');
  await banner.click();
  await page.waitForURL((u) => u.pathname === '/company');
  await page.getByTestId('company-warning').waitFor();
  const licence = page.getByTestId('qualification-OPERATING_LICENSE_III');
  await licence.getByTestId('expiry-EXPIRED').waitFor();
  expect(await licence.innerText()).toContain(`Expired ${expiredDays()} days ago`);
  await s.shot('lifecycle-12-portal-company-expired-phone-en');
});

test('channel manager: hospitals filtered by grade, the decision chain, an intel note', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/hospitals'));
  await login(page, 'zhang.cm@huakang.demo');
  await page.locator('.ant-table-row').first().waitFor();
  await choose(page, 'hospital-grade', '三甲');
  await page.waitForURL(/grade=GRADE_3A/);
  await page.locator('.ant-table-row a', { hasText: '浙江大学医学院附属第一医院' }).waitFor();
  // exactly the seed's 三甲 hospitals of 华康 in his regions
  const regions = userByEmail('zhang.cm@huakang.demo').regionCodes!;
  const grade3A = HOSPITALS.filter(
    (h) => h.brandId === BRANDS.huakang.id && String(h.grade) === 'GRADE_3A' && regions.includes(h.regionCode),
  );
  const expected = grade3A.map((h) => h.name).sort();
  const shown = async () => (await page.locator('.ant-table-row a').allInnerTexts()).sort();
  // (the unfiltered rows may still be on screen for a moment)
  for (let i = 0; i < 50 && JSON.stringify(await shown()) !== JSON.stringify(expected); i++)
    await page.waitForTimeout(100);
  expect(await shown()).toEqual(expected);
  // the largest first, sorted on the server: the same hospitals, most beds on top
  await page.getByRole('columnheader', { name: '床位' }).click();
  await page.waitForURL(/[?&]sort=BEDS_MOST/);
  await page.locator('th[aria-sort="descending"]', { hasText: '床位' }).waitFor();
  await page.locator('[data-testid="paged-list"][aria-busy="false"]').waitFor();
  const beds = (await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts()).map((v) =>
    Number(v.replace(/[^\d]/g, '') || 0),
  );
  expect(beds).toEqual([...beds].sort((a, b) => b - a));
  expect(await shown()).toEqual(expected);
  await s.shot('lifecycle-13-hospitals');
  await page.locator('.ant-table-row a', { hasText: '浙江大学医学院附属第一医院' }).click();
  await page.getByText('决策链').waitFor();
  await page.getByText('设备科', { exact: true }).waitFor();
  // the attempt's own words: a retry adds a note of its own beside the first attempt's
  const note = `设备科王科长：明年一季度有彩超更新预算（${Date.now().toString(36)}）`;
  await page.getByTestId('hospital-note').fill(note);
  await page.getByRole('button', { name: '添加记录' }).click();
  // A controlled textarea's text is its value, so the note is looked for in the list only: it
  // shows there once, after the box has emptied.
  const listed = page.locator('.ant-list-item').getByText(note, { exact: true });
  await listed.waitFor();
  expect(await listed.count()).toBe(1);
  expect(await page.getByTestId('hospital-note').inputValue()).toBe('');
  await s.shot('lifecycle-14-hospital-detail');
});
