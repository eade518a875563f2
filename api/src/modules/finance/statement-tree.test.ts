import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, codeOf } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { previousPeriod } from './statement-issue';
import { STATEMENT_SCREEN, admin, brand, owner, t, withFinanceWorld } from './finance.test-kit';

/**
 * statement(id) builds its tree in one statement (statement-tree.ts): it must answer field for field
 * what the per-field loaders answer for the same statement (the statements list still reads that
 * way), for the owner and the brand's admin, for a version with disputes (open, adjusted, rejected,
 * with evidence) and the superseded version before it; and NOT_FOUND, as before, for a rep without
 * finance access and for another brand's owner.
 */
withFinanceWorld();

const FULL = `fragment Full on Statement {
  id period version status createdAt confirmedAt
  openingBalance { amount currency } debits { amount currency } credits { amount currency } closingBalance { amount currency }
  distributor { id name code }
  lines { ...Line balanceAfter { amount } dispute { ...Dispute } }
  disputes { ...Dispute }
  changes {
    previousVersion openingBalanceChange { amount } closingBalanceChange { amount }
    lines { change lineNo occurredOn kind memo previousAmount { amount } amount { amount } effect { amount } }
  }
  versions { id version status createdAt confirmedAt closingBalance { amount } distributor { id name }
    lines { ...Line } disputes { ...Dispute } }
}
fragment Dispute on StatementDispute {
  id statementLineId comment status resolution createdAt resolvedAt
  raisedBy { id displayName } resolvedBy { id displayName }
  line { ...Line dispute { id comment } } attachments { id fileName url createdAt }
}
fragment Line on StatementLine { id lineNo occurredOn kind memo amount { amount currency } }`;
const TREE = `query($id: ID!) { statement(id: $id) { ...Full } } ${FULL}`;
const PER_FIELD = `query($d: ID!, $p: String!, $s: StatementStatus!) {
  statements(first: 5, period: $p, status: $s, filter: { distributorId: $d }) { nodes { ...Full } } } ${FULL}`;

/** Version 1 of a month (two lines disputed, one with evidence; one adjusted, one rejected) and version 2 with a line disputed again. */
async function disputedMonth() {
  const d = brand.distributorIds[0];
  const period = previousPeriod(today());
  await t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES
     ($1, $2, 'SHIPMENT_RECEIVABLE', '300.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货 A'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '200.00', 'CNY', $4, 'fixture', gen_random_uuid(), '发货 B'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '100.00', 'CNY', $5, 'fixture', gen_random_uuid(), '发货 C'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '40.00', 'CNY', $6, 'fixture', gen_random_uuid(), '上月')`,
    [brand.brandId, d, `${period}-05`, `${period}-12`, `${period}-20`, addDays(`${period}-01`, -3)],
  );
  const gen = await admin.request(
    `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id lines { id } } }`,
    { d, p: period },
  );
  expect(gen.errors).toEqual([]);
  const v1 = gen.data.generateStatement;
  const dispute = (statementId: string, lines: Array<{ lineId: string; comment: string }>) =>
    owner.request(`mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`, {
      i: { statementId, lines },
    });
  const disputed = await dispute(v1.id, [
    { lineId: v1.lines[0].id, comment: '发货 A 少了一箱' },
    { lineId: v1.lines[1].id, comment: '发货 B 未收到' },
  ]);
  expect(disputed.errors).toEqual([]);
  const [first, second] = disputed.data.disputeStatement.disputes;
  await t.app.ds.query(
    `INSERT INTO statement_dispute_attachment (brand_id, dispute_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
     SELECT brand_id, id, 'tree/' || id, '签收单.pdf', 'application/pdf', 10, repeat('a', 64), raised_by FROM statement_dispute WHERE id = $1`,
    [first.id],
  );
  const resolve = (disputeId: string, adjustment: string | null, resolution: string) =>
    admin.request(`mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version } }`, {
      i: { disputeId, adjustment, resolution },
    });
  expect((await resolve(first.id, '-30.00', '补开红字')).errors).toEqual([]);
  const reissued = await resolve(second.id, null, '物流签收在案');
  expect(reissued.errors).toEqual([]);
  const v2 = reissued.data.resolveStatementDispute;
  expect(v2.version).toBe(2);
  const lines = await owner.request(`query($id: ID!) { statement(id: $id) { lines { id } } }`, { id: v2.id });
  expect(
    (await dispute(v2.id, [{ lineId: lines.data.statement.lines[2].id, comment: '发货 C 单价不对' }])).errors,
  ).toEqual([]);
  return { d, period, v1: { id: v1.id, status: 'SUPERSEDED' }, v2: { id: v2.id, status: 'DISPUTED' } };
}

/** The tree's answer and the per-field one for the same statement, as `client` sees them. */
async function bothWays(client: GqlClient, month: { d: string; period: string }, v: { id: string; status: string }) {
  const tree = await client.request(TREE, { id: v.id });
  const perField = await client.request(PER_FIELD, { d: month.d, p: month.period, s: v.status });
  return { tree, perField };
}

test('the tree answers what the per-field loaders answer, and NOT_FOUND where they find nothing', async () => {
  const month = await disputedMonth();
  for (const client of [owner, admin])
    for (const v of [month.v1, month.v2]) {
      const { tree, perField } = await bothWays(client, month, v);
      expect([tree.errors, perField.errors]).toEqual([[], []]);
      expect(perField.data.statements.nodes).toHaveLength(1);
      expect(tree.data.statement).toEqual(perField.data.statements.nodes[0]);
    }
  // the data behind it: two versions, disputes open, adjusted and rejected, evidence, changes
  const v2 = (await owner.request(TREE, { id: month.v2.id })).data.statement;
  expect(v2.versions.map((v: { status: string }) => v.status)).toEqual(['SUPERSEDED', 'DISPUTED']);
  expect(v2.versions[0].disputes.map((x: { status: string }) => x.status).sort()).toEqual(['ADJUSTED', 'REJECTED']);
  expect(v2.versions[0].disputes.flatMap((x: { attachments: unknown[] }) => x.attachments)).toHaveLength(1);
  expect(v2.disputes).toHaveLength(1);
  expect(v2.lines.filter((l: { dispute: unknown }) => l.dispute)).toHaveLength(1);
  expect(v2.changes.previousVersion).toBe(1);
  // the screen's own document answers too, in the session and one statement
  const screen = await owner.request(STATEMENT_SCREEN, { id: month.v2.id });
  expect(screen.errors).toEqual([]);
  expect(screen.sqlCount).toBeLessThanOrEqual(2);

  // a rep of the same distributor without finance access, and another brand's owner: NOT_FOUND, as before
  const [rep] = await t.app.ds.query(
    `SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP' AND NOT finance_access`,
    [month.d],
  );
  const other = await createBrand(t.app.ds, 1);
  const strangers: GqlClient[] = [];
  for (const email of [rep.email, other.ownerEmail]) {
    const c = t.client(Audience.PORTAL);
    await c.login(email);
    strangers.push(c);
  }
  for (const client of strangers)
    for (const v of [month.v1, month.v2]) {
      const { tree, perField } = await bothWays(client, month, v);
      expect(codeOf(tree)).toBe(ErrorCode.NOT_FOUND);
      expect(perField.data?.statements.nodes ?? []).toEqual([]);
    }
  // and a malformed id, as before
  expect(codeOf(await owner.request(TREE, { id: 'not-an-id' }))).toBe(ErrorCode.NOT_FOUND);
});
