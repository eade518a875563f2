import { DataSource, EntityManager } from 'typeorm';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { isUuid } from '../../common/ids';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, illegal, notFound } from '../../common/errors';
import { assertVersion } from '../../common/versioning';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { Qualification } from './qualification.entity';
import { QualificationRenewal, QualificationRenewalStatus } from './qualification-renewal.entity';
import type { QualificationService } from './qualification.service';
import { MAX_DOCUMENT_BYTES } from './qualification.service';
import type {
  DecideQualificationRenewalInput,
  ProposeQualificationRenewalInput,
  RejectQualificationRenewalInput,
} from './qualification-renewal.types';

/** The device class a licence is for: its renewal must still cover it. */
const CLASS_OF: Partial<Record<QualificationType, DeviceClass>> = {
  [QualificationType.OPERATING_LICENSE_III]: DeviceClass.III,
  [QualificationType.FILING_CERTIFICATE_II]: DeviceClass.II,
};

/**
 * An owner's proposed renewal of one of his company's documents, and the brand's answer. A proposal
 * sits in a table of its own, so compliance, grants, the expiring list and the pack never see it;
 * approved, it becomes a document through the same path as the brand's own 续期.
 */
export class QualificationRenewalService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly qualifications: QualificationService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(QualificationRenewal).createQueryBuilder('qr'), scope, 'distributorOwned');
  }

  /** Each document's latest proposal (pending, rejected or approved), for the documents asked. */
  latestOf(scope: Scope, qualificationIds: readonly string[]): Promise<QualificationRenewal[]> {
    return this.scoped(scope)
      .andWhere('qr.qualification_id = ANY(:qualificationIds)', { qualificationIds })
      .distinctOn(['qr.qualification_id'])
      .orderBy('qr.qualification_id')
      .addOrderBy('qr.created_at', 'DESC')
      .getMany();
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<QualificationRenewal> {
    const r = isUuid(id) ? await this.scoped(scope, em).andWhere('qr.id = :id', { id }).getOne() : null;
    if (!r) throw notFound('Qualification renewal');
    return r;
  }

  async exists(scope: Scope, id: string): Promise<boolean> {
    return isUuid(id) && (await this.scoped(scope).andWhere('qr.id = :id', { id }).getCount()) > 0;
  }

  async propose(scope: Scope, input: ProposeQualificationRenewalInput): Promise<QualificationRenewal> {
    const { idempotencyKey, ...asked } = input;
    const write: IdempotentWrite<QualificationRenewal> = {
      hash: fingerprint(asked),
      constraint: 'qualification_renewal_idempotency',
      earlier: (em) => em.findOne(QualificationRenewal, { where: { proposedBy: scope.userId, idempotencyKey } }),
      reused: () => keyReused('This idempotency key was used for another proposal'),
    };
    if (asked.validTo && asked.validTo < asked.validFrom)
      throw badInput('validTo', 'A document cannot expire before it starts');
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const [current] = await this.qualifications.byIds(scope, [asked.qualificationId], em);
        if (!current) throw notFound('Qualification');
        const cls = CLASS_OF[current.type];
        if (cls && !asked.deviceClasses.includes(cls))
          throw badInput('deviceClasses', `A ${current.type} covers class ${cls}`);
        if (!cls && asked.deviceClasses.length)
          throw badInput('deviceClasses', `A ${current.type} covers no device classes`);
        const pending = await em.count(QualificationRenewal, {
          where: { qualificationId: current.id, status: QualificationRenewalStatus.PENDING },
        });
        if (pending) throw illegal('A renewal of this document is already waiting for the brand');
        const r = await em.save(
          em.create(QualificationRenewal, {
            brandId: scope.brandId,
            distributorId: current.distributorId,
            qualificationId: current.id,
            type: current.type,
            number: asked.number.trim(),
            deviceClasses: [...new Set(asked.deviceClasses)],
            validFrom: asked.validFrom,
            validTo: asked.validTo ?? null,
            status: QualificationRenewalStatus.PENDING,
            proposedBy: scope.userId,
            idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await audit(em, scope, 'PROPOSE_QUALIFICATION_RENEWAL', 'distributor', current.distributorId, {
          renewalId: r.id,
          ...asked,
        });
        return r.id;
      }),
    );
    return this.get(scope, id);
  }

  /** The brand approves: the proposal becomes the current document, its scan with it. */
  async approve(scope: Scope, input: DecideQualificationRenewalInput): Promise<QualificationRenewal> {
    await this.decide(scope, input, async (em, r) => {
      const file = await em.findOne(QualificationRenewal, {
        where: { id: r.id },
        select: { id: true, fileKey: true },
      });
      if (!file?.fileKey || !r.fileName) throw illegal('The proposal needs its scan before it can be approved');
      const q = await this.qualifications.addIn(em, scope, {
        distributorId: r.distributorId,
        type: r.type,
        number: r.number,
        deviceClasses: r.deviceClasses,
        validFrom: r.validFrom,
        validTo: r.validTo ?? undefined,
      });
      await em.update(
        Qualification,
        { id: q.id },
        {
          fileKey: file.fileKey,
          fileName: r.fileName,
          fileMime: r.fileMime,
          fileSize: r.fileSize,
          fileSha256: r.fileSha256,
        },
      );
      await em.update(
        QualificationRenewal,
        { id: r.id },
        this.decision(scope, QualificationRenewalStatus.APPROVED, { renewedQualificationId: q.id }),
      );
      await audit(em, scope, 'APPROVE_QUALIFICATION_RENEWAL', 'distributor', r.distributorId, {
        renewalId: r.id,
        qualificationId: q.id,
      });
    });
    return this.get(scope, input.renewalId);
  }

  async reject(scope: Scope, input: RejectQualificationRenewalInput): Promise<QualificationRenewal> {
    const reason = input.reason.trim();
    if (reason.length < 2) throw badInput('reason', 'Say why the renewal is rejected');
    await this.decide(scope, input, async (em, r) => {
      await em.update(
        QualificationRenewal,
        { id: r.id },
        this.decision(scope, QualificationRenewalStatus.REJECTED, { rejectReason: reason }),
      );
      await audit(em, scope, 'REJECT_QUALIFICATION_RENEWAL', 'distributor', r.distributorId, {
        renewalId: r.id,
        reason,
      });
    });
    return this.get(scope, input.renewalId);
  }

  private decision(scope: Scope, status: QualificationRenewalStatus, rest: Partial<QualificationRenewal>) {
    return { ...rest, status, decidedBy: scope.userId, decidedAt: new Date() };
  }

  private async decide(
    scope: Scope,
    input: DecideQualificationRenewalInput,
    run: (em: EntityManager, r: QualificationRenewal) => Promise<void>,
  ): Promise<void> {
    await this.ds.transaction(async (em) => {
      const [r] = isUuid(input.renewalId)
        ? await this.scoped(scope, em)
            .andWhere('qr.id = :id', { id: input.renewalId })
            .setLock('pessimistic_write')
            .getMany()
        : [];
      if (!r) throw notFound('Qualification renewal');
      assertVersion(r, input.expectedVersion, 'renewal');
      if (r.status !== QualificationRenewalStatus.PENDING) throw illegal('The renewal was decided already');
      await run(em, r);
    });
  }

  /** Stores the new scan on a pending proposal (the owner's upload, same rules as a document's). */
  async attachFile(scope: Scope, id: string, fileName: string, data: Buffer): Promise<QualificationRenewal> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A document may be at most 10 MB',
      unsupported: 'Upload a PDF, JPEG or PNG',
    });
    const existing = await this.get(scope, id);
    const key = `qualifications/${existing.brandId}/renewals/${existing.id}/${file.sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const [r] = await this.scoped(scope, em).andWhere('qr.id = :id', { id }).setLock('pessimistic_write').getMany();
      if (!r) throw notFound('Qualification renewal');
      if (r.status !== QualificationRenewalStatus.PENDING) throw illegal('The renewal was decided already');
      const name = keptFileName(fileName, 'document');
      const changes = {
        fileKey: key,
        fileName: name,
        fileMime: file.mime,
        fileSize: file.size,
        fileSha256: file.sha256,
      };
      await em.update(QualificationRenewal, { id: r.id }, changes);
      await audit(em, scope, 'ATTACH_FILE', 'distributor', r.distributorId, {
        renewalId: r.id,
        fileName: name,
        size: file.size,
        sha256: file.sha256,
      });
      return Object.assign(r, changes);
    });
  }

  async readFile(scope: Scope, id: string): Promise<StoredFile> {
    const r = isUuid(id)
      ? await this.scoped(scope).addSelect('qr.fileKey').andWhere('qr.id = :id', { id }).getOne()
      : null;
    if (!r?.fileKey) throw notFound('Document');
    const mime = r.fileMime ?? 'application/octet-stream';
    return new StoredFile(this.storage, r.fileKey, r.fileName ?? 'document', mime, r.fileSize);
  }
}
