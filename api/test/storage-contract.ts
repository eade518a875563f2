import { Readable } from 'node:stream';
import { ErrorCode } from '@medchannel/shared-schema';
import type { FileStorage } from '../src/common/storage';

/** A backend under test, and how to let go of it. */
export interface StorageUnderTest {
  storage: FileStorage;
  stop(): Promise<void>;
}

async function bytesOf(body: Readable): Promise<{ data: Buffer; chunks: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return { data: Buffer.concat(chunks), chunks: chunks.length };
}

/** The missing key's answer: the same coded error from every backend. */
const MISSING = { extensions: { code: ErrorCode.NOT_FOUND }, message: 'File not found' };

/**
 * What every FileStorage backend must do, written once: storage.test.ts runs it against the local
 * directory and against an S3-compatible server.
 */
export function fileStorageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`FileStorage contract: ${name}`, () => {
    let under: StorageUnderTest;
    let storage: FileStorage;
    beforeAll(async () => {
      under = await open();
      storage = under.storage;
    });
    afterAll(() => under.stop());

    test('what is put is got back as a stream, read in pieces, with its size', async () => {
      // 1 MB of varied bytes: a stream hands it over in more than one piece, a buffered read in one
      const data = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
      await storage.put('contract/big.bin', data);
      const got = await storage.get('contract/big.bin');
      expect(got.body).toBeInstanceOf(Readable);
      expect(got.size).toBe(data.length);
      const read = await bytesOf(got.body);
      expect(read.chunks).toBeGreaterThan(1);
      expect(read.data.equals(data)).toBe(true);
      expect(await storage.head('contract/big.bin')).toEqual({ size: data.length });
    });

    test('a second put replaces the first', async () => {
      await storage.put('contract/again.txt', Buffer.from('first version'));
      await storage.put('contract/again.txt', Buffer.from('second'));
      const got = await storage.get('contract/again.txt');
      expect((await bytesOf(got.body)).data.toString()).toBe('second');
      expect(got.size).toBe(6);
    });

    test('a key with Chinese file names and spaces is kept and found under exactly that key', async () => {
      const key = 'qualifications/品牌/医疗器械经营许可证 副本（2024）.pdf';
      const data = Buffer.from('%PDF-1.4 许可证', 'utf8');
      await storage.put(key, data);
      expect(await storage.head(key)).toEqual({ size: data.length });
      expect((await bytesOf((await storage.get(key)).body)).data.equals(data)).toBe(true);
      // a near name is another key
      await expect(storage.head('qualifications/品牌/医疗器械经营许可证 副本(2024).pdf')).rejects.toMatchObject(
        MISSING,
      );
    });

    test('a key not stored answers NOT_FOUND from get and head alike', async () => {
      await expect(storage.get('contract/never-put.pdf')).rejects.toMatchObject(MISSING);
      await expect(storage.head('contract/never-put.pdf')).rejects.toMatchObject(MISSING);
    });

    test('delete forgets the key; deleting it again is no error', async () => {
      await storage.put('contract/gone.png', Buffer.from('png bytes'));
      await storage.delete('contract/gone.png');
      await expect(storage.get('contract/gone.png')).rejects.toMatchObject(MISSING);
      await expect(storage.head('contract/gone.png')).rejects.toMatchObject(MISSING);
      await expect(storage.delete('contract/gone.png')).resolves.toBeUndefined();
    });
  });
}
