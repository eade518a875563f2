import { ErrorReason } from '@medchannel/shared-schema';
import { AppError, ErrorCode } from './errors';

/** Optimistic locking: an edit names the version it saw; a newer one answers CONFLICT and changes nothing. */
export function assertVersion(record: { version: number }, expectedVersion: number, what: string): void {
  if (record.version !== expectedVersion) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `Someone else changed this ${what}; reload and try again`,
      'expectedVersion',
      ErrorReason.STALE_VERSION,
    );
  }
}
