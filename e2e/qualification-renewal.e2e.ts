import { browsers, PHONE } from './support/browser';
import { dayFromToday } from './visit-desk';
import { tagPerAttempt } from './support/attempt';

// 黄志明, the owner of 广州粤康 (no other browser test changes its documents), proposes on his phone the
// renewal of the company's class III licence: the new number, dates and a scan. It waits for the brand
// (待审核) and counts for nothing meanwhile. The brand's admin 王磊 sees it on the distributor's documents
// with its scan and approves it; the owner then sees the new licence as his current one.
const WIDE = { width: 1440, height: 900 };
const DISTRIBUTOR = '广州粤康医疗科技有限公司';
const OLD_NUMBER = '粤穗食药监械经营许20200654号';
const tag = tagPerAttempt();

const { signedIn } = browsers(WIDE);

test('a qualification renewed by the owner and approved', async () => {
  const number = `粤穗食药监械经营许E2E${tag()}号`;
  const owner = await signedIn('portal', 'boss@yuekang.demo', '/company', PHONE);
  const licence = owner.page.getByTestId('qualification-OPERATING_LICENSE_III').filter({ hasText: OLD_NUMBER });
  await licence.getByRole('button', { name: '提交续期' }).click();
  const form = licence.getByTestId('renewal-form-OPERATING_LICENSE_III');
  await form.getByLabel('新证号').fill(number);
  await form.getByLabel('有效期自').fill(dayFromToday(0));
  await form.getByLabel('有效期至').fill(dayFromToday(1800));
  await form.getByLabel('新证照扫描件（照片或 PDF）').setInputFiles({
    name: '新经营许可证.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF')]),
  });
  await owner.shot('qualrenew-01-portal-form-phone');
  await form.getByRole('button', { name: '提交审核' }).click();
  await licence.getByText('续期待审核').waitFor();
  await licence.getByText(number, { exact: false }).waitFor();
  await owner.shot('qualrenew-02-portal-pending-phone');

  // the brand: the proposal, with its scan, on the distributor's documents
  const brand = await signedIn('console', 'admin@huakang.demo', `/distributors?q=${encodeURIComponent('粤康')}`);
  await brand.page.getByRole('link', { name: DISTRIBUTOR }).click();
  await brand.page.getByRole('heading', { name: DISTRIBUTOR }).waitFor();
  const row = brand.page.getByTestId('qualifications').getByRole('row', { name: new RegExp(OLD_NUMBER) });
  await row.getByText('待审核').waitFor();
  await row.getByText('新经营许可证.pdf').waitFor();
  await brand.shot('qualrenew-03-console-pending');
  await row.getByRole('button', { name: /^通\s?过$/ }).click();
  await brand.page.getByRole('row', { name: new RegExp(`${OLD_NUMBER}.*已续期`) }).waitFor();
  const renewed = brand.page.getByTestId('qualifications').getByRole('row', { name: new RegExp(number) });
  await renewed.getByText('新经营许可证.pdf').waitFor();
  await brand.shot('qualrenew-04-console-approved');

  // the owner: the new licence is the current one
  await owner.page.reload();
  const current = owner.page.getByTestId('qualification-OPERATING_LICENSE_III').filter({ hasText: number });
  await current.getByText('新经营许可证.pdf').waitFor();
  await owner.page
    .getByTestId('qualification-OPERATING_LICENSE_III')
    .filter({ hasText: OLD_NUMBER })
    .getByText('已续期')
    .waitFor();
  await owner.shot('qualrenew-05-portal-current-phone');
});
