import { DataSource } from 'typeorm';
import { PaymentMethod } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { isIsoDate, today } from '../../common/dates';
import { Decimal } from '../../common/money';
import { Distributor } from '../distributor';
import type { InvoiceService } from '../finance';
import type { PaymentService } from '../finance';
import { RowError } from './import.entity';
import { Preview, rowByRow } from './import-common';
import { SheetColumn, readSheet, writeSheet } from './sheet';

/**
 * ERP exchange by file: payments (回款) and invoices (发票) from an .xlsx or a CSV export. Each row
 * carries the ERP's reference, so replaying a file changes nothing: rows already recorded are
 * counted as unchanged, and a reference reused with other contents is a row error.
 */
const PAYMENT_COLUMNS = [
  { key: 'distributorCode', header: '经销商编码 Distributor code*', width: 18 },
  { key: 'amount', header: '金额 Amount*', width: 14 },
  { key: 'receivedOn', header: '到账日期 Received on*', width: 14 },
  { key: 'method', header: '方式 Method*', width: 14 },
  { key: 'externalRef', header: '参考号 Reference*', width: 24 },
  { key: 'note', header: '备注 Note', width: 24 },
] as const satisfies readonly SheetColumn[];

const INVOICE_COLUMNS = [
  { key: 'distributorCode', header: '经销商编码 Distributor code*', width: 18 },
  { key: 'number', header: '发票号码 Invoice number*', width: 22 },
  { key: 'issuedOn', header: '开票日期 Issued on*', width: 14 },
  { key: 'taxRate', header: '税率 Tax rate*', width: 10 },
  { key: 'shipments', header: '发货单号 Shipment numbers*', width: 36 },
  { key: 'externalRef', header: '参考号 Reference*', width: 24 },
] as const satisfies readonly SheetColumn[];

const METHODS: Record<string, PaymentMethod> = {
  银行转账: PaymentMethod.BANK_TRANSFER,
  承兑汇票: PaymentMethod.ACCEPTANCE_BILL,
  现金: PaymentMethod.CASH,
  其他: PaymentMethod.OTHER,
  ...Object.fromEntries(Object.values(PaymentMethod).map((m) => [m, m])),
};
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

interface PaymentRow {
  row: number;
  distributorId: string;
  amount: string;
  receivedOn: string;
  method: PaymentMethod;
  externalRef: string;
  note: string | null;
}
interface InvoiceRow {
  row: number;
  distributorId: string;
  number: string;
  issuedOn: string;
  taxRate: string;
  shipmentIds: string[];
  externalRef: string;
}

/** Distributor codes → ids, for the distributors the importer may see. */
async function visibleCodes(ds: DataSource, scope: Scope, codes: string[]): Promise<Map<string, string>> {
  const rows = await applyScope(ds.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
    .andWhere('d.code = ANY(:codes)', { codes })
    .getMany();
  return new Map(rows.map((d) => [d.code, d.id]));
}

/**
 * The preview of a file of facts keyed by distributor and external reference: the rows `table`
 * holds already (a replayed file) are counted unchanged, the others as new `kind`.
 */
async function replayPreview(
  ds: DataSource,
  scope: Scope,
  table: 'payment' | 'invoice',
  kind: 'payments' | 'invoices',
  checked: { errors: RowError[]; totalRows: number; payload: Array<{ distributorId: string; externalRef: string }> },
): Promise<Preview> {
  const { payload } = checked;
  const known: Array<{ external_ref: string }> = await ds.query(
    `SELECT x.external_ref FROM ${table} x JOIN unnest($2::uuid[], $3::text[]) AS r(distributor_id, external_ref)
        ON r.distributor_id = x.distributor_id AND r.external_ref = x.external_ref WHERE x.brand_id = $1`,
    [scope.brandId, payload.map((p) => p.distributorId), payload.map((p) => p.externalRef)],
  );
  return { ...checked, summary: { [kind]: payload.length - known.length, unchanged: known.length } };
}

const dateError = (v: string) =>
  !isIsoDate(v) ? 'A date is written YYYY-MM-DD' : v > today() ? 'Not in the future' : null;

export async function previewPayments(ds: DataSource, scope: Scope, data: Buffer): Promise<Preview> {
  const raw: Array<Record<(typeof PAYMENT_COLUMNS)[number]['key'], string> & { row: number }> = [];
  const parsed = await readSheet(data, PAYMENT_COLUMNS, (cells, row, error) => {
    if (!cells.distributorCode) error('distributorCode', 'Required');
    if (!AMOUNT.test(cells.amount.replace(/,/g, '')) || new Decimal(cells.amount.replace(/,/g, '') || '0').lte(0))
      error('amount', 'An amount such as 12800.00');
    const bad = dateError(cells.receivedOn);
    if (bad) error('receivedOn', bad);
    if (!METHODS[cells.method]) error('method', `One of ${Object.keys(METHODS).join(', ')}`);
    if (!cells.externalRef) error('externalRef', 'Required: it keeps a replayed file from paying twice');
    raw.push({ ...cells, row });
  });
  const errors: RowError[] = [...parsed.errors];
  const ids = await visibleCodes(
    ds,
    scope,
    raw.map((r) => r.distributorCode),
  );
  const seen = new Set<string>();
  const payload: PaymentRow[] = [];
  for (const r of raw) {
    const distributorId = ids.get(r.distributorCode);
    if (r.distributorCode && !distributorId)
      errors.push({
        row: r.row,
        column: PAYMENT_COLUMNS[0].header,
        message: `No distributor ${r.distributorCode} that you may see`,
      });
    if (seen.has(r.externalRef))
      errors.push({ row: r.row, column: PAYMENT_COLUMNS[4].header, message: 'This reference is in the file twice' });
    seen.add(r.externalRef);
    if (distributorId && !errors.some((e) => e.row === r.row)) {
      payload.push({
        row: r.row,
        distributorId,
        amount: new Decimal(r.amount.replace(/,/g, '')).toFixed(2),
        receivedOn: r.receivedOn,
        method: METHODS[r.method],
        externalRef: r.externalRef,
        note: r.note || null,
      });
    }
  }
  return replayPreview(ds, scope, 'payment', 'payments', { errors, totalRows: parsed.totalRows, payload });
}

export async function previewInvoices(ds: DataSource, scope: Scope, data: Buffer): Promise<Preview> {
  const raw: Array<Record<(typeof INVOICE_COLUMNS)[number]['key'], string> & { row: number }> = [];
  const parsed = await readSheet(data, INVOICE_COLUMNS, (cells, row, error) => {
    if (!cells.distributorCode) error('distributorCode', 'Required');
    if (!cells.number) error('number', 'Required');
    const bad = dateError(cells.issuedOn);
    if (bad) error('issuedOn', bad);
    if (!/^(0(\.\d{1,4})?|\d{1,2}(\.\d{1,2})?%)$/.test(cells.taxRate)) error('taxRate', 'A rate such as 0.13 or 13%');
    if (!cells.shipments) error('shipments', 'The shipment numbers this invoice covers');
    if (!cells.externalRef) error('externalRef', 'Required: it keeps a replayed file from invoicing twice');
    raw.push({ ...cells, row });
  });
  const errors: RowError[] = [...parsed.errors];
  const ids = await visibleCodes(
    ds,
    scope,
    raw.map((r) => r.distributorCode),
  );
  const numbers = raw.flatMap((r) => r.shipments.split(/[,，、;\s]+/).filter(Boolean));
  const shipments: Array<{ id: string; number: string; distributor_id: string }> = await ds.query(
    `SELECT id, number, distributor_id FROM shipment WHERE brand_id = $1 AND number = ANY($2) AND reverses_id IS NULL`,
    [scope.brandId, numbers],
  );
  const payload: InvoiceRow[] = [];
  for (const r of raw) {
    const distributorId = ids.get(r.distributorCode);
    const err = (i: number, message: string) => errors.push({ row: r.row, column: INVOICE_COLUMNS[i].header, message });
    if (r.distributorCode && !distributorId) err(0, `No distributor ${r.distributorCode} that you may see`);
    const own = r.shipments
      .split(/[,，、;\s]+/)
      .filter(Boolean)
      .map((n) => [n, shipments.find((s) => s.number === n && s.distributor_id === distributorId)] as const);
    for (const [n, s] of own) if (!s && distributorId) err(4, `No shipment ${n} of this distributor`);
    if (distributorId && !errors.some((e) => e.row === r.row)) {
      const rate = r.taxRate.endsWith('%')
        ? new Decimal(r.taxRate.slice(0, -1)).dividedBy(100).toFixed(4)
        : new Decimal(r.taxRate).toFixed(4);
      payload.push({
        row: r.row,
        distributorId,
        number: r.number,
        issuedOn: r.issuedOn,
        taxRate: rate,
        shipmentIds: own.map(([, s]) => s!.id),
        externalRef: r.externalRef,
      });
    }
  }
  return replayPreview(ds, scope, 'invoice', 'invoices', { errors, totalRows: parsed.totalRows, payload });
}

export const writePayments = (payments: PaymentService) =>
  rowByRow<PaymentRow>((em, scope, r) =>
    payments.recordIn(em, scope, {
      distributorId: r.distributorId,
      amount: r.amount,
      receivedOn: r.receivedOn,
      method: r.method,
      externalRef: r.externalRef,
      note: r.note,
    }),
  );

export const writeInvoices = (invoices: InvoiceService) =>
  rowByRow<InvoiceRow>((em, scope, r) =>
    invoices.issueIn(em, scope, {
      distributorId: r.distributorId,
      shipmentIds: r.shipmentIds,
      taxRate: r.taxRate,
      number: r.number,
      issuedOn: r.issuedOn,
      externalRef: r.externalRef,
    }),
  );

export const paymentTemplate = () =>
  writeSheet('回款', PAYMENT_COLUMNS, [
    {
      distributorCode: 'HK-KD',
      amount: '128000.00',
      receivedOn: today(),
      method: '银行转账',
      externalRef: 'ICBC-20261126-0001',
      note: '十月货款',
    },
  ]);
export const invoiceTemplate = () =>
  writeSheet('发票', INVOICE_COLUMNS, [
    {
      distributorCode: 'HK-KD',
      number: '33002611260000001',
      issuedOn: today(),
      taxRate: '13%',
      shipments: 'SH2026112600000001',
      externalRef: 'ERP-INV-0001',
    },
  ]);
