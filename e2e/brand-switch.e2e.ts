import { BRANDS, DISTRIBUTORS, TWO_BRANDS_EMAIL, membershipsOf } from '../api/src/db/seed/demo-data';
import { HOSPITALS } from '../api/src/db/seed/hospital-data';
import { SEED_ORDERS } from '../api/src/db/seed/order-data';
import { login, openBrowser, url, type Session } from './support/browser';

/**
 * One person, two brands, on a phone: 俞思远 owns 宁波瑞康 for 华康 and 杭州瑞达 for 瑞光. Signed in,
 * he sees one brand's company, name and orders; 我的 → 切换品牌 starts the portal again at home
 * for the other brand, with nothing of the first left on screen or in the client.
 */
const PHONE = { width: 390, height: 844 };
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** What a membership's owner reads: the brand, the company, and the hospital of its seeded order. */
function sightsOf(m: ReturnType<typeof membershipsOf>[number]) {
  const order = SEED_ORDERS.find((o) => o.distributorCode === m.distributorCode)!;
  return {
    brand: Object.values(BRANDS).find((b) => b.id === m.brandId)!.name,
    company: DISTRIBUTORS.find((d) => d.code === m.distributorCode)!.name,
    hospital: HOSPITALS.find((h) => h.id === order.hospitalId)!.name,
  };
}

test('a person with two brands signs in on a phone, sees one brand, switches, and sees only the other', async () => {
  session = await openBrowser(PHONE);
  const { page, shot } = session;
  await page.goto(url('portal', '/'));
  await login(page, TWO_BRANDS_EMAIL);
  await page.getByTestId('welcome').waitFor();

  // signing in opens one of the two (the one used last); which one is read from the screen
  const [a, b] = membershipsOf(TWO_BRANDS_EMAIL).map(sightsOf);
  const header = page.getByTestId('header-org');
  await header.filter({ hasText: new RegExp(`${a.company}|${b.company}`) }).waitFor();
  const [first, second] = (await header.textContent())?.includes(a.company) ? [a, b] : [b, a];
  await page.getByTestId('welcome').getByText(first.brand).waitFor();
  await shot('brand-switch-01-home-first-brand');

  await page.getByTestId('tab-orders').click();
  await page.getByTestId('order-row').filter({ hasText: first.hospital }).first().waitFor();
  expect(await page.getByTestId('order-row').filter({ hasText: second.hospital }).count()).toBe(0);
  await shot('brand-switch-02-orders-first-brand');

  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-brand').getByText(first.brand).waitFor();
  await page.getByText('切换品牌').click();
  const drawer = page.getByRole('dialog', { name: '选择品牌' });
  await drawer.getByText(first.company).waitFor();
  await shot('brand-switch-03-choose-brand');
  await drawer.getByRole('listitem').filter({ hasText: second.brand }).click();

  // back at home, for the other brand
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('welcome').getByText(second.brand).waitFor();
  await header.getByText(second.company).waitFor();
  await shot('brand-switch-04-home-second-brand');

  await page.getByTestId('tab-orders').click();
  await page.getByTestId('order-row').filter({ hasText: second.hospital }).first().waitFor();
  expect(await page.getByTestId('order-row').filter({ hasText: first.hospital }).count()).toBe(0);
  expect(await page.getByText(first.company).count()).toBe(0);
  await shot('brand-switch-05-orders-second-brand');

  // the switcher says where he is now
  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-brand').getByText(second.brand).waitFor();
  await page.getByText('切换品牌').click();
  await page
    .getByRole('dialog', { name: '选择品牌' })
    .getByRole('listitem')
    .filter({ hasText: second.brand })
    .getByText('当前')
    .waitFor();
});
