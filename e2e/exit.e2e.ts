import { randomUUID } from 'node:crypto';
import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';
import { buyAndReceive, ownerOf, signUp } from './exit-steps';

// 劝退 with a buy-back. A distributor of this run's own (so the test runs again on the same database)
// is signed up through the API up to a temporary authorization, bought 5 CRP kits of batch B-<tag>
// (296.00 each: it owes 1,480.00) and received them. In the console the admin starts its exit with a
// successor of this run's own: its rep's next order is refused with the exit's reason; he buys the
// kits back at the price paid (the return, its credit note, the stock movement out), hands over to
// the successor, and the final statement settles at zero. On a phone the owner acknowledges his checklist.
const ADMIN = 'admin@huakang.demo';
const PASSWORD = 'Exit#2026-Checklist';
let sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

test('an exit with a buy-back: the return, its credit note and stock movements, the hand-over, a final statement at zero', async () => {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const admin = await apiAs('console', ADMIN);
  const { regions, products } = await admin<{
    regions: Array<{ id: string; code: string }>;
    products: { nodes: Array<{ id: string; code: string }> };
  }>(`{ regions { id code } products(first: 50, filter: { search: "HK-CRP-50" }) { nodes { id code } } }`);
  const js = regions.find((r) => r.code === 'JS')!.id;
  const crp = products.nodes.find((p) => p.code === 'HK-CRP-50')!;
  const exiting = `退出测试${tag}医疗`;
  const successor = `接替测试${tag}医疗`;
  const exitingId = await signUp(admin, exiting, `EX${tag}`, js, [crp.id]);
  await signUp(admin, successor, `SC${tag}`, js, [crp.id]);

  // its owner, invited and signed in on his phone's API
  const ownerEmail = `owner-${tag.toLowerCase()}@exit.demo`;
  const owner = await ownerOf(admin, exitingId, ownerEmail, PASSWORD);

  // it buys 5 kits of one batch, shipped and received: 1,480.00 owed, 5 on hand
  const batch = `B${tag}`;
  await buyAndReceive(admin, owner, crp.id, 5, batch);

  // the console: start the exit with its successor, effective today
  const consoleSession = await openBrowser({ width: 1440, height: 900 });
  sessions.push(consoleSession);
  const { page } = consoleSession;
  await page.goto(url('console', '/exits'));
  await login(page, ADMIN);
  await page.getByRole('button', { name: '启动劝退计划' }).click();
  const form = page.getByRole('dialog');
  await pickOption(page, page.getByTestId('exit-distributor'), exiting);
  await pickOption(page, page.getByTestId('exit-successor'), successor);
  await form.getByLabel('原因').fill('长期跨区窜货，低价倾销');
  await consoleSession.shot('exit-01-start');
  await page.getByTestId('exit-start-form-submit').click();
  await page.getByRole('heading', { name: exiting }).waitFor();
  await page.getByText('1 项授权自').waitFor();

  // the rep's next order is refused with the exit's reason
  await expect(
    owner(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { kind: 'STOCK', lines: [{ productId: crp.id, quantity: 1 }], idempotencyKey: randomUUID() },
    }),
  ).rejects.toThrow('DISTRIBUTOR_EXITING');

  // buy back the batch at the price paid
  await page.getByTestId('exit-return-open').click();
  const ret = page.getByRole('dialog');
  await ret.getByLabel(`退回数量 ${batch}`).fill('5');
  await ret.getByLabel(`回购单价 ${batch}`).fill('296');
  await consoleSession.shot('exit-02-return');
  await page.getByTestId('exit-return-form-submit').click();
  await page.getByTestId('exit-credited').getByText('1,480.00').waitFor();
  await page.getByTestId('exit-returns').getByText(batch).waitFor();

  // hand over to the successor
  await page.getByTestId('exit-handover-run').click();
  await page.getByRole('dialog').getByRole('button', { name: '交接给接替经销商' }).click();
  await page.getByTestId('exit-handover').getByText('临时授权').waitFor();

  // the final statement at zero
  await page.getByTestId('exit-settle').click();
  await page.getByRole('dialog').getByRole('button', { name: '结清账目' }).click();
  await page.getByTestId('exit-final-balance').getByText('0.00').waitFor();
  await consoleSession.shot('exit-03-settled');

  // what the API holds: the movement out of stock, the credit note, the successor's grant
  const facts = await admin<{
    stockMovements: { nodes: Array<{ kind: string; quantity: number; batchNo: string }> };
    accountCredits: { nodes: Array<{ kind: string; amount: { amount: string } }> };
    accountSummary: { balance: { amount: string } };
  }>(
    `query($d: ID!) { stockMovements(first: 10, filter: { distributorId: $d }) { nodes { kind quantity batchNo } }
      accountCredits(first: 10, filter: { distributorId: $d }) { nodes { kind amount { amount } } }
      accountSummary(distributorId: $d) { balance { amount } } }`,
    { d: exitingId },
  );
  expect(facts.stockMovements.nodes).toContainEqual({ kind: 'BRAND_RETURN', quantity: -5, batchNo: batch });
  expect(facts.accountCredits.nodes).toEqual([{ kind: 'CREDIT_NOTE', amount: { amount: '1480.00' } }]);
  expect(facts.accountSummary.balance.amount).toBe('0.00');

  // the owner on his phone: the checklist, acknowledged
  const phone = await openBrowser({ width: 390, height: 844 });
  sessions.push(phone);
  await phone.page.goto(url('portal', '/me'));
  await login(phone.page, ownerEmail, PASSWORD);
  await phone.page.getByTestId('me-exit').click();
  await phone.page.getByTestId('exit-checklist').getByText('最终对账已结清为零').waitFor();
  await phone.page.getByRole('button', { name: '确认退出清单' }).click();
  await phone.page.getByTestId('exit-acknowledged').waitFor();
  expect(await phone.page.getByTestId('exit-acknowledge-failure').count()).toBe(0);
  await phone.shot('exit-04-acknowledged');
});
