import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, codeOf } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import {
  FULL,
  STATEMENT_SCREEN,
  admin,
  disputedMonth,
  owner,
  perFieldStatement,
  t,
  withFinanceWorld,
} from './finance.test-kit';

/**
 * statement(id) builds its tree in one statement (statement-tree.ts): it must answer field for field
 * what the per-field loaders answer for the same statement (a dispute's `statement`, which reads
 * that way: perFieldStatement), for the owner and the brand's admin, for a version with disputes
 * (open, adjusted, rejected, with evidence) and the superseded version before it; and NOT_FOUND, as
 * before, for a rep without finance access and for another brand's owner, whose statements list
 * shows nothing either.
 */
withFinanceWorld();

const TREE = `query($id: ID!) { statement(id: $id) { ...Full } } ${FULL}`;
const LIST = `query($d: ID!, $p: String!, $s: StatementStatus!) {
  statements(first: 5, period: $p, status: $s, filter: { distributorId: $d }) { nodes { id } } }`;

/** The tree's answer and the per-field one for the same statement, as `client` sees them. */
async function bothWays(client: GqlClient, v: { id: string }) {
  const tree = await client.request(TREE, { id: v.id });
  const perField = await perFieldStatement(client, v.id);
  return { tree, perField };
}

test('the tree answers what the per-field loaders answer, and NOT_FOUND where they find nothing', async () => {
  const month = await disputedMonth();
  for (const client of [owner, admin])
    for (const v of [month.v1, month.v2]) {
      const { tree, perField } = await bothWays(client, v);
      expect([tree.errors, perField.res.errors]).toEqual([[], []]);
      expect(perField.statement.id).toBe(v.id);
      expect(tree.data.statement).toEqual(perField.statement);
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
      expect(codeOf(await client.request(TREE, { id: v.id }))).toBe(ErrorCode.NOT_FOUND);
      const list = await client.request(LIST, { d: month.d, p: month.period, s: v.status });
      expect(list.data?.statements.nodes ?? []).toEqual([]);
    }
  // and a malformed id, as before
  expect(codeOf(await owner.request(TREE, { id: 'not-an-id' }))).toBe(ErrorCode.NOT_FOUND);
});
