import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { onPostgres, testConnection, waitersReach } from '../../../test/locks';
import { today } from '../../common/dates';
import { previousPeriod } from './statement-issue';

/**
 * Two answers to one statement dispute at once (a double click, two people): one wins, the other
 * is a coded conflict, and the dispute's state agrees with the ledger. The race is made
 * deterministic by holding the statement's row lock while both answers queue behind it.
 */
const suite = onPostgres ? describe : describe.skip;

let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;

const RESOLVE = `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version status } }`;

/** `back` months before this one (1: last month). */
const monthsBack = (back: number): string =>
  back === 1 ? previousPeriod(today()) : previousPeriod(`${monthsBack(back - 1)}-01`);

/** An issued statement of a month for the owner's distributor with two lines, both disputed; answers the statement and its disputes. */
async function disputed(period: string): Promise<{ statementId: string; disputeIds: string[]; distributorId: string }> {
  const d = brand.distributorIds[0];
  await t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES
     ($1, $2, 'SHIPMENT_RECEIVABLE', '1000.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货 A'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '500.00', 'CNY', $4, 'fixture', gen_random_uuid(), '发货 B')`,
    [brand.brandId, d, `${period}-10`, `${period}-20`],
  );
  const gen = await admin.request(
    `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id lines { id } } }`,
    { d, p: period },
  );
  expect(gen.errors).toEqual([]);
  const s = gen.data.generateStatement;
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const r = await owner.request(
    `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`,
    {
      i: {
        statementId: s.id,
        lines: s.lines.map((l: { id: string }, n: number) => ({ lineId: l.id, comment: `不符 ${n}` })),
      },
    },
  );
  expect(r.errors).toEqual([]);
  return {
    statementId: s.id,
    disputeIds: r.data.disputeStatement.disputes.map((x: { id: string }) => x.id),
    distributorId: d,
  };
}

/** Sends the answers while the statement is locked, so both read the dispute before either decides. */
async function racing(statementId: string, answers: Array<Record<string, unknown>>): Promise<GqlResult[]> {
  const lock = await testConnection();
  try {
    await lock.query('BEGIN');
    await lock.query(`SELECT id FROM statement WHERE id = $1 FOR UPDATE`, [statementId]);
    const sent = answers.map((i) => admin.request(RESOLVE, { i }));
    await waitersReach(t.app.ds, answers.length);
    await lock.query('COMMIT');
    return await Promise.all(sent);
  } finally {
    await lock.end();
  }
}

async function disputeAndLedger(disputeId: string) {
  const [x] = await t.app.ds.query(`SELECT status, adjustment_entry_id FROM statement_dispute WHERE id = $1`, [
    disputeId,
  ]);
  const entries = await t.app.ds.query(
    `SELECT id, amount::text FROM ledger_entry WHERE source_type = 'statement_dispute' AND source_id = $1`,
    [disputeId],
  );
  return {
    status: x.status as string,
    adjustmentEntryId: x.adjustment_entry_id as string | null,
    entries: entries as Array<{ id: string; amount: string }>,
  };
}

const conflict = (r: GqlResult) => [codeOf(r), reasonOf(r)];

suite('answering a dispute twice at once', () => {
  beforeAll(async () => {
    t = await startTestApp({ dbPoolSize: 8 });
    brand = await createBrand(t.app.ds, 4);
    admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
  });
  afterAll(() => t?.stop());

  test('the same adjustment twice, another dispute still open: one answer, one coded conflict, one ledger entry', async () => {
    const {
      statementId,
      disputeIds: [a],
    } = await disputed(monthsBack(3));
    const answer = { disputeId: a, adjustment: '-100.00', resolution: '核实后冲减' };
    const results = await racing(statementId, [answer, answer]);
    expect(results.filter((r) => !r.errors.length)).toHaveLength(1);
    expect(results.filter((r) => r.errors.length).map(conflict)).toEqual([
      [ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION],
    ]);
    const state = await disputeAndLedger(a);
    expect(state.status).toBe('ADJUSTED');
    expect(state.entries).toEqual([{ id: state.adjustmentEntryId, amount: '-100.00' }]);
  });

  test('an adjustment and a rejection at once: the second is refused and the dispute agrees with the ledger', async () => {
    const {
      statementId,
      disputeIds: [a],
    } = await disputed(monthsBack(2));
    const results = await racing(statementId, [
      { disputeId: a, adjustment: '-100.00', resolution: '核实后冲减' },
      { disputeId: a, resolution: '数量无误，驳回' },
    ]);
    expect(results.filter((r) => !r.errors.length)).toHaveLength(1);
    expect(results.filter((r) => r.errors.length).map(conflict)).toEqual([
      [ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION],
    ]);
    const state = await disputeAndLedger(a);
    if (state.status === 'REJECTED') expect([state.adjustmentEntryId, state.entries]).toEqual([null, []]);
    else
      expect([state.status, state.entries]).toEqual(['ADJUSTED', [{ id: state.adjustmentEntryId, amount: '-100.00' }]]);
  });

  test('the last open dispute answered twice at once: one reissue, one coded conflict (not INTERNAL)', async () => {
    const {
      statementId,
      disputeIds: [a, b],
      distributorId,
    } = await disputed(monthsBack(1));
    expect((await admin.request(RESOLVE, { i: { disputeId: b, resolution: '驳回' } })).errors).toEqual([]);
    const answer = { disputeId: a, adjustment: '-50.00', resolution: '冲减' };
    const results = await racing(statementId, [answer, answer]);
    expect(results.filter((r) => !r.errors.length)).toHaveLength(1);
    expect(results.filter((r) => r.errors.length).map(conflict)).toEqual([
      [ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION],
    ]);
    const versions = await t.app.ds.query(
      `SELECT version, status FROM statement WHERE distributor_id = $1 AND period = (SELECT period FROM statement WHERE id = $2) ORDER BY version`,
      [distributorId, statementId],
    );
    expect(versions).toEqual([
      { version: 1, status: 'SUPERSEDED' },
      { version: 2, status: 'ISSUED' },
    ]);
    expect((await disputeAndLedger(a)).entries).toHaveLength(1);
  });
});
