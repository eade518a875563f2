import { EntityManager } from 'typeorm';
import { Locale, Role, Side, type NoticeEntity } from '@medchannel/shared-schema';
import { SCOPE_COLUMNS, ScopeRow, ScopedResource, scopeCondition, scopeOf } from '../../auth/scope';

/** A person a notice is for, as the channels need them. */
export interface Recipient {
  id: string;
  brandId: string;
  side: Side;
  role: Role;
  distributorId: string | null;
  displayName: string;
  locale: Locale;
}

/**
 * The record a notice is about, by its `entity`: its table and who may read it (auth/scope.ts).
 * The same records as shared-schema's map of the pages that open them (notice-links.ts).
 */
const RECORDS: Record<NoticeEntity, { table: string; resource: ScopedResource }> = {
  order: { table: 'purchase_order', resource: 'order' },
  statement: { table: 'statement', resource: 'finance' },
  course: { table: 'course', resource: 'course' },
  co_visit: { table: 'co_visit', resource: 'coVisit' },
  visit_note: { table: 'visit_note', resource: 'visitNote' },
  qualification: { table: 'qualification', resource: 'distributorOwned' },
  authorization: { table: 'authorization_grant', resource: 'distributorOwned' },
  opportunity: { table: 'opportunity', resource: 'opportunity' },
  tender: { table: 'tender', resource: 'tender' },
  product: { table: 'product', resource: 'brand' },
  /** a distributor's stock (channel inventory): whoever sees the distributor */
  distributor_stock: { table: 'distributor', resource: 'distributor' },
  /** a recall: those it reaches (auth/scope.ts `recall`) */
  recall: { table: 'recall', resource: 'recall' },
};

type Row = ScopeRow & {
  id: string;
  brand_id: string;
  side: Side;
  role: Role;
  distributor_id: string | null;
  display_name: string;
  locale: Locale;
};

/**
 * The people of `userIds` who may read the record, each through their own scope: a notice (and
 * what a channel sends of it) never reaches someone the record would answer NOT_FOUND to. Disabled
 * people and people of another brand are left out. Two statements whoever many they are: the
 * people, then the record through each one's scope.
 */
export async function recipientsWhoMayRead(
  em: EntityManager,
  brandId: string,
  userIds: string[],
  entity: string,
  entityId: string,
): Promise<Recipient[]> {
  if (!userIds.length) return [];
  const rows: Row[] = await em.query(
    `SELECT u.id, u.brand_id, u.side, u.role, u.distributor_id, u.display_name, u.locale, ${SCOPE_COLUMNS}
       FROM app_user u WHERE u.id = ANY($1) AND u.brand_id = $2 AND u.disabled_at IS NULL ORDER BY u.id`,
    [userIds, brandId],
  );
  const record = Object.hasOwn(RECORDS, entity) ? RECORDS[entity as NoticeEntity] : undefined;
  if (!record) throw new Error(`a notice about ${entity} names no record the scope knows`);
  if (!rows.length) return [];
  // one statement for everyone: each person's own scope condition, its parameters renamed apart
  const params: Record<string, unknown> = { notice_record: entityId };
  const parts = rows.map((row, i) => {
    const scope = scopeOf(
      { id: row.id, brandId: row.brand_id, role: row.role, side: row.side, distributorId: row.distributor_id },
      row,
    );
    const alias = `nr${i}`;
    const condition = scopeCondition(scope, record.resource, alias);
    let sql = condition.sql;
    for (const [name, value] of Object.entries(condition.params)) {
      sql = sql.replace(new RegExp(`:${name}\\b`, 'g'), `:${name}_${i}`);
      params[`${name}_${i}`] = value;
    }
    params[`notice_user_${i}`] = row.id;
    return `SELECT CAST(:notice_user_${i} AS uuid)::text AS id WHERE EXISTS (
      SELECT 1 FROM ${record.table} ${alias} WHERE ${alias}.id = :notice_record AND ${sql})`;
  });
  const [query, values] = em.connection.driver.escapeQueryWithParameters(parts.join('\nUNION ALL\n'), params);
  const allowed = new Set(((await em.query(query, values)) as Array<{ id: string }>).map((r) => r.id));
  const readers: Recipient[] = rows
    .filter((row) => allowed.has(row.id))
    .map((row) => ({
      id: row.id,
      brandId: row.brand_id,
      side: row.side,
      role: row.role,
      distributorId: row.distributor_id,
      displayName: row.display_name,
      locale: row.locale,
    }));
  return readers;
}
