import { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Role, Side } from '@medchannel/shared-schema';
import { scopeCondition, type ScopedResource } from './scope-conditions';

// The rules per kind of record live in scope-conditions.ts; callers import them from here.
export { scopeCondition, seesAccounts, type ScopeCondition, type ScopedResource } from './scope-conditions';

interface ScopeBase {
  brandId: string;
  userId: string;
  role: Role;
}

/** A brand user sees what lies in their regions (ADMIN: the whole brand) and the distributors they manage. */
interface BrandScope extends ScopeBase {
  side: Side.BRAND;
  allRegions: boolean;
  /** Their regions with every city under a province, expanded once per request. */
  regionIds: string[];
}

/** A partner user sees their own distributor; an OWNER also its second tier. */
interface PartnerScope extends ScopeBase {
  side: Side.PARTNER;
  distributorId: string;
  distributorIds: string[];
  /** May see the account (invoices, payments, statements): an owner always, a rep when the owner grants it. */
  financeAccess: boolean;
}

export type Scope = BrandScope | PartnerScope;

type ScopeUser = { id: string; brandId: string; role: Role; side: Side; distributorId: string | null };

/** What a scope needs beyond the user row, as SCOPE_COLUMNS answers it. */
export interface ScopeRow {
  finance_access: boolean;
  /** an owner: its distributor and the second tier under it */
  scope_distributor_ids: string[] | null;
  /** a brand user other than the admin: their regions with every city under a province */
  scope_region_ids: string[] | null;
}

/**
 * Columns of a query over app_user aliased `u` that answer everything a scope needs, so the
 * session lookup builds the scope in the same statement.
 */
export const SCOPE_COLUMNS = `u.finance_access,
  CASE WHEN u.side = '${Side.PARTNER}' AND u.role = '${Role.OWNER}' THEN ARRAY(
    SELECT id FROM distributor WHERE brand_id = u.brand_id AND (id = u.distributor_id OR parent_id = u.distributor_id))::text[] END AS scope_distributor_ids,
  CASE WHEN u.side = '${Side.BRAND}' AND u.role <> '${Role.ADMIN}' THEN ARRAY(
    SELECT r.id FROM region r
     WHERE r.brand_id = u.brand_id
       AND (r.id IN (SELECT region_id FROM user_region WHERE user_id = u.id)
         OR r.parent_id IN (SELECT region_id FROM user_region WHERE user_id = u.id)))::text[] END AS scope_region_ids`;

/** The scope of a user from SCOPE_COLUMNS' answer (a brand admin needs none). */
export function scopeOf(user: ScopeUser, row: ScopeRow | undefined): Scope {
  const base = { brandId: user.brandId, userId: user.id, role: user.role };
  if (user.side === Side.PARTNER) {
    const distributorId = user.distributorId!;
    const owner = user.role === Role.OWNER;
    return {
      ...base,
      side: Side.PARTNER,
      distributorId,
      distributorIds: owner ? (row?.scope_distributor_ids ?? []) : [distributorId],
      financeAccess: owner || Boolean(row?.finance_access),
    };
  }
  if (user.role === Role.ADMIN) return { ...base, side: Side.BRAND, allRegions: true, regionIds: [] };
  return { ...base, side: Side.BRAND, allRegions: false, regionIds: row?.scope_region_ids ?? [] };
}

export async function buildScope(em: EntityManager, user: ScopeUser): Promise<Scope> {
  if (user.side === Side.BRAND && user.role === Role.ADMIN) return scopeOf(user, undefined);
  const [row] = await em.query(`SELECT ${SCOPE_COLUMNS} FROM app_user u WHERE u.id = $1`, [user.id]);
  return scopeOf(user, row);
}

export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: Scope,
  resource: ScopedResource,
  alias: string = qb.alias,
  subject?: string,
): SelectQueryBuilder<T> {
  const { sql, params } = scopeCondition(scope, resource, alias, subject);
  return qb.andWhere(sql, params);
}

/** Does a brand viewer cover this region (an admin covers all)? Partners cover none. */
export function coversRegion(scope: Scope, regionId: string): boolean {
  return scope.side === Side.BRAND && (scope.allRegions || scope.regionIds.includes(regionId));
}
