import { randomUUID } from 'node:crypto';
import { browsers, PHONE } from './support/browser';
import {
  addToCart,
  chooseHospital,
  openCatalog,
  openPortalOrder,
  placedOrderNumber,
  reviewCart,
  shippedSerials,
} from './portal-ordering';
import { approveAndShipPart } from './order-desk';

// Orders end to end, across the boundary: 李娜 (REP, 杭州康达) orders two ultrasound systems and
// reagent on a phone; 刘芳 at the brand's order desk approves it in the console and ships one
// system (by serial) and part of the reagent (by batch, with UDI-PI and expiry); back on the
// phone, 李娜 sees the order 部分发货 with the serial number that left the warehouse.
// not 杭州市第一人民医院: console-orders.e2e.ts finds the seeded partly shipped order there by hospital
const HOSPITAL = '浙江大学医学院附属第一医院';
const { signedIn } = browsers();

test('rep orders on a phone → order desk approves and ships part in the console → rep sees 部分发货 with the serial', async () => {
  const rep = await signedIn('portal', 'li.rep@kangda.demo', '/orders', PHONE);
  await rep.page.getByTestId('order-list').waitFor();
  await openCatalog(rep.page);
  await addToCart(rep.page, 'HK-US-200', 2);
  await addToCart(rep.page, 'HK-CRP-50', 10);
  await rep.page.getByTestId('cart-checkout').click();
  await chooseHospital(rep.page, HOSPITAL);
  expect(await reviewCart(rep.page)).toBe(true);
  await rep.shot('cross-01-rep-review');
  await rep.page.getByTestId('place-order').click();
  const number = await placedOrderNumber(rep.page);
  await rep.page.getByTestId('order-status').getByText('已提交').waitFor();

  const desk = await signedIn('console', 'order@huakang.demo', '/orders');
  // logged in before the desk steps navigate (a navigation during login would cancel it)
  await desk.page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();
  const serial = `HK200-E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  await approveAndShipPart(
    desk.page,
    number,
    [
      { product: 'HK-US-200', serials: [serial], batchNo: 'US2611', expiryDate: '2031-11-30' },
      {
        product: 'HK-CRP-50',
        quantity: 4,
        batchNo: 'CRP2611C',
        udiPi: '(10)CRP2611C(17)271231',
        expiryDate: '2027-12-31',
      },
    ],
    { carrier: '顺丰速运', trackingNo: 'SF1402399000099' },
  );
  await desk.shot('cross-02-desk-partially-shipped');

  await openPortalOrder(rep.page, number);
  await rep.page.getByTestId('order-status').getByText('部分发货').waitFor();
  expect(await rep.page.getByTestId('order-status').getAttribute('data-status')).toBe('PARTIALLY_SHIPPED');
  expect(await shippedSerials(rep.page)).toContain(serial);
  expect(await rep.page.getByTestId('order-line-HK-US-200').innerText()).toContain('已发 1 · 待发 1');
  expect(await rep.page.getByTestId('order-line-HK-CRP-50').innerText()).toContain('已发 4 · 待发 6');
  await rep.page.getByTestId('order-shipments').scrollIntoViewIfNeeded();
  await rep.shot('cross-03-rep-sees-serial');
});
