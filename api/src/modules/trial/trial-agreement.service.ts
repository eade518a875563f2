import { DataSource } from 'typeorm';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import { Trial, TrialEvent } from './trial.entity';
import { TrialService } from './trial.service';

/**
 * The signed trial agreement: kept in the file storage the way a qualification's scan is (checked by
 * its content, keyed by its hash), on the trial's row; a new upload replaces it and is an event.
 */
export class TrialAgreementService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly trials: TrialService,
  ) {}

  async attach(scope: Scope, id: string, fileName: string, data: Buffer): Promise<Trial> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A document may be at most 10 MB',
      unsupported: 'Upload a PDF, JPEG or PNG',
    });
    const existing = await this.trials.get(scope, id);
    const key = `trials/${existing.brandId}/${existing.id}/${file.sha256}`;
    await this.storage.put(key, data);
    await this.ds.transaction(async (em) => {
      const trial = await this.trials
        .scoped(scope, em)
        .andWhere('t.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!trial) throw notFound('Trial');
      const name = keptFileName(fileName, 'agreement');
      await em.update(
        Trial,
        { id: trial.id },
        {
          agreementKey: key,
          agreementName: name,
          agreementMime: file.mime,
          agreementSize: file.size,
          agreementSha256: file.sha256,
          version: trial.version + 1,
        },
      );
      await em.insert(TrialEvent, {
        brandId: scope.brandId,
        trialId: trial.id,
        kind: 'AGREEMENT',
        plannedTo: null,
        note: name,
        actorId: scope.userId,
      });
      await audit(em, scope, 'ATTACH_FILE', 'trial', trial.id, {
        fileName: name,
        size: file.size,
        sha256: file.sha256,
      });
    });
    return this.trials.get(scope, id);
  }

  /** The stored agreement, for someone who sees the trial. */
  async read(scope: Scope, id: string): Promise<StoredFile> {
    const t = isUuid(id)
      ? await this.trials.scoped(scope).addSelect('t.agreementKey').andWhere('t.id = :id', { id }).getOne()
      : null;
    if (!t?.agreementKey) throw notFound('Document');
    const mime = t.agreementMime ?? 'application/octet-stream';
    return new StoredFile(this.storage, t.agreementKey, t.agreementName ?? 'agreement', mime, t.agreementSize);
  }
}
