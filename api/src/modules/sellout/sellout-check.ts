import { EntityManager } from 'typeorm';
import { SelloutRowProblem, SelloutUploadKind } from '@medchannel/shared-schema';
import { today } from '../../common/dates';
import type { SelloutUpload, UploadRow } from './sellout.entity';
import type { RowProblem, SelloutColumn } from './sellout-file';

const P = SelloutRowProblem;

type Checked = Pick<SelloutUpload, 'brandId' | 'distributorId' | 'kind' | 'month' | 'rows'>;

/**
 * Every check of an upload's rows against the records as they are (nothing written): cells,
 * the chosen hospital and its department, the stock each lot holds now (a sell-out may not take a
 * lot below zero), and which sales no authorization of the distributor covers (窜货, a flag, not an
 * error). Sets each row's department and flag; answers the problems by row and column.
 */
export async function checkRows(em: EntityManager, upload: Checked): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const problem = (r: UploadRow, column: SelloutColumn, code: SelloutRowProblem, message: string) =>
    problems.push({ row: r.row, column, code, message });
  const sells = upload.kind === SelloutUploadKind.SELL_OUT;
  const lots = new Set<string>();
  for (const r of upload.rows) {
    if (!r.productText) problem(r, 'product', P.REQUIRED, 'Give the product');
    else if (!r.productId) problem(r, 'product', P.PRODUCT_UNKNOWN, `No product ${r.productText}`);
    if (!r.batchNo) problem(r, 'batch', P.REQUIRED, 'Give the batch');
    if (r.quantity === null || r.quantity < 0 || (sells && r.quantity === 0))
      problem(
        r,
        'quantity',
        P.QUANTITY_INVALID,
        sells ? 'A whole number of units, more than 0' : 'A whole number of units',
      );
    if (!sells) {
      const lot = `${r.productId}|${r.batchNo}`;
      if (r.productId && lots.has(lot))
        problem(r, 'batch', P.DUPLICATE_LOT, 'This product and batch are in the file twice');
      lots.add(lot);
      continue;
    }
    if (r.priceText && !r.unitPrice)
      problem(r, 'price', P.PRICE_INVALID, 'A unit price such as 12.50 (¥, 元 or CNY, USD, EUR, HKD may go with it)');
    if (!r.hospitalText) problem(r, 'hospital', P.REQUIRED, 'Give the hospital');
    else if (!r.hospitalId) problem(r, 'hospital', P.HOSPITAL_UNMATCHED, 'Choose the hospital this name means');
    if (!r.occurredOn || r.occurredOn > today())
      problem(r, 'date', P.DATE_INVALID, 'A day that has come, such as 2026-11-05');
    else if (r.occurredOn.slice(0, 7) !== upload.month)
      problem(r, 'date', P.DATE_OUTSIDE_MONTH, `A day of ${upload.month}`);
  }
  if (sells) {
    await departments(em, upload.rows, problems);
    await stockOnHand(em, upload, problems);
    await crossTerritory(em, upload);
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** Each row's department by its name at the chosen hospital; a name the hospital does not have is a problem. */
async function departments(em: EntityManager, rows: UploadRow[], problems: RowProblem[]): Promise<void> {
  const asked = rows.filter((r) => r.hospitalId && r.departmentText);
  const found: Array<{ id: string; hospital_id: string; name: string }> = asked.length
    ? await em.query(`SELECT id, hospital_id, name FROM hospital_department WHERE hospital_id = ANY($1)`, [
        [...new Set(asked.map((r) => r.hospitalId))],
      ])
    : [];
  for (const r of rows) {
    const d = found.find((f) => f.hospital_id === r.hospitalId && f.name === r.departmentText);
    r.departmentId = d?.id ?? null;
    if (r.hospitalId && r.departmentText && !d)
      problems.push({
        row: r.row,
        column: 'department',
        code: P.DEPARTMENT_UNKNOWN,
        message: `The hospital has no department ${r.departmentText}`,
      });
  }
}

/** The units of each lot the file sells, in file order, against the lot's stock today. */
async function stockOnHand(em: EntityManager, upload: Checked, problems: RowProblem[]): Promise<void> {
  const rows = upload.rows.filter((r) => r.productId && r.batchNo && r.quantity && r.quantity > 0);
  const held: Array<{ product_id: string; batch_no: string; quantity: number }> = rows.length
    ? await em.query(
        `SELECT product_id, batch_no, quantity FROM stock_balance
          WHERE distributor_id = $1 AND serial_no = '' AND product_id = ANY($2) AND batch_no = ANY($3)`,
        [upload.distributorId, [...new Set(rows.map((r) => r.productId))], [...new Set(rows.map((r) => r.batchNo))]],
      )
    : [];
  const left = new Map(held.map((h) => [`${h.product_id}|${h.batch_no}`, h.quantity]));
  for (const r of rows) {
    const lot = `${r.productId}|${r.batchNo}`;
    const after = (left.get(lot) ?? 0) - r.quantity!;
    if (after < 0)
      problems.push({
        row: r.row,
        column: 'quantity',
        code: P.INSUFFICIENT_STOCK,
        message: `The stock holds ${Math.max(left.get(lot) ?? 0, 0)} units of batch ${r.batchNo}`,
      });
    left.set(lot, after);
  }
}

/**
 * Rule 1 over the file at once: a sale is covered when an authorization of the distributor, live
 * that day, names the product (or its line) and the hospital (or its region, or the province over it).
 */
async function crossTerritory(em: EntityManager, upload: Checked): Promise<void> {
  const rows = upload.rows.filter((r) => r.hospitalId && r.productId && r.occurredOn);
  for (const r of upload.rows) r.crossTerritory = false;
  if (!rows.length) return;
  const outside: Array<{ n: number }> = await em.query(
    `SELECT r.n FROM unnest($3::int[], $4::uuid[], $5::uuid[], $6::date[]) AS r(n, product_id, hospital_id, on_day)
       JOIN product p ON p.id = r.product_id AND p.brand_id = $1
       JOIN hospital h ON h.id = r.hospital_id AND h.brand_id = $1
       JOIN region rg ON rg.id = h.region_id
      WHERE NOT EXISTS (SELECT 1 FROM authorization_grant g
              WHERE g.brand_id = $1 AND g.distributor_id = $2
                AND (r.product_id = ANY(g.product_ids) OR p.product_line_id = ANY(g.product_line_ids))
                AND (h.id = ANY(g.hospital_ids) OR h.region_id = ANY(g.region_ids) OR rg.parent_id = ANY(g.region_ids))
                AND g.valid_from <= r.on_day AND g.valid_to >= r.on_day
                AND (g.revoked_from IS NULL OR g.revoked_from > r.on_day))`,
    [
      upload.brandId,
      upload.distributorId,
      rows.map((r) => r.row),
      rows.map((r) => r.productId),
      rows.map((r) => r.hospitalId),
      rows.map((r) => r.occurredOn),
    ],
  );
  const flagged = new Set(outside.map((o) => o.n));
  for (const r of rows) r.crossTerritory = flagged.has(r.row);
}
