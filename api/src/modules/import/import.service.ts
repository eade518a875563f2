import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, ErrorReason, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Hospital, HospitalDepartment } from '../hospital/hospital.entity';
import { HospitalFilter } from '../hospital/hospital.types';
import { withinRegion } from '../region/region.sql';
import { ImportJob, RowError } from './import.entity';
import { ParsedHospital, hospitalWorkbook, parseHospitalWorkbook } from './hospital-sheet';

const CHUNK = 500;
const KEPT_ERRORS = 500;

type Payload = Array<Omit<ParsedHospital, 'regionCode'> & { regionId: string }>;

export interface ImportProgress {
  phase: 'PARSING' | 'WRITING';
  done: number;
  total: number;
}

/**
 * Spreadsheet imports: upload → preview (every row checked, errors by row and column, nothing
 * written) → commit all or nothing in one transaction. Progress of a running commit is kept in
 * memory for the polling client.
 */
export class ImportService {
  private readonly progress = new Map<string, ImportProgress>();

  constructor(private readonly ds: DataSource) {}

  progressOf(id: string): ImportProgress | null {
    return this.progress.get(id) ?? null;
  }

  async get(scope: Scope, id: string): Promise<ImportJob> {
    const job = isUuid(id)
      ? await applyScope(this.ds.getRepository(ImportJob).createQueryBuilder('j'), scope, 'brand').andWhere('j.id = :id', { id }).andWhere('j.created_by = :me', { me: scope.userId }).getOne()
      : null;
    if (!job) throw notFound('Import');
    return job;
  }

  async previewHospitals(scope: Scope, fileName: string, data: Buffer): Promise<ImportJob> {
    const parsed = await parseHospitalWorkbook(data);
    const errors: RowError[] = [...parsed.errors];
    const regions: Array<{ id: string; code: string }> = await this.ds.query(`SELECT id, code FROM region WHERE brand_id = $1`, [scope.brandId]);
    const regionId = new Map(regions.map((r) => [r.code, r.id]));
    const mayUse = (id: string) => scope.side === Side.BRAND && (scope.allRegions || scope.regionIds.includes(id));
    const names = parsed.hospitals.map((h) => h.name);
    const existing = new Set(
      names.length
        ? (await this.ds.query(`SELECT name FROM hospital WHERE brand_id = $1 AND name = ANY($2)`, [scope.brandId, names])).map((r: { name: string }) => r.name)
        : [],
    );
    const payload: Payload = [];
    for (const h of parsed.hospitals) {
      const id = regionId.get(h.regionCode);
      if (h.regionCode && !id) errors.push({ row: h.row, column: '地区代码 Region code*', message: `Unknown region code "${h.regionCode}"` });
      else if (id && !mayUse(id)) errors.push({ row: h.row, column: '地区代码 Region code*', message: `${h.regionCode} is outside your regions` });
      if (existing.has(h.name)) errors.push({ row: h.row, column: '医院名称 Hospital*', message: `${h.name} exists already` });
      if (id) payload.push({ ...h, regionId: id });
    }
    errors.sort((a, b) => a.row - b.row);
    const job = this.ds.getRepository(ImportJob).create({
      brandId: scope.brandId,
      createdBy: scope.userId,
      kind: 'HOSPITALS',
      fileName: fileName.slice(0, 200),
      status: 'PREVIEWED',
      totalRows: parsed.totalRows,
      errorCount: errors.length,
      errors: errors.slice(0, KEPT_ERRORS),
      payload,
      summary: { hospitals: parsed.hospitals.length, departments: parsed.hospitals.reduce((n, h) => n + h.departments.length, 0) },
    });
    return this.ds.getRepository(ImportJob).save(job);
  }

  /** Writes every previewed row or none. A second commit of the same import changes nothing. */
  async commitHospitals(scope: Scope, id: string): Promise<ImportJob> {
    const job = await this.get(scope, id);
    if (job.status === 'COMMITTED') return job;
    if (job.errorCount > 0) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Fix the ${job.errorCount} rows in error and upload again`, 'id', ErrorReason.VALIDATION_FAILED);
    }
    try {
      return await this.ds.transaction(async (em) => {
        const locked = await em.getRepository(ImportJob).createQueryBuilder('j').addSelect('j.payload').where('j.id = :id', { id }).setLock('pessimistic_write').getOneOrFail();
        if (locked.status === 'COMMITTED') return locked;
        const rows = locked.payload as Payload;
        const taken: Array<{ name: string }> = await em.query(`SELECT name FROM hospital WHERE brand_id = $1 AND name = ANY($2)`, [scope.brandId, rows.map((r) => r.name)]);
        if (taken.length) {
          throw new AppError(ErrorCode.CONFLICT, `Created meanwhile: ${taken.slice(0, 5).map((t) => t.name).join(', ')}; upload again`);
        }
        const total = rows.length;
        for (let i = 0; i < rows.length; i += CHUNK) {
          const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, id: randomUUID() }));
          await em.insert(Hospital, chunk.map((r) => ({ id: r.id, brandId: scope.brandId, name: r.name, grade: r.grade, beds: r.beds, regionId: r.regionId, address: r.address })));
          const departments = chunk.flatMap((r) => r.departments.map((d) => ({ brandId: scope.brandId, hospitalId: r.id, name: d.name, yearlyVolume: d.yearlyVolume, volumeKind: d.volumeKind })));
          for (let j = 0; j < departments.length; j += CHUNK) await em.insert(HospitalDepartment, departments.slice(j, j + CHUNK));
          this.progress.set(id, { phase: 'WRITING', done: Math.min(i + CHUNK, total), total });
        }
        await em.update(ImportJob, { id }, { status: 'COMMITTED' });
        await audit(em, scope, 'IMPORT_HOSPITALS', 'import_job', id, { ...locked.summary, fileName: locked.fileName });
        return Object.assign(locked, { status: 'COMMITTED' as const });
      });
    } finally {
      this.progress.delete(id);
    }
  }

  /** The viewer's current filtered hospital list as a workbook in the import template's shape. */
  async exportHospitals(scope: Scope, filter: HospitalFilter): Promise<Buffer> {
    const qb = applyScope(this.ds.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital')
      .innerJoin('region', 'r', 'r.id = h.region_id')
      .leftJoin('hospital_department', 'd', 'd.hospital_id = h.id')
      .select(['h.name AS name', 'h.grade AS grade', 'h.beds AS beds', 'r.code AS "regionCode"', 'h.address AS address'])
      .addSelect(['d.name AS department', 'd.yearly_volume AS "yearlyVolume"', 'd.volume_kind AS "volumeKind"'])
      .orderBy('h.name')
      .addOrderBy('d.name')
      .limit(200_000);
    if (filter.search) qb.andWhere('h.name ILIKE :s', { s: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.grade) qb.andWhere('h.grade = :grade', { grade: filter.grade });
    if (filter.regionId && isUuid(filter.regionId)) qb.andWhere(withinRegion('h.region_id'), { regionId: filter.regionId });
    return hospitalWorkbook(await qb.getRawMany());
  }
}
