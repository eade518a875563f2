import { HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { RowError } from './import.entity';
import { SheetColumn, readSheet, writeSheet } from './sheet';

/** The hospital workbook: one row per department; hospital columns repeat (or stay blank) on its further rows. */
const HOSPITAL_COLUMNS = [
  { key: 'name', header: '医院名称 Hospital*', width: 32 },
  { key: 'grade', header: '等级 Grade*', width: 12 },
  { key: 'beds', header: '床位 Beds', width: 10 },
  { key: 'regionCode', header: '地区代码 Region code*', width: 18 },
  { key: 'address', header: '地址 Address', width: 36 },
  { key: 'department', header: '科室 Department', width: 16 },
  { key: 'yearlyVolume', header: '年量 Yearly volume', width: 16 },
  { key: 'volumeKind', header: '量类型 Volume kind', width: 16 },
] as const satisfies readonly SheetColumn[];

type ColumnKey = (typeof HOSPITAL_COLUMNS)[number]['key'];

const GRADES: Record<string, HospitalGrade> = {
  三甲: HospitalGrade.GRADE_3A,
  三乙: HospitalGrade.GRADE_3B,
  二甲: HospitalGrade.GRADE_2A,
  二乙: HospitalGrade.GRADE_2B,
  一级: HospitalGrade.GRADE_1,
  未定级: HospitalGrade.UNGRADED,
  ...Object.fromEntries(Object.values(HospitalGrade).map((g) => [g, g])),
};
const KINDS: Record<string, VolumeKind> = {
  手术: VolumeKind.SURGERY,
  检测: VolumeKind.TEST,
  SURGERY: VolumeKind.SURGERY,
  TEST: VolumeKind.TEST,
};
const GRADE_LABEL: Record<HospitalGrade, string> = Object.fromEntries(
  Object.entries(GRADES)
    .filter(([k]) => !(k in HospitalGrade))
    .map(([k, v]) => [v, k]),
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

/** Rows of one hospital (same name) are grouped; a hospital's columns must agree across its rows. */
export async function parseHospitalWorkbook(
  data: Buffer,
): Promise<{ hospitals: ParsedHospital[]; errors: RowError[]; totalRows: number }> {
  const byName = new Map<string, ParsedHospital>();
  const { errors, totalRows } = await readSheet<ColumnKey>(data, HOSPITAL_COLUMNS, (cell, n, err) => {
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
      h = {
        row: n,
        name: cell.name,
        grade: grade ?? HospitalGrade.UNGRADED,
        beds: Number.isInteger(beds) ? beds : null,
        regionCode: cell.regionCode,
        address: cell.address || null,
        departments: [],
      };
      byName.set(cell.name, h);
    } else if (
      (cell.grade && GRADES[cell.grade] !== h.grade) ||
      (cell.regionCode && cell.regionCode !== h.regionCode)
    ) {
      err(
        cell.grade && GRADES[cell.grade] !== h.grade ? 'grade' : 'regionCode',
        `Disagrees with row ${h.row} of the same hospital`,
      );
    }
    if (cell.department) {
      const volume = cell.yearlyVolume === '' ? null : Number(cell.yearlyVolume);
      if (volume !== null && (!Number.isInteger(volume) || volume < 0)) err('yearlyVolume', 'A whole number');
      const kind = cell.volumeKind === '' ? null : KINDS[cell.volumeKind];
      if (kind === undefined) err('volumeKind', `Unknown kind "${cell.volumeKind}" (手术, 检测)`);
      if (h.departments.some((d) => d.name === cell.department))
        err('department', `${cell.department} appears twice for ${h.name}`);
      if (cell.department.length > 100) err('department', 'At most 100 characters');
      h.departments.push({
        row: n,
        name: cell.department,
        yearlyVolume: Number.isInteger(volume) ? volume : null,
        volumeKind: kind ?? null,
      });
    }
  });
  return { hospitals: [...byName.values()], errors, totalRows };
}

export interface HospitalSheetRow {
  name: string;
  grade: HospitalGrade;
  beds: number | null;
  regionCode: string;
  address: string | null;
  department?: string | null;
  yearlyVolume?: number | null;
  volumeKind?: VolumeKind | null;
}

/** Export and template: the same columns the import reads. */
export function hospitalWorkbook(rows: HospitalSheetRow[]): Promise<Buffer> {
  return writeSheet(
    '医院 Hospitals',
    HOSPITAL_COLUMNS,
    rows.map((r) => ({
      ...r,
      grade: GRADE_LABEL[r.grade] ?? r.grade,
      volumeKind: r.volumeKind === VolumeKind.SURGERY ? '手术' : r.volumeKind === VolumeKind.TEST ? '检测' : '',
    })),
  );
}
