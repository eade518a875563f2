import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileStorageContract } from '../../test/storage-contract';
import { startTestS3 } from '../../test/s3-server';
import { S3Storage } from './s3-storage';
import { LocalDiskStorage, StoredFile } from './storage';

fileStorageContract('local directory', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-storage-'));
  return { storage: new LocalDiskStorage(root), stop: async () => fs.rmSync(root, { recursive: true, force: true }) };
});

fileStorageContract('S3-compatible (s3rver)', async () => {
  const s3 = await startTestS3();
  const storage = new S3Storage(s3.settings);
  return {
    storage,
    async stop() {
      storage.close();
      await s3.stop();
    },
  };
});

describe('pre-signed URLs', () => {
  test('the local directory never has one: its files stream through the API', async () => {
    const file = new StoredFile(new LocalDiskStorage(os.tmpdir()), 'any', 'a.pdf', 'application/pdf', 50_000_000);
    expect(await file.directUrl()).toBeNull();
  });

  test('the object store signs one for a file above the limit, which serves its bytes under its name and type', async () => {
    const s3 = await startTestS3({ presignAboveBytes: 10, presignSeconds: 60 });
    const storage = new S3Storage(s3.settings);
    try {
      await storage.put('scans/营业执照.pdf', Buffer.from('%PDF-1.4 a scan'));
      const small = new StoredFile(storage, 'scans/营业执照.pdf', '营业执照.pdf', 'application/pdf', 10);
      expect(await small.directUrl()).toBeNull();
      const large = new StoredFile(storage, 'scans/营业执照.pdf', '营业执照.pdf', 'application/pdf', 15);
      const url = await large.directUrl();
      expect(url).toMatch(/X-Amz-Signature=/);
      expect(url).toMatch(/X-Amz-Expires=60/);
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `inline; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`,
      );
      expect(await res.text()).toBe('%PDF-1.4 a scan');
    } finally {
      storage.close();
      await s3.stop();
    }
  });
});
