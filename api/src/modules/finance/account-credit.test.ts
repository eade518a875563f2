import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/** 折让 and 返利 posted by hand: with a reason, once per request key, lowering the balance and the next statement. */
let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const POST = `mutation($i: PostAccountCreditInput!) { postAccountCredit(input: $i) { id kind amount { amount } occurredOn reason } }`;
const BALANCE = `query($d: ID!) { accountSummary(distributorId: $d) { balance { amount } } }`;
const STATEMENT = `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) {
  openingBalance { amount } closingBalance { amount } lines { kind memo amount { amount } } } }`;

const entries = async (distributorId: string): Promise<number> =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM ledger_entry WHERE distributor_id = $1`, [distributorId]))[0].n;

test('a rebate lowers the balance at once; a retry posts nothing more; the key with other contents is refused', async () => {
  const d = brand.distributorIds[0];
  const input = {
    distributorId: d,
    kind: 'REBATE',
    amount: '1200.50',
    occurredOn: today(),
    reason: '2026 年第三季度达量返利',
    idempotencyKey: randomUUID(),
  };
  const r = await admin.request(POST, { i: input });
  expect(r.errors).toEqual([]);
  expect(r.data.postAccountCredit).toMatchObject({ kind: 'REBATE', amount: { amount: '1200.50' } });
  expect((await admin.request(BALANCE, { d })).data.accountSummary.balance.amount).toBe('-1200.50');

  const again = await admin.request(POST, { i: input });
  expect(again.data.postAccountCredit.id).toBe(r.data.postAccountCredit.id);
  expect(await entries(d)).toBe(1);

  const other = await admin.request(POST, { i: { ...input, amount: '99.00' } });
  expect(codeOf(other)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(other)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await entries(d)).toBe(1);
  const [audit] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'POST_ACCOUNT_CREDIT' AND entity_id = $1`,
    [d],
  );
  expect(audit.n).toBe(1);
});

test('a credit note dated last month shows on its statement with its reason and lowers the closing balance', async () => {
  const d = brand.distributorIds[1];
  const firstOfThisMonth = `${today().slice(0, 7)}-01`;
  const lastMonth = addDays(firstOfThisMonth, -1);
  const r = await admin.request(POST, {
    i: {
      distributorId: d,
      kind: 'CREDIT_NOTE',
      amount: '300.00',
      occurredOn: lastMonth,
      reason: '包装破损折让',
      idempotencyKey: randomUUID(),
    },
  });
  expect(r.errors).toEqual([]);
  const s = await admin.request(STATEMENT, { d, p: lastMonth.slice(0, 7) });
  expect(s.errors).toEqual([]);
  expect(s.data.generateStatement).toMatchObject({
    openingBalance: { amount: '0.00' },
    closingBalance: { amount: '-300.00' },
    lines: [{ kind: 'CREDIT_NOTE', memo: '包装破损折让', amount: { amount: '-300.00' } }],
  });
});

test('bad input changes nothing: no amount, a day in the future, no reason', async () => {
  const d = brand.distributorIds[0];
  const before = await entries(d);
  const base = { distributorId: d, kind: 'CREDIT_NOTE', amount: '1.00', occurredOn: today(), reason: '理由' };
  for (const [field, over] of [
    ['amount', { amount: '0.00' }],
    ['occurredOn', { occurredOn: addDays(today(), 1) }],
    ['reason', { reason: '' }],
  ] as const) {
    const r = await admin.request(POST, { i: { ...base, ...over, idempotencyKey: randomUUID() } });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0]?.extensions?.field).toBe(field);
  }
  expect(await entries(d)).toBe(before);
});
