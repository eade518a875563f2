import ExcelJS from 'exceljs';
import { RowError } from './import.entity';

export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  width: number;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

export type RowReader<K extends string> = (cells: Record<K, string>, row: number, error: (column: K, message: string) => void) => void;

/**
 * Reads the first sheet of an .xlsx whose first row is exactly the template's headers, handing
 * each non-empty row to `read` as text by column key. Nothing is written; errors name row and column.
 */
export async function readSheet<K extends string>(
  data: Buffer,
  columns: readonly SheetColumn<K>[],
  read: RowReader<K>,
): Promise<{ errors: RowError[]; totalRows: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { errors: [{ row: 0, column: '', message: 'Not an Excel workbook (.xlsx)' }], totalRows: 0 };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { errors: [{ row: 0, column: '', message: 'The workbook has no sheet' }], totalRows: 0 };
  const headers = columns.map((c) => c.header);
  const first = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  if (headers.some((h, i) => first[i] !== h)) {
    return { errors: [{ row: 1, column: '', message: `The first row must be the template's headers: ${headers.join(' | ')}` }], totalRows: 0 };
  }
  const errors: RowError[] = [];
  let totalRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells = Object.fromEntries(columns.map((c, i) => [c.key, cellText(row.getCell(i + 1).value)])) as Record<K, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    totalRows += 1;
    read(cells, n, (column, message) => errors.push({ row: n, column: columns.find((c) => c.key === column)!.header, message }));
  });
  return { errors, totalRows };
}

/** A workbook with the template's headers and the given rows. */
export async function writeSheet<K extends string>(name: string, columns: readonly SheetColumn<K>[], rows: Array<Partial<Record<K, unknown>>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
