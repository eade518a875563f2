import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DistributorStage, Role } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { isUuid } from '../../common/ids';
import { containsPattern } from '../../common/pagination';
import { Distributor } from '../distributor';
import { DistributorFilter } from '../distributor';
import { withinRegion } from '../region';
import { RowError } from './import.entity';
import { ParsedDistributor, distributorWorkbook, parseDistributorWorkbook } from './distributor-sheet';
import { Preview, createdMeanwhile, inChunks, regionCodes, regionMayBeUsed } from './import-common';

type Row = Omit<ParsedDistributor, 'regionCode' | 'parentCode'> & {
  regionId: string;
  parentCode: string | null;
  parentId: string | null;
};

export async function previewDistributors(ds: DataSource, scope: Scope, data: Buffer): Promise<Preview> {
  const parsed = await parseDistributorWorkbook(data);
  const errors: RowError[] = [...parsed.errors];
  const regionId = await regionCodes(ds, scope);
  const codes = parsed.distributors.map((d) => d.code);
  const parentCodes = parsed.distributors.map((d) => d.parentCode).filter((c): c is string => Boolean(c));
  const existing: Array<{ id: string; code: string }> = await ds.query(
    `SELECT id, code FROM distributor WHERE brand_id = $1 AND code = ANY($2)`,
    [scope.brandId, [...codes, ...parentCodes]],
  );
  const existingId = new Map(existing.map((e) => [e.code, e.id]));
  const inFile = new Set(codes);
  const payload: Row[] = [];
  for (const d of parsed.distributors) {
    const err = (column: string, message: string) => errors.push({ row: d.row, column, message });
    const region = regionId.get(d.regionCode);
    if (d.regionCode && !region) err('地区代码 Region code*', `Unknown region code "${d.regionCode}"`);
    else if (region && !regionMayBeUsed(scope, region) && scope.role !== Role.CHANNEL_MANAGER)
      err('地区代码 Region code*', `${d.regionCode} is outside your regions`);
    if (existingId.has(d.code)) err('编码 Code*', `${d.code} exists already`);
    if (d.parentCode && !existingId.has(d.parentCode) && !inFile.has(d.parentCode))
      err('上级编码 Parent code', `No distributor ${d.parentCode}`);
    if (region)
      payload.push({ ...d, regionId: region, parentId: d.parentCode ? (existingId.get(d.parentCode) ?? null) : null });
  }
  // parents in the file are written before their second tier
  payload.sort((a, b) => Number(Boolean(a.parentCode && !a.parentId)) - Number(Boolean(b.parentCode && !b.parentId)));
  return { errors, totalRows: parsed.totalRows, payload, summary: { distributors: payload.length } };
}

/** New distributors enter as prospects; a channel manager who imports them manages them. */
export async function writeDistributors(
  em: EntityManager,
  scope: Scope,
  payload: unknown,
  progress: (done: number, total: number) => void,
) {
  const rows = payload as Row[];
  const meanwhile = await createdMeanwhile(
    em,
    scope,
    'distributor',
    'code',
    rows.map((r) => r.code),
  );
  if (meanwhile) return meanwhile;
  const idOfCode = new Map<string, string>();
  await inChunks(
    rows,
    async (slice) => {
      const chunk = slice.map((r) => ({ ...r, id: randomUUID() }));
      chunk.forEach((r) => idOfCode.set(r.code, r.id));
      await em.insert(
        Distributor,
        chunk.map((r) => ({
          id: r.id,
          brandId: scope.brandId,
          name: r.name,
          code: r.code,
          stage: DistributorStage.PROSPECT,
          tier: r.tier,
          regionId: r.regionId,
          parentId: r.parentId ?? (r.parentCode ? (idOfCode.get(r.parentCode) ?? null) : null),
          channelManagerId: scope.role === Role.CHANNEL_MANAGER ? scope.userId : null,
          creditCode: r.creditCode,
          registeredCapital: r.registeredCapital,
          address: r.address,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          classifications: r.classifications,
        })),
      );
    },
    progress,
  );
  return null;
}

export async function exportDistributors(ds: DataSource, scope: Scope, filter: DistributorFilter): Promise<Buffer> {
  const qb = applyScope(ds.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
    .innerJoin('region', 'r', 'r.id = d.region_id')
    .leftJoin('distributor', 'p', 'p.id = d.parent_id')
    .select([
      'd.name AS name',
      'd.code AS code',
      'r.code AS "regionCode"',
      'd.tier AS tier',
      'p.code AS "parentCode"',
      'd.credit_code AS "creditCode"',
    ])
    .addSelect([
      'd.registered_capital AS "registeredCapital"',
      'd.address AS address',
      'd.contact_name AS "contactName"',
      'd.contact_phone AS "contactPhone"',
      'd.classifications AS classifications',
    ])
    .orderBy('d.name')
    .limit(100_000);
  if (filter.search) qb.andWhere('(d.name ILIKE :s OR d.code ILIKE :s)', { s: containsPattern(filter.search) });
  if (filter.stage) qb.andWhere('d.stage = :stage', { stage: filter.stage });
  if (filter.regionId && isUuid(filter.regionId))
    qb.andWhere(withinRegion('d.region_id'), { regionId: filter.regionId });
  return distributorWorkbook(await qb.getRawMany());
}
