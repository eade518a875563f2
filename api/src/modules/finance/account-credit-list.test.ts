import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { randomUUID } from 'node:crypto';

/** 折让返利 as finance lists them: newest day first, by account, kind and days, a page at a time. */
let t: TestApp;
let brand: BrandFixture;
let other: BrandFixture;
let admin: GqlClient;

const POST = `mutation($i: PostAccountCreditInput!) { postAccountCredit(input: $i) { id } }`;
const LIST = `query($first: Int, $after: String, $filter: AccountCreditFilter) {
  accountCredits(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id kind occurredOn reason amount { amount currency } distributor { id } postedBy { displayName } } } }`;

type Node = { id: string; kind: string; occurredOn: string; reason: string; distributor: { id: string } };

// fixed days in the past, so nothing depends on today's date
const CREDITS = [
  { d: 0, kind: 'CREDIT_NOTE', on: '2025-03-05', reason: '破损折让 A' },
  { d: 0, kind: 'REBATE', on: '2025-03-20', reason: '季度返利 B' },
  { d: 2, kind: 'CREDIT_NOTE', on: '2025-04-02', reason: '价差折让 C' },
  { d: 2, kind: 'REBATE', on: '2025-02-11', reason: '年度返利 D' },
  { d: 0, kind: 'CREDIT_NOTE', on: '2025-04-30', reason: '退货折让 E' },
];

beforeAll(async () => {
  t = await startTestApp();
  // the third distributor is under none of the others: the owner of the first does not see it
  brand = await createBrand(t.app.ds, 3);
  other = await createBrand(t.app.ds, 1);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  for (const c of CREDITS) {
    const r = await admin.request(POST, {
      i: {
        distributorId: brand.distributorIds[c.d],
        kind: c.kind,
        amount: '10.00',
        occurredOn: c.on,
        reason: c.reason,
        idempotencyKey: randomUUID(),
      },
    });
    expect(r.errors).toEqual([]);
  }
  // another brand's credit, which no filter of this brand's admin reaches
  const stranger = t.client(Audience.CONSOLE);
  await stranger.login(other.adminEmail);
  await stranger.request(POST, {
    i: {
      distributorId: other.distributorIds[0],
      kind: 'REBATE',
      amount: '5.00',
      occurredOn: '2025-03-10',
      reason: '别家返利',
      idempotencyKey: randomUUID(),
    },
  });
});
afterAll(() => t?.stop());

const reasons = (nodes: Node[]) => nodes.map((n) => n.reason.slice(-1)).join('');

test('newest day first, with amount, account and poster, paged by keyset through every credit once', async () => {
  const first = await admin.request(LIST, { first: 3 });
  expect(first.errors).toEqual([]);
  expect(first.data.accountCredits.totalCount).toBe(5);
  expect(reasons(first.data.accountCredits.nodes)).toBe('ECB');
  expect(first.data.accountCredits.nodes[0]).toMatchObject({
    kind: 'CREDIT_NOTE',
    amount: { amount: '10.00', currency: 'CNY' },
    distributor: { id: brand.distributorIds[0] },
  });
  expect(first.data.accountCredits.nodes[0].postedBy.displayName).toBeTruthy();
  const next = await admin.request(LIST, { first: 3, after: first.data.accountCredits.pageInfo.endCursor });
  expect(reasons(next.data.accountCredits.nodes)).toBe('AD');
  expect(next.data.accountCredits.pageInfo.hasNextPage).toBe(false);
});

test('filters by distributor, kind and days (both ends included)', async () => {
  const list = async (filter: object) => reasons((await admin.request(LIST, { filter })).data.accountCredits.nodes);
  expect(await list({ distributorId: brand.distributorIds[2] })).toBe('CD');
  expect(await list({ kind: 'REBATE' })).toBe('BD');
  expect(await list({ from: '2025-03-05', to: '2025-04-02' })).toBe('CBA');
  expect(await list({ distributorId: brand.distributorIds[0], kind: 'CREDIT_NOTE', to: '2025-04-29' })).toBe('A');
  // another brand's account answers an empty list, not its credits
  const foreign = await admin.request(LIST, { filter: { distributorId: other.distributorIds[0] } });
  expect(foreign.errors).toEqual([]);
  expect(foreign.data.accountCredits.totalCount).toBe(0);
});

test('a range that ends before it starts is a coded error on `to`', async () => {
  const r = await admin.request(LIST, { filter: { from: '2025-04-01', to: '2025-03-01' } });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0]?.extensions?.field).toBe('to');
});

test('the distributor owner reads his own accounts’ credits only, even when he names another', async () => {
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  expect(reasons((await owner.request(LIST, {})).data.accountCredits.nodes)).toBe('EBA');
  const aimed = await owner.request(LIST, { filter: { distributorId: brand.distributorIds[2] } });
  expect(aimed.errors).toEqual([]);
  expect(aimed.data.accountCredits.totalCount).toBe(0);
});
