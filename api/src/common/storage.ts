import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { AppError } from './errors';

/** Where uploaded files live. Local disk by default; an object store fits behind the same two calls. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

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

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
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
