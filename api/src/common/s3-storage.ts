import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Settings } from '../config';
import { type FileStorage, type StoredObject, fileMissing, inlineDisposition } from './storage';

/** A 404 from the store for an object (not, say, a bucket that is missing: that stays a server error). */
function isMissing(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || (err.name === 'NotFound' && err.$metadata.httpStatusCode === 404))
  );
}

/**
 * Files in an S3-compatible object store (AWS S3, MinIO, Ceph, OSS/COS in S3 mode): one bucket,
 * the same keys as the local directory. Downloads stream from the store's response; a file larger
 * than `presignAboveBytes` may instead be fetched by the client from a pre-signed URL.
 */
export class S3Storage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      forcePathStyle: settings.forcePathStyle,
      // checksums only where the operation needs one: S3-compatible stores differ in what they accept
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    // one PUT: the object appears whole or not at all
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: data, ContentLength: data.length }),
    );
  }

  async get(key: string): Promise<StoredObject> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      // in Node the body is the HTTP response itself (an IncomingMessage): read as it is sent on
      return { body: answer.Body as Readable, size: answer.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) throw fileMissing();
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number }> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return { size: answer.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) throw fileMissing();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  async directUrl(key: string, file: { name: string; mime: string; size: number }): Promise<string | null> {
    const above = this.settings.presignAboveBytes;
    if (above === undefined || file.size <= above) return null;
    const command = new GetObjectCommand({
      Bucket: this.settings.bucket,
      Key: key,
      // the store answers with the headers the API would have sent
      ResponseContentType: file.mime,
      ResponseContentDisposition: inlineDisposition(file.name),
      ResponseCacheControl: 'private, no-store',
    });
    return getSignedUrl(this.client, command, { expiresIn: this.settings.presignSeconds });
  }

  /** Lets go of the client's connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
