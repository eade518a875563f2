import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { ErrorCode } from '@medchannel/shared-schema';
import { codeOf } from '../../../test/harness';
import { today } from '../../common/dates';
import { admin, brand, d0, owner, shipped, t, withFinanceWorld } from './finance.test-kit';

/** The ERP exchange by file: payments and invoices imported from CSV or spreadsheet. */
withFinanceWorld();

describe('ERP exchange by file', () => {
  const upload = (kind: string, body: Buffer | string) =>
    fetch(`${t.url}/files/imports/${kind}`, {
      method: 'POST',
      body,
      headers: {
        'x-medchannel-app': 'console',
        'x-file-name': encodeURIComponent(`${kind}.csv`),
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const commit = (id: string) =>
    admin.request(`mutation($id: ID!) { commitImport(id: $id) { status payments invoices unchanged } }`, { id });

  test('payments from a CSV (GBK or UTF-8): preview names bad rows; commit records all; a replayed file changes nothing', async () => {
    const [code] = await t.app.ds.query(`SELECT code FROM distributor WHERE id = $1`, [brand.distributorIds[3]]);
    const header =
      '经销商编码 Distributor code*,金额 Amount*,到账日期 Received on*,方式 Method*,参考号 Reference*,备注 Note';
    const refs = [randomUUID(), randomUUID()].map((u) => `CSV-${u.slice(0, 8)}`);
    const bad = `${header}\n${code.code},"1,200.50",${today()},银行转账,${refs[0]},十月\nNOPE,12块,2026-13-01,刷卡,,\n`;
    const preview = await upload('payments', bad);
    expect(preview.status).toBe(200);
    expect(preview.body.errors.map((e: { row: number; column: string }) => [e.row, e.column.split(' ')[0]])).toEqual(
      expect.arrayContaining([
        [3, '金额'],
        [3, '到账日期'],
        [3, '方式'],
        [3, '参考号'],
      ]),
    );
    expect(codeOf(await commit(preview.body.id))).toBe(ErrorCode.BAD_USER_INPUT);
    const good = `${header}\r\n${code.code},"1,200.50",${today()},银行转账,${refs[0]},十月\r\n${code.code},99.5,${today()},ACCEPTANCE_BILL,${refs[1]},\r\n`;
    // Chinese Excel saves CSV in GBK: the same file, so encoded
    const gbk = iconv.encode(good, 'gbk');
    expect(gbk.equals(Buffer.from(good))).toBe(false);
    const first = await upload('payments', gbk);
    expect([first.body.errorCount, first.body.summary]).toEqual([0, { payments: 2, unchanged: 0 }]);
    expect((await commit(first.body.id)).data.commitImport).toEqual({
      status: 'COMMITTED',
      payments: 2,
      invoices: 0,
      unchanged: 0,
    });
    const count = async () =>
      (
        await t.app.ds.query(
          `SELECT count(*)::int AS n, COALESCE(SUM(amount), 0)::text AS total FROM ledger_entry WHERE distributor_id = $1 AND kind = 'PAYMENT' AND memo = ANY($2)`,
          [brand.distributorIds[3], refs],
        )
      )[0];
    expect(await count()).toEqual({ n: 2, total: '-1300.00' });
    const replay = await upload('payments', good);
    expect(replay.body.summary).toEqual({ payments: 0, unchanged: 2 });
    expect((await commit(replay.body.id)).data.commitImport.status).toBe('COMMITTED');
    expect(await count()).toEqual({ n: 2, total: '-1300.00' });
  });

  test('invoices from a file name their shipments by number; a partner may not import', async () => {
    const s = await shipped(2);
    const [{ number }] = await t.app.ds.query(`SELECT number FROM shipment WHERE id = $1`, [s]);
    const [{ code }] = await t.app.ds.query(`SELECT code FROM distributor WHERE id = $1`, [d0]);
    const ref = `ERP-${randomUUID().slice(0, 8)}`;
    const csv = `经销商编码 Distributor code*,发票号码 Invoice number*,开票日期 Issued on*,税率 Tax rate*,发货单号 Shipment numbers*,参考号 Reference*\n${code},FP${ref},${today()},13%,${number},${ref}\n`;
    const preview = await upload('invoices', csv);
    expect([preview.body.errorCount, preview.body.summary]).toEqual([0, { invoices: 1, unchanged: 0 }]);
    expect((await commit(preview.body.id)).data.commitImport.invoices).toBe(1);
    const [inv] = await t.app.ds.query(
      `SELECT gross_amount::text AS gross, tax_rate::text AS rate FROM invoice WHERE external_ref = $1`,
      [ref],
    );
    expect(inv).toEqual({ gross: '200.00', rate: '0.1300' });
    const partner = await fetch(`${t.url}/files/imports/invoices`, {
      method: 'POST',
      body: csv,
      headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(partner.status).toBe(403);
  });
});
