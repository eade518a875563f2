import { randomUUID } from 'node:crypto';
import { apiAs, type Api } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { buyAndReceive, day, ownerOf, signUp } from './exit-steps';
import { zhDate, zhMoney, type Money } from './support/zh-format';

// 劝退 and dumping. A distributor of this run's own, authorized for the ultrasound pads (HK-PAD-50, whose
// floor price the seed sets), buys 20 of a batch of its own and sells 3 to a hospital of its region today
// at three quarters of the floor price, then ten more one by one at nine tenths; the admin then starts its
// exit, effective today. In the console he opens the plan from the exit plans by the distributor's name:
// the card of the sales below the floor counts all eleven, shows ten, and the next page the last; the sale
// of three shows with its unit price, the floor price and the difference, as the API reads them.
const ADMIN = 'admin@huakang.demo';
const PASSWORD = 'Exit#2026-BelowFloor';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Today's floor price of a product, as the seeded tenders read it (the floor is the tender module's). */
async function floorOf(admin: Api, productId: string): Promise<Money> {
  const { opportunities } = await admin<{ opportunities: { nodes: Array<{ id: string }> } }>(
    `{ opportunities(first: 50, filter: { stage: TENDER }) { nodes { id } } }`,
  );
  for (const { id } of opportunities.nodes) {
    const { tenders } = await admin<{
      tenders: Array<{ products: Array<{ productId: string; floorPrice: Money | null }> }>;
    }>(`query($o: ID!) { tenders(opportunityId: $o) { products { productId floorPrice { amount currency } } } }`, {
      o: id,
    });
    const floor = tenders.flatMap((t) => t.products).find((p) => p.productId === productId)?.floorPrice;
    if (floor) return floor;
  }
  throw new Error('no tender reads a floor price of the product');
}

test('a sale below the floor during the exit is flagged on the plan with its unit price and the floor price', async () => {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const admin = await apiAs('console', ADMIN);
  const { regions, products } = await admin<{
    regions: Array<{ id: string; code: string }>;
    products: { nodes: Array<{ id: string; code: string; name: string }> };
  }>(`{ regions { id code } products(first: 50, filter: { search: "HK-PAD-50" }) { nodes { id code name } } }`);
  const js = regions.find((r) => r.code === 'JS')!.id;
  const pad = products.nodes.find((p) => p.code === 'HK-PAD-50')!;
  const floor = await floorOf(admin, pad.id);
  const priceAt = (percent: number) => {
    const cents = Math.round(Number(floor.amount) * percent);
    return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  };
  const unitPrice = priceAt(75);

  const exiting = `倾销测试${tag}医疗`;
  const exitingId = await signUp(admin, exiting, `BF${tag}`, js, [pad.id]);
  const owner = await ownerOf(admin, exitingId, `owner-${tag.toLowerCase()}@floor.demo`, PASSWORD);
  const batch = `P${tag}`;
  await buyAndReceive(admin, owner, pad.id, 20, batch);

  // today, before the exit: 3 pads to a hospital of its region at three quarters of the floor
  const { hospitals } = await owner<{
    hospitals: { nodes: Array<{ id: string; name: string; departments: Array<{ id: string }> }> };
  }>(`{ hospitals(first: 20) { nodes { id name departments { id } } } }`);
  const hospital = hospitals.nodes.find((h) => h.departments.length > 0)!;
  const sell = (quantity: number, price: string) =>
    owner(`mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { id } }`, {
      i: {
        kind: 'SOLD_OUT',
        productId: pad.id,
        batchNo: batch,
        quantity,
        occurredOn: day(),
        hospitalId: hospital.id,
        departmentId: hospital.departments[0].id,
        unitPrice: price,
        idempotencyKey: randomUUID(),
      },
    });
  await sell(3, unitPrice);
  for (let i = 0; i < 10; i++) await sell(1, priceAt(90));
  const { startExitPlan: plan } = await admin<{ startExitPlan: { id: string } }>(
    `mutation($i: StartExitPlanInput!) { startExitPlan(input: $i) { id } }`,
    { i: { distributorId: exitingId, effectiveOn: day(), reason: '低价倾销', idempotencyKey: randomUUID() } },
  );

  // what the API flags: the sale, at its price, under the floor the tender reads
  type Line = { occurredOn: string; quantity: number; unitPrice: Money; floor: Money; gap: Money };
  const { exitPlan } = await admin<{ exitPlan: { belowFloor: { totalCount: number; nodes: Line[] } } }>(
    `query($id: ID!) { exitPlan(id: $id) { belowFloor(first: 50) { totalCount nodes { occurredOn quantity
      unitPrice { amount currency } floor { amount currency } gap { amount currency } } } } }`,
    { id: plan.id },
  );
  expect(exitPlan.belowFloor.totalCount).toBe(11);
  const line = exitPlan.belowFloor.nodes.find((l) => l.quantity === 3)!;
  expect(line).toMatchObject({ unitPrice: { amount: unitPrice }, floor });

  // the console: the plan opened from the list by the distributor's name
  session = await openBrowser({ width: 1440, height: 900 });
  const { page } = session;
  await page.goto(url('console', '/exits'));
  await login(page, ADMIN);
  await page.getByRole('link', { name: exiting }).click();
  await page.getByRole('heading', { name: exiting }).waitFor();
  const card = page.getByTestId('exit-below-floor');
  await card.getByText('低于底价的销售').waitFor();
  await card.getByText('共 11 条').waitFor();
  const rows = card.locator('tbody tr').filter({ hasText: hospital.name });
  const cellsOf = async () => Promise.all((await rows.all()).map((r) => r.getByRole('cell').allInnerTexts()));
  const first = await cellsOf();
  expect(first).toHaveLength(10);
  await card.getByRole('button', { name: /下一页/ }).click();
  await card.getByText('第 2 页').waitFor();
  await card.locator('[data-testid="paged-list"][aria-busy="false"]').waitFor();
  const second = await cellsOf();
  expect(second).toHaveLength(1);
  await session.shot('exit-below-floor');
  const sale = [
    zhDate(line.occurredOn),
    hospital.name,
    pad.name,
    batch,
    '3',
    zhMoney(line.unitPrice),
    zhMoney(line.floor),
    zhMoney(line.gap),
  ];
  // the sale of three is on one of the two pages, once
  expect([...first, ...second].filter((cells) => cells[4] === '3')).toEqual([sale]);
});
