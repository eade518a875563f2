import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../auth/scope';
import { AppError } from '../../common/errors';
import { RowError } from './import.entity';

/** Rows per multi-row INSERT. */
export const CHUNK = 500;

export interface Preview {
  errors: RowError[];
  totalRows: number;
  payload: unknown;
  summary: Record<string, number>;
}

/**
 * What another user created (by `column`, the file's key) since the preview: the commit writes
 * nothing and answers why, naming the first five.
 */
export async function createdMeanwhile(
  em: EntityManager,
  scope: Scope,
  table: 'distributor' | 'hospital',
  column: 'code' | 'name',
  values: string[],
): Promise<string | null> {
  const taken: Array<{ value: string }> = await em.query(
    `SELECT ${column} AS value FROM ${table} WHERE brand_id = $1 AND ${column} = ANY($2)`,
    [scope.brandId, values],
  );
  if (!taken.length) return null;
  return `Created meanwhile: ${taken
    .slice(0, 5)
    .map((t) => t.value)
    .join(', ')}; upload again`;
}

/** Writes the rows CHUNK at a time (multi-row inserts), telling progress after each chunk. */
export async function inChunks<R>(
  rows: R[],
  write: (chunk: R[]) => Promise<void>,
  progress: (done: number, total: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await write(rows.slice(i, i + CHUNK));
    progress(Math.min(i + CHUNK, rows.length), rows.length);
  }
}

/** The brand's region codes → ids. */
export async function regionCodes(ds: DataSource, scope: Scope): Promise<Map<string, string>> {
  const regions: Array<{ id: string; code: string }> = await ds.query(
    `SELECT id, code FROM region WHERE brand_id = $1`,
    [scope.brandId],
  );
  return new Map(regions.map((r) => [r.code, r.id]));
}

/** A brand user imports into their own regions only (an admin anywhere). */
export { coversRegion as regionMayBeUsed } from '../../auth/scope';

/** A refusal while writing names the row (and rolls the whole file back). */
async function inRow<T>(row: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `Row ${row}: ${err.message}`, err.field, err.reason);
    throw err;
  }
}

/** Row by row through the same service calls as the API, in the import's one transaction: all rows or none. */
export function rowByRow<R extends { row: number }>(
  write: (em: EntityManager, scope: Scope, row: R) => Promise<unknown>,
) {
  return async (
    em: EntityManager,
    scope: Scope,
    payload: unknown,
    progress: (done: number, total: number) => void,
  ): Promise<string | null> => {
    const rows = payload as R[];
    for (const [i, r] of rows.entries()) {
      await inRow(r.row, () => write(em, scope, r));
      progress(i + 1, rows.length);
    }
    return null;
  };
}
