import ExcelJS from 'exceljs';
import { RowError } from './import.entity';

export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  width: number;
  /** Excel's number format of the column's cells (money `#,##0.00`, a day `yyyy-mm-dd`); exports only */
  numFmt?: string;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // a date cell: the day Excel shows (ExcelJS reads it as UTC midnight)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

export type RowReader<K extends string> = (
  cells: Record<K, string>,
  row: number,
  error: (column: K, message: string) => void,
) => void;

/** CSV text as rows of cells (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** UTF-8 (with or without BOM), or GBK as Chinese Excel saves "CSV" by default. */
function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/^\uFEFF/, '');
  return utf8.includes('\uFFFD') ? new TextDecoder('gbk').decode(data) : utf8;
}

const isXlsx = (data: Buffer) => data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** The first sheet's rows as text: an .xlsx workbook, or a CSV file (UTF-8 or GBK). */
export async function rowsOf(
  data: Buffer,
): Promise<{ rows: Array<{ n: number; cells: string[] }> } | { error: string }> {
  if (!isXlsx(data)) {
    if (!data.length) return { error: 'The file is empty' };
    return { rows: parseCsv(decodeText(data)).map((cells, i) => ({ n: i + 1, cells: cells.map((c) => c.trim()) })) };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { error: 'Not an Excel workbook (.xlsx) or a CSV file' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { error: 'The workbook has no sheet' };
  const rows: Array<{ n: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) =>
    rows.push({ n, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText) }),
  );
  return { rows };
}

/**
 * Reads the first sheet of an .xlsx (or a CSV file) whose first row is exactly the template's
 * headers, handing each non-empty row to `read` as text by column key. Nothing is written;
 * errors name row and column.
 */
export async function readSheet<K extends string>(
  data: Buffer,
  columns: readonly SheetColumn<K>[],
  read: RowReader<K>,
): Promise<{ errors: RowError[]; totalRows: number }> {
  const parsed = await rowsOf(data);
  if ('error' in parsed) return { errors: [{ row: 0, column: '', message: parsed.error }], totalRows: 0 };
  const headers = columns.map((c) => c.header);
  const first = parsed.rows[0]?.n === 1 ? parsed.rows[0].cells : [];
  if (headers.some((h, i) => first[i] !== h)) {
    return {
      errors: [{ row: 1, column: '', message: `The first row must be the template's headers: ${headers.join(' | ')}` }],
      totalRows: 0,
    };
  }
  const errors: RowError[] = [];
  let totalRows = 0;
  for (const { n, cells: values } of parsed.rows.slice(1)) {
    const cells = Object.fromEntries(columns.map((c, i) => [c.key, values[i] ?? ''])) as Record<K, string>;
    if (Object.values(cells).every((v) => v === '')) continue;
    totalRows += 1;
    read(cells, n, (column, message) =>
      errors.push({ row: n, column: columns.find((c) => c.key === column)!.header, message }),
    );
  }
  return { errors, totalRows };
}

/** A workbook with the template's headers and the given rows. */
export async function writeSheet<K extends string>(
  name: string,
  columns: readonly SheetColumn<K>[],
  rows: Array<Partial<Record<K, unknown>>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
