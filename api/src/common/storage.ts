import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import type { Config } from '../config';
import { AppError, notFound } from './errors';

/** A stored object's bytes, as a stream read as it is sent (never held whole in memory), and its size in bytes. */
export interface StoredObject {
  body: Readable;
  size: number;
}

/**
 * Where uploaded files live: the local directory (the embedded default, LocalDiskStorage) or an
 * S3-compatible object store (s3-storage.ts, when S3_* is set). Both answer a key that is not
 * stored with the same coded error (NOT_FOUND, fileMissing), and both pass storage.contract.ts.
 */
export interface FileStorage {
  /** Keeps the bytes under the key, replacing what was there; a reader never sees half of them. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes as a stream; a key not stored: fileMissing(). */
  get(key: string): Promise<StoredObject>;
  /** The stored size, without reading the bytes; a key not stored: fileMissing(). */
  head(key: string): Promise<{ size: number }>;
  /** Forgets the key; one not stored is no error. */
  delete(key: string): Promise<void>;
  /**
   * A short-lived address the client may fetch the bytes from directly (a pre-signed URL), when
   * this backend serves a file of this size that way; null: the API streams it itself.
   */
  directUrl(key: string, file: { name: string; mime: string; size: number }): Promise<string | null>;
}

/** How a stored file is shown in the browser: inline, under its (Chinese-safe) file name. */
export const inlineDisposition = (name: string) => `inline; filename*=UTF-8''${encodeURIComponent(name)}`;

/** What every backend answers for a key it does not hold. */
export const fileMissing = () => notFound('File');

export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    const target = path.resolve(this.root, key);
    if (!target.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`storage key escapes its root: ${key}`);
    return target;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.file(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // write then rename: a reader never sees half a file
    await fs.writeFile(`${target}.part`, data);
    await fs.rename(`${target}.part`, target);
  }

  async get(key: string): Promise<StoredObject> {
    const handle = await missingAsCoded(fs.open(this.file(key), 'r'));
    try {
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number }> {
    const { size } = await missingAsCoded(fs.stat(this.file(key)));
    return { size };
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  directUrl(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

async function missingAsCoded<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw fileMissing();
    throw err;
  }
}

/**
 * The configured backend: the object store when S3_* is set (its SDK loaded only then, so the
 * embedded default starts without it), else the local directory.
 */
export async function openFileStorage(config: Pick<Config, 'filesDir' | 's3'>): Promise<FileStorage> {
  if (!config.s3) return new LocalDiskStorage(config.filesDir);
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage(config.s3);
}

/**
 * A stored file a viewer may read (the service that made it checked the scope): its name and type
 * as kept, its size when the row knows it, and its bytes in the storage. Routes send it with
 * sendInline (common/rest.ts); a ZIP takes its bytes().
 */
export class StoredFile {
  constructor(
    private readonly storage: FileStorage,
    private readonly key: string,
    readonly name: string,
    readonly mime: string,
    readonly size: number | null,
  ) {}

  open(): Promise<StoredObject> {
    return this.storage.get(this.key);
  }

  /** Where a large file is fetched from directly, when the backend serves it so (see FileStorage.directUrl). */
  directUrl(): Promise<string | null> {
    if (this.size === null) return Promise.resolve(null);
    return this.storage.directUrl(this.key, { name: this.name, mime: this.mime, size: this.size });
  }

  async bytes(): Promise<Buffer> {
    const { body } = await this.open();
    return Buffer.concat((await body.toArray()) as Buffer[]);
  }
}

const SIGNATURES: Array<{ mime: string; bytes: number[] }> = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type from its first bytes, never from its name or the header the client sent. */
function sniffDocumentType(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b))?.mime ?? null;
}

export interface CheckedUpload {
  mime: string;
  sha256: string;
  size: number;
}

/**
 * What every upload must be before anything is stored: not empty, at most `maxBytes`, and a PDF,
 * JPEG or PNG by its content. Answers the type and the content hash (stored files are keyed by it).
 */
export function checkUpload(
  data: Buffer,
  limits: { maxBytes: number; tooLarge: string; unsupported: string },
): CheckedUpload {
  if (data.length === 0)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'The file is empty', 'file', ErrorReason.VALIDATION_FAILED);
  if (data.length > limits.maxBytes)
    throw new AppError(ErrorCode.BAD_USER_INPUT, limits.tooLarge, 'file', ErrorReason.FILE_TOO_LARGE);
  const mime = sniffDocumentType(data);
  if (!mime)
    throw new AppError(ErrorCode.BAD_USER_INPUT, limits.unsupported, 'file', ErrorReason.UNSUPPORTED_FILE_TYPE);
  return { mime, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
}

/** A client's file name as we keep it: no path separators, quotes or line breaks, at most 200 characters. */
export function keptFileName(fileName: string, fallback: string): string {
  return fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || fallback;
}
