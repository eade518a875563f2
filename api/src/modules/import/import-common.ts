import { DataSource } from 'typeorm';
import { Scope } from '../../auth/scope';
import { RowError } from './import.entity';

/** Rows per multi-row INSERT. */
export const CHUNK = 500;

export interface Preview {
  errors: RowError[];
  totalRows: number;
  payload: unknown;
  summary: Record<string, number>;
}

/** The brand's region codes → ids. */
export async function regionCodes(ds: DataSource, scope: Scope): Promise<Map<string, string>> {
  const regions: Array<{ id: string; code: string }> = await ds.query(`SELECT id, code FROM region WHERE brand_id = $1`, [scope.brandId]);
  return new Map(regions.map((r) => [r.code, r.id]));
}

/** A brand user imports into their own regions only (an admin anywhere). */
export { coversRegion as regionMayBeUsed } from '../../auth/scope';
