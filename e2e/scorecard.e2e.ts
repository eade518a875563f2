import { browsers, PHONE, url, type Session } from './support/browser';
import { openCatalog } from './portal-ordering';

// 宁波瑞康 (a second tier, so tier 2) buys the HK-200 ultrasound at its tier's 628,000.00. The admin sets
// the scorecard's line up at 0.01 (any score with data reaches it), opens 宁波瑞康's quarterly scorecard,
// which suggests tier 1, and proposes the re-tier; the regional head 赵建国 approves it from the date the
// form offers (today, China time); the owner's catalog on his phone then prices the HK-200 at tier 1's
// 598,000.00, and he reads his scorecard with how each figure was computed.
const WIDE = { width: 1440, height: 900 };
const DISTRIBUTOR = '宁波瑞康医疗用品有限公司';
const OWNER = 'boss@nbruikang.demo';
const PRODUCT = 'HK-US-200';

const { signedIn } = browsers(WIDE);

/** The catalog on the phone shows the HK-200 at a price (waiting for the network's answer over a cached one). */
async function catalogShows(owner: Session, price: string): Promise<void> {
  await openCatalog(owner.page);
  await owner.page
    .getByTestId(`catalog-item-${PRODUCT}`)
    .getByTestId('catalog-price')
    .getByText(price, { exact: false })
    .waitFor();
}

test('a scorecard re-tiers a distributor from a date and its catalog prices follow', async () => {
  const owner = await signedIn('portal', OWNER, '/', PHONE);
  await catalogShows(owner, '628,000.00');
  await owner.shot('scorecard-01-portal-catalog-tier2-phone');

  const admin = await signedIn('console', 'admin@huakang.demo', `/distributors?q=${encodeURIComponent('瑞康')}`);
  await admin.page.getByRole('link', { name: DISTRIBUTOR }).click();
  const card = admin.page.getByTestId('scorecard-card');
  await card.getByTestId('scorecard-score').waitFor();
  await card.getByRole('button', { name: '设置权重' }).click();
  const weights = admin.page.getByRole('dialog');
  await weights.getByLabel('升级线').fill('0.01');
  await weights.getByLabel('降级线').fill('0');
  await admin.shot('scorecard-02-console-weights');
  await weights.getByRole('button', { name: /保\s?存/ }).click();
  await weights.waitFor({ state: 'hidden' });
  const suggestion = card.getByText('总分达到升级线：建议升至 1 级');
  await suggestion.waitFor();
  await card.getByTestId('inputs-PAYMENT').getByText('未收应收款', { exact: false }).waitFor();
  await admin.shot('scorecard-03-console-scorecard');
  await card.getByRole('button', { name: '提议调级' }).click();
  await card.getByRole('row', { name: /2 级 → 1 级.*待审批/ }).waitFor();
  await admin.shot('scorecard-04-console-proposed');

  const head = await signedIn('console', 'zhao.rh@huakang.demo', '/retiers');
  const row = head.page.getByRole('row', { name: new RegExp(DISTRIBUTOR) });
  await row.getByText('2 级 → 1 级').waitFor();
  await head.shot('scorecard-05-console-review-list');
  await row.getByRole('button', { name: /^批\s?准$/ }).click();
  const review = head.page.getByRole('dialog');
  await review.getByLabel('生效日期').waitFor();
  await head.shot('scorecard-06-console-approve');
  await review.getByRole('button', { name: /^批\s?准$/ }).click();
  await head.page.getByText('没有待审批的调级').waitFor();

  await owner.page.goto(url('portal', '/'));
  await catalogShows(owner, '598,000.00');
  await owner.shot('scorecard-07-portal-catalog-tier1-phone');
  await owner.page.goto(url('portal', '/scorecard'));
  const mine = owner.page.getByTestId('my-scorecard');
  await mine.getByTestId('my-score').waitFor();
  await mine.getByTestId('figure-PAYMENT').getByText('计算方法', { exact: false }).waitFor();
  await owner.shot('scorecard-08-portal-scorecard-phone');
}, 240_000);
