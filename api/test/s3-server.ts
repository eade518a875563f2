import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../src/config';

export interface TestS3 {
  /** What S3_* would say for this server (path-style, its one bucket). */
  settings: S3Settings;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server in the test process (s3rver, objects in a temporary directory) on a free
 * port of this machine, with one bucket: what the S3 storage tests run against, with nothing else to start.
 */
export async function startTestS3(overrides: Partial<S3Settings> = {}): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-s3rver-'));
  const bucket = 'medchannel-files';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      // s3rver's own account
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      presignSeconds: 300,
      ...overrides,
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
