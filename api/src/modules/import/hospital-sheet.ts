import ExcelJS from 'exceljs';
import { HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { RowError } from './import.entity';

/** The hospital workbook: one row per department; hospital columns repeat (or stay blank) on its further rows. */
export const HOSPITAL_COLUMNS = [
  { key: 'name', header: '医院名称 Hospital*', width: 32 },
  { key: 'grade', header: '等级 Grade*', width: 12 },
  { key: 'beds', header: '床位 Beds', width: 10 },
  { key: 'regionCode', header: '地区代码 Region code*', width: 18 },
  { key: 'address', header: '地址 Address', width: 36 },
  { key: 'department', header: '科室 Department', width: 16 },
  { key: 'yearlyVolume', header: '年量 Yearly volume', width: 16 },
  { key: 'volumeKind', header: '量类型 Volume kind', width: 16 },
] as const;

type ColumnKey = (typeof HOSPITAL_COLUMNS)[number]['key'];

const GRADES: Record<string, HospitalGrade> = {
  三甲: HospitalGrade.GRADE_3A, 三乙: HospitalGrade.GRADE_3B, 二甲: HospitalGrade.GRADE_2A, 二乙: HospitalGrade.GRADE_2B,
  一级: HospitalGrade.GRADE_1, 未定级: HospitalGrade.UNGRADED,
  ...Object.fromEntries(Object.values(HospitalGrade).map((g) => [g, g])),
};
const KINDS: Record<string, VolumeKind> = { 手术: VolumeKind.SURGERY, 检测: VolumeKind.TEST, SURGERY: VolumeKind.SURGERY, TEST: VolumeKind.TEST };
export const GRADE_LABEL: Record<HospitalGrade, string> = Object.fromEntries(
  Object.entries(GRADES).filter(([k]) => !(k in HospitalGrade)).map(([k, v]) => [v, k]),
) as Record<HospitalGrade, string>;

export interface ParsedHospital {
  row: number;
  name: string;
  grade: HospitalGrade;
  beds: number | null;
  regionCode: string;
  address: string | null;
  departments: Array<{ row: number; name: string; yearlyVolume: number | null; volumeKind: VolumeKind | null }>;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

/**
 * Reads and checks every row; nothing is written here. Rows of one hospital (same name) are
 * grouped; a hospital's columns must agree across its rows. Errors name the row and the column.
 */
export async function parseHospitalWorkbook(
  data: Buffer,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ hospitals: ParsedHospital[]; errors: RowError[]; totalRows: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { hospitals: [], errors: [{ row: 0, column: '', message: 'Not an Excel workbook (.xlsx)' }], totalRows: 0 };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { hospitals: [], errors: [{ row: 0, column: '', message: 'The workbook has no sheet' }], totalRows: 0 };
  const errors: RowError[] = [];
  const byName = new Map<string, ParsedHospital>();
  const header = HOSPITAL_COLUMNS.map((c) => c.header);
  const columns = HOSPITAL_COLUMNS.map((c) => c.key);
  const headerRow = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  if (header.some((h, i) => headerRow[i] !== h)) {
    return { hospitals: [], errors: [{ row: 1, column: '', message: `The first row must be the template's headers: ${header.join(' | ')}` }], totalRows: 0 };
  }
  const total = Math.max(sheet.rowCount - 1, 0);
  let rows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    rows += 1;
    if (rows % 2000 === 0) onProgress(rows, total);
    const cell = Object.fromEntries(columns.map((key, i) => [key, text(row.getCell(i + 1).value)])) as Record<ColumnKey, string>;
    if (Object.values(cell).every((v) => v === '')) return;
    const err = (column: ColumnKey, message: string) => errors.push({ row: n, column: HOSPITAL_COLUMNS.find((c) => c.key === column)!.header, message });
    if (!cell.name) return err('name', 'Required');
    if (cell.name.length > 200) return err('name', 'At most 200 characters');
    let h = byName.get(cell.name);
    if (!h) {
      const grade = GRADES[cell.grade];
      if (!grade) err('grade', `Unknown grade "${cell.grade}" (三甲, 三乙, 二甲, 二乙, 一级, 未定级)`);
      const beds = cell.beds === '' ? null : Number(cell.beds);
      if (beds !== null && (!Number.isInteger(beds) || beds < 0)) err('beds', 'A whole number of beds');
      if (!cell.regionCode) err('regionCode', 'Required');
      if (cell.address.length > 300) err('address', 'At most 300 characters');
      h = { row: n, name: cell.name, grade: grade ?? HospitalGrade.UNGRADED, beds: Number.isInteger(beds) ? beds : null, regionCode: cell.regionCode, address: cell.address || null, departments: [] };
      byName.set(cell.name, h);
    } else if ((cell.grade && GRADES[cell.grade] !== h.grade) || (cell.regionCode && cell.regionCode !== h.regionCode)) {
      err(cell.grade && GRADES[cell.grade] !== h.grade ? 'grade' : 'regionCode', `Disagrees with row ${h.row} of the same hospital`);
    }
    if (cell.department) {
      const volume = cell.yearlyVolume === '' ? null : Number(cell.yearlyVolume);
      if (volume !== null && (!Number.isInteger(volume) || volume < 0)) err('yearlyVolume', 'A whole number');
      const kind = cell.volumeKind === '' ? null : KINDS[cell.volumeKind];
      if (kind === undefined) err('volumeKind', `Unknown kind "${cell.volumeKind}" (手术, 检测)`);
      if (h.departments.some((d) => d.name === cell.department)) err('department', `${cell.department} appears twice for ${h.name}`);
      if (cell.department.length > 100) err('department', 'At most 100 characters');
      h.departments.push({ row: n, name: cell.department, yearlyVolume: Number.isInteger(volume) ? volume : null, volumeKind: kind ?? null });
    }
  });
  onProgress(rows, total);
  return { hospitals: [...byName.values()], errors, totalRows: rows };
}

/** A workbook with the template's headers and the given rows (export, and the empty template). */
export async function hospitalWorkbook(
  rows: Array<{ name: string; grade: HospitalGrade; beds: number | null; regionCode: string; address: string | null; department?: string; yearlyVolume?: number | null; volumeKind?: VolumeKind | null }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('医院 Hospitals');
  sheet.columns = HOSPITAL_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      ...r,
      grade: GRADE_LABEL[r.grade] ?? r.grade,
      volumeKind: r.volumeKind === VolumeKind.SURGERY ? '手术' : r.volumeKind === VolumeKind.TEST ? '检测' : '',
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
