import { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { isUuid } from '../common/ids';
import { Scope, ScopedResource, applyScope } from './scope';

/**
 * What an id inside a mutation's input may name, and how the viewer's scope reads it: the same
 * conditions the screens read with, so a write can never reach what a read answers NOT_FOUND to.
 * (A part of a record, such as a hospital's department or an order's line, is checked against the
 * record the input names, which was read through the scope already.)
 */
interface IdKind {
  table: string;
  label: string;
  scope: ScopedResource;
}

const ID_KINDS = {
  distributor: { table: 'distributor', label: 'Distributor', scope: 'distributor' },
  hospital: { table: 'hospital', label: 'Hospital', scope: 'hospital' },
  region: { table: 'region', label: 'Region', scope: 'brand' },
  productLine: { table: 'product_line', label: 'Product line', scope: 'brand' },
  product: { table: 'product', label: 'Product', scope: 'brand' },
  user: { table: 'app_user', label: 'User', scope: 'user' },
  invoice: { table: 'invoice', label: 'Invoice', scope: 'finance' },
  opportunity: { table: 'opportunity', label: 'Opportunity', scope: 'opportunity' },
} satisfies Record<string, IdKind>;

export type IdKindName = keyof typeof ID_KINDS;

/**
 * The one answer for an id the viewer may not see: the same code and message whether the record
 * exists elsewhere or nowhere, naming the input field at most, never the id.
 */
export const notVisible = (kind: IdKindName, field?: string): AppError =>
  new AppError(ErrorCode.NOT_FOUND, `${ID_KINDS[kind].label} not found`, field);

/**
 * Resolves every id of one kind named inside an input through the viewer's scope: answers them
 * (each once, in the order given) when all are visible, else throws notVisible for the field. One
 * statement however many ids.
 */
export async function visibleIds(
  em: EntityManager,
  scope: Scope,
  kind: IdKindName,
  ids: readonly string[],
  field: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (!unique.every(isUuid)) throw notVisible(kind, field);
  const k: IdKind = ID_KINDS[kind];
  const qb = em.createQueryBuilder().select('x.id', 'id').from(k.table, 'x').where('x.id = ANY(:ids)', { ids: unique });
  applyScope(qb, scope, k.scope, 'x');
  const found: Array<{ id: string }> = await qb.getRawMany();
  if (found.length !== unique.length) throw notVisible(kind, field);
  return unique;
}

/** visibleIds for one id. */
export async function visibleId(
  em: EntityManager,
  scope: Scope,
  kind: IdKindName,
  id: string,
  field: string,
): Promise<string> {
  await visibleIds(em, scope, kind, [id], field);
  return id;
}
