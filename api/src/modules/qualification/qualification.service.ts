import { DataSource, EntityManager } from 'typeorm';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { isUuid } from '../../common/ids';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { addDays, daysBetween, today } from '../../common/dates';
import { Distributor } from '../distributor';
import { Qualification } from './qualification.entity';
import { withinRegion } from '../region';
import {
  AddQualificationInput,
  ExpiringQualificationFilter,
  ExpiryLevel,
  ExpiryWarningType,
} from './qualification.types';

export function expiryWarning(validTo: string | null, on: string = today()): ExpiryWarningType {
  if (!validTo) return { level: ExpiryLevel.OK, daysLeft: null };
  const daysLeft = daysBetween(on, validTo);
  const level =
    daysLeft < 0
      ? ExpiryLevel.EXPIRED
      : daysLeft <= 7
        ? ExpiryLevel.WITHIN_7_DAYS
        : daysLeft <= 30
          ? ExpiryLevel.WITHIN_30_DAYS
          : daysLeft <= 60
            ? ExpiryLevel.WITHIN_60_DAYS
            : ExpiryLevel.OK;
  return { level, daysLeft };
}

/**
 * A document renewed (续期): the same distributor holds a later document of the same kind that
 * lasts longer (or has no end). It no longer warns of its expiry. OTHER documents are each their own.
 */
const notRenewed = (q: string) =>
  `NOT (${q}.type <> 'OTHER' AND EXISTS (SELECT 1 FROM qualification ${q}_r WHERE ${q}_r.distributor_id = ${q}.distributor_id
    AND ${q}_r.type = ${q}.type AND ${q}_r.id <> ${q}.id AND (${q}_r.valid_to IS NULL OR ${q}_r.valid_to > ${q}.valid_to)))`;

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export class QualificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Stores the scan of a qualification (PDF, JPEG or PNG by content, at most 10 MB) and records
   * it with the audit row in one transaction. The file is written first under a key of its own
   * hash, so a failed commit leaves at most an unreferenced file, never a row without its file.
   */
  async attachFile(scope: Scope, id: string, fileName: string, data: Buffer): Promise<Qualification> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A document may be at most 10 MB',
      unsupported: 'Upload a PDF, JPEG or PNG',
    });
    const [existing] = isUuid(id) ? await this.byIds(scope, [id]) : [];
    if (!existing) throw notFound('Qualification');
    const key = `qualifications/${existing.brandId}/${existing.id}/${file.sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const [q] = await this.byIds(scope, [id], em);
      if (!q) throw notFound('Qualification');
      const name = keptFileName(fileName, 'document');
      await em.update(
        Qualification,
        { id: q.id },
        { fileKey: key, fileName: name, fileMime: file.mime, fileSize: file.size, fileSha256: file.sha256 },
      );
      await audit(em, scope, 'ATTACH_FILE', 'distributor', q.distributorId, {
        qualificationId: q.id,
        fileName: name,
        size: file.size,
        sha256: file.sha256,
      });
      return Object.assign(q, { fileName: name, fileMime: file.mime, fileSize: file.size, fileSha256: file.sha256 });
    });
  }

  /** The stored scan, for someone who may see the qualification. */
  async readFile(scope: Scope, id: string): Promise<StoredFile> {
    const q = isUuid(id)
      ? await this.scoped(scope).addSelect('q.fileKey').andWhere('q.id = :id', { id }).getOne()
      : null;
    if (!q?.fileKey) throw notFound('Document');
    const mime = q.fileMime ?? 'application/octet-stream';
    return new StoredFile(this.storage, q.fileKey, q.fileName ?? 'document', mime, q.fileSize);
  }

  byIds(scope: Scope, ids: readonly string[], em?: EntityManager): Promise<Qualification[]> {
    return this.scoped(scope, em).andWhere('q.id = ANY(:ids)', { ids }).getMany();
  }

  private scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Qualification).createQueryBuilder('q'), scope, 'distributorOwned');
  }

  byDistributorIds(scope: Scope, distributorIds: readonly string[], em?: EntityManager): Promise<Qualification[]> {
    return this.scoped(scope, em)
      .andWhere('q.distributor_id = ANY(:distributorIds)', { distributorIds })
      .orderBy('q.valid_to')
      .getMany();
  }

  /**
   * Documents that expire within `days` of today (China) or have expired, and were not renewed,
   * soonest first: the warnings list, narrowed to a region (or a city under it) and kinds.
   */
  expiring(scope: Scope, days: number, filter: ExpiringQualificationFilter = {}): Promise<Qualification[]> {
    const qb = this.scoped(scope)
      .andWhere('q.valid_to IS NOT NULL AND q.valid_to <= :expiringBy::date', { expiringBy: addDays(today(), days) })
      .andWhere(notRenewed('q'));
    if (filter.regionId)
      qb.andWhere(`q.distributor_id IN (SELECT fd.id FROM distributor fd WHERE ${withinRegion('fd.region_id')})`, {
        regionId: filter.regionId,
      });
    if (filter.types?.length) qb.andWhere('q.type = ANY(:types)', { types: filter.types });
    return qb.orderBy('q.valid_to').addOrderBy('q.id').limit(200).getMany();
  }

  /** A distributor's documents expired or expiring within `days` of today (China): what the company page flags. */
  expiringQuery(scope: Scope, distributorId: string, days: number) {
    return this.scoped(scope)
      .andWhere('q.distributor_id = :expiringOf', { expiringOf: distributorId })
      .andWhere('q.valid_to IS NOT NULL AND q.valid_to <= :expiringBy::date', { expiringBy: addDays(today(), days) })
      .andWhere(notRenewed('q'));
  }

  async add(scope: Scope, input: AddQualificationInput): Promise<Qualification> {
    return this.ds.transaction((em) => this.addIn(em, scope, input));
  }

  /**
   * Adds a document (a renewal is a later document of the same kind) in the caller's transaction:
   * the brand's 续期 and the approval of an owner's proposed renewal both come through here.
   */
  async addIn(em: EntityManager, scope: Scope, input: AddQualificationInput): Promise<Qualification> {
    if (input.validTo && input.validTo < input.validFrom)
      throw badInput('validTo', 'A document cannot expire before it starts');
    const visible = await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor')
      .andWhere('d.id = :id', { id: input.distributorId })
      .getCount();
    if (!visible) throw notFound('Distributor');
    const q = await em.save(
      em.create(Qualification, { ...input, validTo: input.validTo ?? null, brandId: scope.brandId }),
    );
    await audit(em, scope, 'ADD_QUALIFICATION', 'distributor', input.distributorId, {
      qualificationId: q.id,
      ...input,
    });
    return q;
  }
}
