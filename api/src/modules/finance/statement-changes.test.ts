import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { pdfText } from '../../../test/pdf-text';
import { today } from '../../common/dates';
import { previousPeriod } from './statement-issue';

/**
 * A reissued statement says what changed against the version before it — a payment recorded after
 * version 1 but dated in the month, and the adjustment that answered the dispute — in the API and
 * the PDF, and the owner hears of every issue, reissue and answer.
 */
let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;
let owner: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
});
afterAll(() => t?.stop());

const entry = (d: string, kind: string, amount: string, on: string, memo: string) =>
  t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES ($1, $2, $3, $4, 'CNY', $5, 'fixture', gen_random_uuid(), $6)`,
    [brand.brandId, d, kind, amount, on, memo],
  );

const CHANGES = `query($id: ID!) { statement(id: $id) { version closingBalance { amount } changes {
  previousVersion openingBalanceChange { amount } closingBalanceChange { amount }
  lines { change lineNo occurredOn kind memo previousAmount { amount } amount { amount } effect { amount } } } } }`;

const notices = async (client: GqlClient, id: string) =>
  (
    await client.request(`{ notifications(first: 50) { nodes { kind entityId params { name value } } } }`)
  ).data.notifications.nodes
    .filter((n: { entityId: string }) => n.entityId === id)
    .map((n: { kind: string; params: Array<{ name: string; value: string }> }) => ({
      kind: n.kind,
      ...Object.fromEntries(n.params.map((p) => [p.name, p.value])),
    }));

test('version 2 shows the payment recorded after version 1 and the adjustment, each with its balance effect, in the API and the PDF; the owner is told each step', async () => {
  // the second tier: its first tier's owner reconciles (and hears of) its statements
  const d = brand.distributorIds[1];
  const period = previousPeriod(today());
  await entry(d, 'SHIPMENT_RECEIVABLE', '200000.00', `${period}-05`, '发货 SH-1');
  await entry(d, 'SHIPMENT_RECEIVABLE', '12480.00', `${period}-18`, '发货 SH-2');
  const gen = await admin.request(
    `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id closingBalance { amount } lines { id memo } changes { previousVersion } } }`,
    { d, p: period },
  );
  expect(gen.errors).toEqual([]);
  const v1 = gen.data.generateStatement;
  expect([v1.closingBalance.amount, v1.changes]).toEqual(['212480.00', null]);
  expect(await notices(owner, v1.id)).toEqual([{ kind: 'STATEMENT_ISSUED', period, version: '1' }]);

  // after version 1 a line is disputed, which opens the month again until the reissue; meanwhile a
  // bank payment dated in the month is recorded (into an issued month it would post to the open one)
  const disputed = await owner.request(
    `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`,
    {
      i: { statementId: v1.id, lines: [{ lineId: v1.lines[1].id, comment: 'SH-2 单价应为 6,160 元' }] },
    },
  );
  expect(disputed.errors).toEqual([]);
  await entry(d, 'PAYMENT', '-150000.00', `${period}-25`, '银行回款 BANK-77');
  const resolved = await admin.request(
    `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version } }`,
    {
      i: {
        disputeId: disputed.data.disputeStatement.disputes[0].id,
        adjustment: '-4160.00',
        resolution: '按合同价冲减 4,160 元',
      },
    },
  );
  expect(resolved.errors).toEqual([]);
  const v2 = resolved.data.resolveStatementDispute;
  expect(v2.version).toBe(2);

  const read = await owner.request(CHANGES, { id: v2.id });
  expect(read.errors).toEqual([]);
  const adjustedOn = `${period}-${String(new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  expect(read.data.statement).toEqual({
    version: 2,
    closingBalance: { amount: '58320.00' },
    changes: {
      previousVersion: 1,
      openingBalanceChange: { amount: '0.00' },
      closingBalanceChange: { amount: '-154160.00' },
      lines: [
        {
          change: 'ADDED',
          lineNo: 3,
          occurredOn: `${period}-25`,
          kind: 'PAYMENT',
          memo: '银行回款 BANK-77',
          previousAmount: null,
          amount: { amount: '-150000.00' },
          effect: { amount: '-150000.00' },
        },
        {
          change: 'ADDED',
          lineNo: 4,
          occurredOn: adjustedOn,
          kind: 'ADJUSTMENT',
          memo: '按合同价冲减 4,160 元',
          previousAmount: null,
          amount: { amount: '-4160.00' },
          effect: { amount: '-4160.00' },
        },
      ],
    },
  });
  // the console reads the same
  expect((await admin.request(CHANGES, { id: v2.id })).data.statement.changes).toEqual(read.data.statement.changes);

  expect(await notices(owner, v1.id)).toEqual([
    {
      kind: 'STATEMENT_DISPUTE_ANSWERED',
      period,
      version: '1',
      lineNo: '2',
      status: 'ADJUSTED',
      adjustment: '-4160.00',
    },
    { kind: 'STATEMENT_ISSUED', period, version: '1' },
  ]);
  expect(await notices(owner, v2.id)).toEqual([
    { kind: 'STATEMENT_REISSUED', period, version: '2', previousVersion: '1', closingBalanceChange: '-154160.00' },
  ]);
  // the brand's people are not told of what they did themselves
  expect(await notices(admin, v2.id)).toEqual([]);

  const pdf = await fetch(`${t.url}/files/statements/${v2.id}.pdf`, {
    headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(pdf.status).toBe(200);
  const text = pdfText(Buffer.from(await pdf.arrayBuffer())).join('\n');
  const [{ name: brandName }] = await t.app.ds.query(`SELECT name FROM brand WHERE id = $1`, [brand.brandId]);
  expect(text).toContain(`${brandName} 对账单`);
  expect(text).toContain('与上一版（第 1 版）相比');
  expect(text).toContain('银行回款 BANK-77');
  expect(text).toContain('-150,000.00');
  expect(text).toContain('期末余额变化：-154,160.00');
  expect(text).toContain(`甲方（盖章）：${brandName}`);
  expect(text).toContain('乙方（盖章）：');
  // version 1 has nothing to compare with
  const first = await fetch(`${t.url}/files/statements/${v1.id}.pdf`, {
    headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(pdfText(Buffer.from(await first.arrayBuffer())).join('\n')).not.toContain('与上一版');
});

test('a rejected dispute tells the owner too, and the unchanged reissue says its lines did not change', async () => {
  const d = brand.distributorIds[0];
  const period = previousPeriod(today());
  await entry(d, 'SHIPMENT_RECEIVABLE', '880.00', `${period}-09`, '发货 SH-9');
  const v1 = (
    await admin.request(
      `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id lines { id } } }`,
      { d, p: period },
    )
  ).data.generateStatement;
  const disputed = await owner.request(
    `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`,
    {
      i: { statementId: v1.id, lines: [{ lineId: v1.lines[0].id, comment: '没有收到这批货' }] },
    },
  );
  const v2 = (
    await admin.request(`mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id } }`, {
      i: { disputeId: disputed.data.disputeStatement.disputes[0].id, resolution: '有签收单，维持原账' },
    })
  ).data.resolveStatementDispute;
  expect((await owner.request(CHANGES, { id: v2.id })).data.statement.changes).toEqual({
    previousVersion: 1,
    openingBalanceChange: { amount: '0.00' },
    closingBalanceChange: { amount: '0.00' },
    lines: [],
  });
  expect(
    (await notices(owner, v1.id)).map((n: { kind: string; status?: string }) => [n.kind, n.status ?? null]),
  ).toEqual([
    ['STATEMENT_DISPUTE_ANSWERED', 'REJECTED'],
    ['STATEMENT_ISSUED', null],
  ]);
});
