import { DataSource, QueryFailedError } from 'typeorm';
import { ErrorReason, Side } from '@medchannel/shared-schema';
import { StocktakeStatus } from './placement.enums';
import { Scope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { FileStorage, StoredFile, checkUpload, keptFileName } from '../../common/storage';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import { StocktakeItem } from './placement.entity';
import { rawQuery } from '../../common/raw-page';

export const stocktakeClosed = () =>
  new AppError(ErrorCode.CONFLICT, 'The stocktake is closed', 'campaignId', ErrorReason.STOCKTAKE_CLOSED);

/** The database's refusal of a write into a closed campaign (migration's trigger), as the coded error. */
export const closedByDatabase = (err: unknown): boolean =>
  err instanceof QueryFailedError && /stocktake .* is closed/.test(err.message);

/** The photos of stocktake items: written by the item's distributor while its campaign is open, read by whoever sees the item. */
export class StocktakePhotoService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
  ) {}

  /** The item whose photo is written (its campaign still open) or read. */
  private async target(scope: Scope, id: string, writing: boolean) {
    const owned = scopeCondition(scope, 'placement', 'i');
    const [found] = isUuid(id)
      ? await rawQuery<{
          id: string;
          brandId: string;
          status: StocktakeStatus;
          key: string | null;
          mime: string | null;
          name: string | null;
          size: number | null;
        }>(
          this.ds,
          `SELECT i.id, i.brand_id AS "brandId", c.status, i.photo_key AS key, i.photo_mime AS mime, i.photo_name AS name, i.photo_size AS size
             FROM stocktake_item i JOIN stocktake_campaign c ON c.id = i.campaign_id WHERE i.id = :id AND ${owned.sql}`,
          { ...owned.params, id },
        )
      : [];
    if (!found || (writing && scope.side !== Side.PARTNER)) throw notFound('Stocktake item');
    if (writing && found.status === StocktakeStatus.CLOSED) throw stocktakeClosed();
    return found;
  }

  /**
   * The photo of an instrument confirmed (a JPEG or PNG by its content, at most 10 MB), stored under
   * its hash before the row names it, so a failed write leaves at most an unreferenced file; a new
   * photo replaces the old while the campaign is open. Answers the item's id.
   */
  async attach(scope: Scope, id: string, fileName: string, data: Buffer): Promise<string> {
    const file = checkUpload(data, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A photo may be at most 10 MB',
      unsupported: 'Upload a photo (JPEG, PNG)',
    });
    if (!file.mime.startsWith('image/'))
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        'Upload a photo (JPEG, PNG)',
        'file',
        ErrorReason.UNSUPPORTED_FILE_TYPE,
      );
    const item = await this.target(scope, id, true);
    const key = `stocktake/${item.brandId}/${item.id}/${file.sha256}`;
    await this.storage.put(key, data);
    const name = keptFileName(fileName, 'photo');
    try {
      await this.ds.transaction(async (em) => {
        await em.update(
          StocktakeItem,
          { id: item.id },
          { photoKey: key, photoName: name, photoMime: file.mime, photoSize: file.size, photoSha256: file.sha256 },
        );
        await audit(em, scope, 'ATTACH_FILE', 'stocktake_item', item.id, {
          fileName: name,
          size: file.size,
          sha256: file.sha256,
        });
      });
    } catch (err) {
      if (closedByDatabase(err)) throw stocktakeClosed();
      throw err;
    }
    return item.id;
  }

  async read(scope: Scope, id: string): Promise<StoredFile> {
    const item = await this.target(scope, id, false);
    if (!item.key) throw notFound('Photo');
    const mime = item.mime ?? 'application/octet-stream';
    return new StoredFile(this.storage, item.key, item.name ?? 'photo', mime, item.size);
  }
}
