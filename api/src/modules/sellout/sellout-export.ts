import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { Locale } from '@medchannel/shared-schema';
import type { Scope } from '../../auth/scope';
import type { ParamSpec } from '../../common/export-query';
import { pageStatement } from '../../common/raw-page';
import { keysetAfter } from '../../common/pagination';
import { SELL_OUT_ORDER, SellOutFilter, sellOutQuery } from '../inventory';
import type { SheetColumn } from '../import';

/** The sell-out screen's URL filters (SellOutTable.tsx), as its list's SellOutFilter. */
export const SELL_OUT_PARAMS: Record<string, ParamSpec<SellOutFilter>> = {
  region: { field: 'regionId' },
  product: { field: 'productId' },
  from: { field: 'from', kind: 'date' },
  to: { field: 'to', kind: 'date' },
  hospital: { field: 'hospitalId' },
  distributor: { field: 'distributorId' },
};

/** Rows read from the database at a time: the file is written as they come, never held whole. */
const SELL_OUT_BATCH = 1000;

type Column = 'hospital' | 'region' | 'department' | 'product' | 'code' | 'quantity';

/** The columns in the viewer's language, with the console's words (channelStock.* in its locale files). */
const WORDS: Record<Locale, Record<Column, string> & { sheet: string; file: string }> = {
  [Locale.ZH_CN]: {
    sheet: '销售流向',
    file: '销售流向.xlsx',
    hospital: '医院',
    region: '区域',
    department: '科室',
    product: '产品',
    code: '产品编码',
    quantity: '数量',
  },
  [Locale.EN]: {
    sheet: 'Sell-out',
    file: 'sell-out.xlsx',
    hospital: 'Hospital',
    region: 'Region',
    department: 'Department',
    product: 'Product',
    code: 'Product code',
    quantity: 'Quantity',
  },
};

const wordsOf = (locale: Locale) => WORDS[locale] ?? WORDS[Locale.ZH_CN];

/** The file's name in the viewer's language. */
export const sellOutFileName = (locale: Locale): string => wordsOf(locale).file;

/** A row of the sell-out list as the export reads it (sellOutQuery's columns, its late names and the product's code). */
interface SellOutExportRow {
  hospitalId: string;
  hospitalName: string;
  regionName: string | null;
  departmentName: string | null;
  productId: string;
  productName: string;
  productCode: string;
  quantity: number;
  sort_department: string;
}

/**
 * The sell-out list for a file: its count first (the row limit is checked before a byte is sent),
 * then its rows in the screen's order, a batch at a time by the same keyset the screen pages with,
 * so memory holds one batch however long the list.
 */
export class SellOutExportService {
  constructor(private readonly ds: DataSource) {}

  /** The viewer's saved language (the console saves it when switched), for the headers. */
  async localeOf(scope: Scope): Promise<Locale> {
    const [row] = await this.ds.query(`SELECT locale FROM app_user WHERE id = $1`, [scope.userId]);
    return (row?.locale as Locale) ?? Locale.ZH_CN;
  }

  async count(scope: Scope, filter: SellOutFilter): Promise<number> {
    const q = sellOutQuery(scope, filter);
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(q.count, q.params);
    const [{ n }] = await this.ds.query(sql, params);
    return n;
  }

  async *batches(scope: Scope, filter: SellOutFilter, size = SELL_OUT_BATCH): AsyncGenerator<SellOutExportRow[]> {
    const q = sellOutQuery(scope, filter);
    let after: SellOutExportRow | null = null;
    for (;;) {
      const params: Record<string, unknown> = { ...q.params, batch: size };
      let where = '';
      if (after) {
        where = `WHERE ${keysetAfter(SELL_OUT_ORDER, 'ASC', ['c0', 'c1', 'c2', 'c3'])}`;
        Object.assign(params, {
          c0: after.hospitalName,
          c1: after.hospitalId,
          c2: after.sort_department,
          c3: after.productId,
        });
      }
      const [sql, values] = this.ds.driver.escapeQueryWithParameters(
        pageStatement(q.sql, where, SELL_OUT_ORDER.map((k) => `${k} ASC`).join(', '), ':batch', q.late),
        params,
      );
      const rows: SellOutExportRow[] = await this.ds.query(sql, values);
      if (rows.length) yield rows;
      if (rows.length < size) return;
      after = rows[rows.length - 1];
    }
  }
}

/**
 * Writes the rows to `out` as an Excel workbook while they are read (ExcelJS's streaming writer:
 * each row is committed to the zip as it comes), waiting whenever the client reads slower.
 */
export async function streamSellOutWorkbook(
  out: Writable,
  locale: Locale,
  batches: AsyncIterable<SellOutExportRow[]>,
): Promise<void> {
  const words = wordsOf(locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(words.sheet);
  const columns: readonly SheetColumn<Column>[] = [
    { key: 'hospital', header: words.hospital, width: 30 },
    { key: 'region', header: words.region, width: 14 },
    { key: 'department', header: words.department, width: 18 },
    { key: 'product', header: words.product, width: 30 },
    { key: 'code', header: words.code, width: 16 },
    { key: 'quantity', header: words.quantity, width: 10 },
  ];
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of batches) {
    for (const r of rows)
      sheet
        .addRow({
          hospital: r.hospitalName,
          region: r.regionName,
          department: r.departmentName,
          product: r.productName,
          code: r.productCode,
          quantity: r.quantity,
        })
        .commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
