import { DataSource } from 'typeorm';
import { DisputeStatus } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { illegal, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import { DisputeAttachment, StatementDispute } from './finance.entity';
import type { StatementService } from './statement.service';

/**
 * Evidence on a disputed line: the owner attaches photos or PDFs (a delivery note, a signed receipt) while his
 * dispute is open; whoever may read the statement downloads them. Same storage and checks as qualification scans
 * (PDF, JPEG, PNG by content, at most 10 MB).
 */
export class DisputeAttachmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly statements: StatementService,
  ) {}

  /** Disputes on statements the viewer may see (a sub-query: the one scope rule of statements). */
  private visibleDisputes(scope: Scope, column: string) {
    const statements = this.statements.scoped(scope).select('s.id');
    return {
      sql: `${column} IN (SELECT vx.id FROM statement_dispute vx WHERE vx.statement_id IN (${statements.getQuery()}))`,
      params: statements.getParameters(),
    };
  }

  byDisputeIds(scope: Scope, ids: readonly string[]): Promise<DisputeAttachment[]> {
    const visible = this.visibleDisputes(scope, 'a.dispute_id');
    return this.ds
      .getRepository(DisputeAttachment)
      .createQueryBuilder('a')
      .where('a.dispute_id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /** The owner's evidence on his open dispute; the same file again (a retry) is the same attachment. */
  async attach(scope: Scope, disputeId: string, fileName: string, data: Buffer): Promise<DisputeAttachment> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A file may be at most 10 MB',
      unsupported: 'Upload a photo (JPEG, PNG) or a PDF',
    });
    const visible = this.visibleDisputes(scope, 'x.id');
    const dispute = isUuid(disputeId)
      ? await this.ds
          .getRepository(StatementDispute)
          .createQueryBuilder('x')
          .where('x.id = :disputeId', { disputeId })
          .andWhere(visible.sql, visible.params)
          .getOne()
      : null;
    if (!dispute) throw notFound('Dispute');
    if (dispute.status !== DisputeStatus.OPEN) throw illegal('Evidence goes on an open dispute only');
    const key = `statement-disputes/${dispute.brandId}/${dispute.id}/${file.sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const earlier = await em.findOne(DisputeAttachment, {
        where: { disputeId: dispute.id, fileSha256: file.sha256 },
      });
      if (earlier) return earlier;
      const name = keptFileName(fileName, 'evidence');
      const saved = await em.save(
        em.create(DisputeAttachment, {
          brandId: dispute.brandId,
          disputeId: dispute.id,
          fileKey: key,
          fileName: name,
          fileMime: file.mime,
          fileSize: data.length,
          fileSha256: file.sha256,
          uploadedBy: scope.userId,
        }),
      );
      await audit(em, scope, 'ATTACH_DISPUTE_FILE', 'statement_dispute', dispute.id, {
        attachmentId: saved.id,
        fileName: name,
        size: data.length,
        sha256: file.sha256,
      });
      return saved;
    });
  }

  /** One attachment's bytes, for a viewer who may read its statement; anyone else: NOT_FOUND. */
  async read(scope: Scope, id: string): Promise<StoredFile> {
    const visible = this.visibleDisputes(scope, 'a.dispute_id');
    const found = isUuid(id)
      ? await this.ds
          .getRepository(DisputeAttachment)
          .createQueryBuilder('a')
          .addSelect('a.fileKey')
          .where('a.id = :id', { id })
          .andWhere(visible.sql, visible.params)
          .getOne()
      : null;
    if (!found) throw notFound('Attachment');
    return new StoredFile(this.storage, found.fileKey, found.fileName, found.fileMime, found.fileSize);
  }
}
