import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Scope, applyScope } from '../../auth/scope';
import { isUuid } from '../../common/ids';
import { containsPattern } from '../../common/pagination';
import { Hospital, HospitalDepartment } from '../hospital';
import { HospitalFilter, coverageCondition } from '../hospital';
import { withinRegion } from '../region';
import { RowError } from './import.entity';
import { ParsedHospital, hospitalWorkbook, parseHospitalWorkbook } from './hospital-sheet';
import { CHUNK, Preview, createdMeanwhile, inChunks, regionCodes, regionMayBeUsed } from './import-common';

type Row = Omit<ParsedHospital, 'regionCode'> & { regionId: string };

/** Parses and checks a hospital workbook against the database; writes nothing. */
export async function previewHospitals(ds: DataSource, scope: Scope, data: Buffer): Promise<Preview> {
  const parsed = await parseHospitalWorkbook(data);
  const errors: RowError[] = [...parsed.errors];
  const regionId = await regionCodes(ds, scope);
  const names = parsed.hospitals.map((h) => h.name);
  const taken = new Set(
    names.length
      ? (
          await ds.query(`SELECT name FROM hospital WHERE brand_id = $1 AND name = ANY($2)`, [scope.brandId, names])
        ).map((r: { name: string }) => r.name)
      : [],
  );
  const payload: Row[] = [];
  for (const h of parsed.hospitals) {
    const id = regionId.get(h.regionCode);
    if (h.regionCode && !id)
      errors.push({ row: h.row, column: '地区代码 Region code*', message: `Unknown region code "${h.regionCode}"` });
    else if (id && !regionMayBeUsed(scope, id))
      errors.push({ row: h.row, column: '地区代码 Region code*', message: `${h.regionCode} is outside your regions` });
    if (taken.has(h.name))
      errors.push({ row: h.row, column: '医院名称 Hospital*', message: `${h.name} exists already` });
    if (id) payload.push({ ...h, regionId: id });
  }
  return {
    errors,
    totalRows: parsed.totalRows,
    payload,
    summary: {
      hospitals: parsed.hospitals.length,
      departments: parsed.hospitals.reduce((n, h) => n + h.departments.length, 0),
    },
  };
}

/** Inside the commit's transaction: every hospital and department, in multi-row inserts. */
export async function writeHospitals(
  em: EntityManager,
  scope: Scope,
  payload: unknown,
  progress: (done: number, total: number) => void,
) {
  const rows = payload as Row[];
  const meanwhile = await createdMeanwhile(
    em,
    scope,
    'hospital',
    'name',
    rows.map((r) => r.name),
  );
  if (meanwhile) return meanwhile;
  await inChunks(
    rows,
    async (slice) => {
      const chunk = slice.map((r) => ({ ...r, id: randomUUID() }));
      await em.insert(
        Hospital,
        chunk.map((r) => ({
          id: r.id,
          brandId: scope.brandId,
          name: r.name,
          grade: r.grade,
          beds: r.beds,
          regionId: r.regionId,
          address: r.address,
        })),
      );
      const departments = chunk.flatMap((r) =>
        r.departments.map((d) => ({
          brandId: scope.brandId,
          hospitalId: r.id,
          name: d.name,
          yearlyVolume: d.yearlyVolume,
          volumeKind: d.volumeKind,
        })),
      );
      for (let j = 0; j < departments.length; j += CHUNK)
        await em.insert(HospitalDepartment, departments.slice(j, j + CHUNK));
    },
    progress,
  );
  return null;
}

/** The viewer's filtered hospital list, in the import template's shape. */
export async function exportHospitals(ds: DataSource, scope: Scope, filter: HospitalFilter): Promise<Buffer> {
  const qb = applyScope(ds.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital')
    .innerJoin('region', 'r', 'r.id = h.region_id')
    .leftJoin('hospital_department', 'd', 'd.hospital_id = h.id')
    .select(['h.name AS name', 'h.grade AS grade', 'h.beds AS beds', 'r.code AS "regionCode"', 'h.address AS address'])
    .addSelect(['d.name AS department', 'd.yearly_volume AS "yearlyVolume"', 'd.volume_kind AS "volumeKind"'])
    .orderBy('h.name')
    .addOrderBy('d.name')
    .limit(200_000);
  if (filter.search) qb.andWhere('h.name ILIKE :s', { s: containsPattern(filter.search) });
  if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
  if (filter.regionId && isUuid(filter.regionId))
    qb.andWhere(withinRegion('h.region_id'), { regionId: filter.regionId });
  if (filter.coverage) {
    const covered = coverageCondition(filter.coverage, scope.brandId);
    qb.andWhere(covered.sql, covered.params);
  }
  return hospitalWorkbook(await qb.getRawMany());
}
