import { DataSource } from 'typeorm';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { notAParticipant, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import { VisitAttachment, VisitNote } from './visit-note.entity';
import { ofVisibleNotes } from './visit-note.service';

/**
 * Photos and documents of a visit, in the same file storage as qualification scans (PDF, JPEG,
 * PNG by content, at most 10 MB). The author attaches; everyone who reads the note may download.
 */
export class VisitAttachmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
  ) {}

  private visible(scope: Scope) {
    const notes = ofVisibleNotes(scope, 'a.note_id');
    return this.ds.getRepository(VisitAttachment).createQueryBuilder('a').where(notes.sql, notes.params);
  }

  byNoteIds(scope: Scope, ids: readonly string[]): Promise<VisitAttachment[]> {
    return this.visible(scope)
      .andWhere('a.note_id = ANY(:ids)', { ids })
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /**
   * Stores the file under a key of its own hash before the row is written, so a failed commit
   * leaves at most an unreferenced file; the same file sent again (a retry) is one attachment.
   */
  async attach(scope: Scope, noteId: string, fileName: string, data: Buffer): Promise<VisitAttachment> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A file may be at most 10 MB',
      unsupported: 'Upload a photo (JPEG, PNG) or a PDF',
    });
    const notes = ofVisibleNotes(scope, 'n.id');
    const note = isUuid(noteId)
      ? await this.ds
          .getRepository(VisitNote)
          .createQueryBuilder('n')
          .where('n.id = :noteId', { noteId })
          .andWhere(notes.sql, notes.params)
          .getOne()
      : null;
    if (!note) throw notFound('Visit note');
    if (note.authorId !== scope.userId) throw notAParticipant('note');
    const { mime, sha256 } = file;
    const key = `visit-notes/${note.brandId}/${note.id}/${sha256}`;
    await this.storage.put(key, data);
    return this.ds.transaction(async (em) => {
      const earlier = await em.findOne(VisitAttachment, { where: { noteId: note.id, fileSha256: sha256 } });
      if (earlier) return earlier;
      const name = keptFileName(fileName, 'photo');
      const saved = await em.save(
        em.create(VisitAttachment, {
          brandId: note.brandId,
          noteId: note.id,
          fileKey: key,
          fileName: name,
          fileMime: mime,
          fileSize: data.length,
          fileSha256: sha256,
          uploadedBy: scope.userId,
        }),
      );
      await audit(em, scope, 'ATTACH_VISIT_FILE', 'visit_note', note.id, {
        attachmentId: saved.id,
        fileName: name,
        size: data.length,
        sha256,
      });
      return saved;
    });
  }

  async read(scope: Scope, id: string): Promise<StoredFile> {
    const found = isUuid(id)
      ? await this.visible(scope).addSelect('a.fileKey').andWhere('a.id = :id', { id }).getOne()
      : null;
    if (!found) throw notFound('Attachment');
    return new StoredFile(this.storage, found.fileKey, found.fileName, found.fileMime, found.fileSize);
  }
}
