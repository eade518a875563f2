import ExcelJS from 'exceljs';
import { Audience, ErrorCode, ErrorReason, LedgerEntryKind } from '@medchannel/shared-schema';
import { GqlClient, codeOf, reasonOf } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import { previousPeriod } from './statement-issue';
import { admin, brand, owner, t, withFinanceWorld } from './finance.test-kit';

/** The statement's dispute → adjustment → reissue flow. */
withFinanceWorld();

describe('statements', () => {
  test('issue, dispute a line, adjust, reissue as version 2 (history kept), confirm', async () => {
    const d = brand.distributorIds[1];
    const period = previousPeriod(today());
    const inPeriod = `${period}-15`;
    await t.app.ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES
       ($1, $2, 'SHIPMENT_RECEIVABLE', '1000.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货 A'),
       ($1, $2, 'SHIPMENT_RECEIVABLE', '500.00', 'CNY', $4, 'fixture', gen_random_uuid(), '发货 B'),
       ($1, $2, 'SHIPMENT_RECEIVABLE', '80.00', 'CNY', $5, 'fixture', gen_random_uuid(), '上月')`,
      [brand.brandId, d, inPeriod, `${period}-20`, addDays(`${period}-01`, -3)],
    );
    const gen = await admin.request(
      `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id version status openingBalance { amount } closingBalance { amount } lines { id memo amount { amount } } } }`,
      { d, p: period },
    );
    expect(gen.errors).toEqual([]);
    const v1 = gen.data.generateStatement;
    expect([v1.version, v1.status, v1.openingBalance.amount, v1.closingBalance.amount]).toEqual([
      1,
      'ISSUED',
      '80.00',
      '1580.00',
    ]);
    const balances = await admin.request(
      `query($id: ID!) { statement(id: $id) { lines { balanceAfter { amount } } } }`,
      { id: v1.id },
    );
    expect(
      balances.data.statement.lines.map((l: { balanceAfter: { amount: string } }) => l.balanceAfter.amount),
    ).toEqual(['1080.00', '1580.00']);
    const twice = await admin.request(
      `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id } }`,
      { d, p: period },
    );
    expect(twice.data.generateStatement.id).toBe(v1.id);
    // d1 is the owner's second tier: the owner reconciles it
    const disputed = await owner.request(
      `mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { status disputes { id status comment } } }`,
      {
        i: { statementId: v1.id, lines: [{ lineId: v1.lines[1].id, comment: '发货 B 只收到一半' }] },
      },
    );
    expect(disputed.errors).toEqual([]);
    expect(disputed.data.disputeStatement.status).toBe('DISPUTED');
    // each line answers its dispute, whether the query names the field directly or in fragments
    const lineDisputes = await owner.request(
      `query($id: ID!) { statement(id: $id) {
        direct: lines { dispute { comment } } spread: lines { ...Disputed } inline: lines { ... on StatementLine { dispute { comment } } } } }
      fragment Disputed on StatementLine { dispute { comment } }`,
      { id: v1.id },
    );
    expect(lineDisputes.errors).toEqual([]);
    for (const key of ['direct', 'spread', 'inline']) {
      expect(
        lineDisputes.data.statement[key].map(
          (l: { dispute: { comment: string } | null }) => l.dispute?.comment ?? null,
        ),
      ).toEqual([null, '发货 B 只收到一半']);
    }
    const confirmDisputed = await owner.request(`mutation($id: ID!) { confirmStatement(id: $id) { id } }`, {
      id: v1.id,
    });
    expect(reasonOf(confirmDisputed)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const queue = await admin.request(
      `{ statementDisputes(first: 50) { nodes { id comment line { memo dispute { comment } } statement { id } } } }`,
    );
    expect(
      queue.data.statementDisputes.nodes.find((n: { comment: string }) => n.comment === '发货 B 只收到一半').line
        .dispute,
    ).toEqual({ comment: '发货 B 只收到一半' });
    expect(queue.data.statementDisputes.nodes.map((n: { id: string }) => n.id)).toContain(
      disputed.data.disputeStatement.disputes[0].id,
    );
    const resolved = await admin.request(
      `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version status closingBalance { amount } lines { kind amount { amount } } versions { version status } } }`,
      {
        i: {
          disputeId: disputed.data.disputeStatement.disputes[0].id,
          adjustment: '-250.00',
          resolution: '核实后补开红字，冲减一半',
        },
      },
    );
    expect(resolved.errors).toEqual([]);
    const v2 = resolved.data.resolveStatementDispute;
    expect([v2.version, v2.status, v2.closingBalance.amount]).toEqual([2, 'ISSUED', '1330.00']);
    expect(v2.lines.map((l: { kind: string }) => l.kind)).toContain(LedgerEntryKind.ADJUSTMENT);
    expect(v2.versions).toEqual([
      { version: 1, status: 'SUPERSEDED' },
      { version: 2, status: 'ISSUED' },
    ]);
    const confirmed = await owner.request(`mutation($id: ID!) { confirmStatement(id: $id) { status confirmedAt } }`, {
      id: v2.id,
    });
    expect(confirmed.data.confirmStatement.status).toBe('CONFIRMED');
    // both sides download it; another distributor's owner gets nothing
    const get = (client: GqlClient, ext: string) =>
      fetch(`${t.url}/files/statements/${v2.id}.${ext}`, {
        headers: {
          'x-medchannel-app': client.audience!.toLowerCase(),
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    for (const client of [owner, admin]) {
      const pdf = await get(client, 'pdf');
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.includes(Buffer.from('NotoSansHans'))).toBe(true);
      const xlsx = await get(client, 'xlsx');
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      const cells = wb.worksheets[0].getSheetValues().flat().map(String);
      expect(cells).toEqual(expect.arrayContaining(['发货 B', '核实后补开红字，冲减一半', '1330']));
    }
    const [other] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      brand.distributorIds[2],
    ]);
    const stranger = t.client(Audience.PORTAL);
    await stranger.login(other.email);
    expect((await get(stranger, 'pdf')).status).toBe(404);
    expect(
      codeOf(
        await admin.request(
          `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id } }`,
          { d, p: today().slice(0, 7) },
        ),
      ),
    ).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
