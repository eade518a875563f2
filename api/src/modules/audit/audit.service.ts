import { DataSource, EntityManager } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { AuditLog } from '../../common/audit';
import { addDays, daysBetween } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Page, PageArgs, paginate } from '../../common/pagination';
import type { AuditChangeType, AuditFilter } from './audit.types';

/** China's midnight at the start of a calendar day. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** One row of the export: the entry with who acted and whose record it is, named as the viewer may know them. */
export interface AuditExportRow {
  createdAt: Date;
  side: Side;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  distributorName: string | null;
  changes: AuditChangeType[];
}

/**
 * The audit trail as the viewer may read it (scope 'auditEntry'): filtered by person, record,
 * distributor and days, newest first, a page at a time or as a spreadsheet.
 */
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  private filtered(scope: Scope, filter: AuditFilter = {}, em: EntityManager = this.ds.manager) {
    const qb = applyScope(em.getRepository(AuditLog).createQueryBuilder('al'), scope, 'auditEntry');
    if (filter.from && filter.to && daysBetween(filter.from, filter.to) < 0)
      throw badInput('to', 'The range ends before it starts');
    if (filter.actorId) qb.andWhere('al.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.entity) qb.andWhere('al.entity = :entity', { entity: filter.entity });
    if (filter.entityId) qb.andWhere('al.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.distributorId)
      qb.andWhere('al.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.from) qb.andWhere('al.created_at >= :from', { from: dayStart(filter.from) });
    if (filter.to) qb.andWhere('al.created_at < :to', { to: dayStart(addDays(filter.to, 1)) });
    return qb;
  }

  list(scope: Scope, page: PageArgs, filter?: AuditFilter | null): Promise<Page<AuditLog>> {
    return paginate(
      this.filtered(scope, filter ?? {}),
      page,
      [
        // milliseconds on both sides of the cursor: a JS Date has no microseconds
        { column: "date_trunc('milliseconds', al.created_at)", value: (a) => a.createdAt.toISOString() },
        { column: 'al.id', value: (a) => a.id },
      ],
      'DESC',
    );
  }

  /** The filtered trail for a spreadsheet (newest first, at most `limit` rows), in one statement: people and distributors named only where the viewer sees them. */
  async exportRows(scope: Scope, filter: AuditFilter, limit: number): Promise<AuditExportRow[]> {
    const users = scopeCondition(scope, 'user', 'xu');
    const distributors = scopeCondition(scope, 'distributor', 'xd');
    const rows: Array<AuditLog & { actorName: string | null; distributorName: string | null }> = await this.filtered(
      scope,
      filter,
    )
      .leftJoin('app_user', 'xu', `xu.id = al.actor_id AND ${users.sql}`, users.params)
      .leftJoin('distributor', 'xd', `xd.id = al.distributor_id AND ${distributors.sql}`, distributors.params)
      .select([
        'al.id AS id',
        'al.created_at AS "createdAt"',
        'al.side AS side',
        'al.action AS action',
        'al.entity AS entity',
        'al.entity_id AS "entityId"',
        'al.changes AS changes',
        'xu.display_name AS "actorName"',
        'xd.name AS "distributorName"',
      ])
      .orderBy('al.created_at', 'DESC')
      .addOrderBy('al.id', 'DESC')
      .limit(limit)
      .getRawMany();
    return rows.map((r) => ({ ...r, changes: changesOf(scope, r.changes) }));
  }
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * An entry's `changes` as before → after per field: `{ field: { from, to } }` (what diff() writes)
 * reads as such, any other value as what was stated. A partner is never shown an id the change
 * carried (a reference to a record of the brand's he may not see): the field shows it changed.
 */
export function changesOf(scope: Scope, changes: Record<string, unknown>): AuditChangeType[] {
  const hide = (v: string | null) => (scope.side === Side.PARTNER && v !== null && UUID.test(v) ? '…' : v);
  return Object.entries(changes ?? {}).map(([field, value]) => {
    const pair = value !== null && typeof value === 'object' && !Array.isArray(value) && 'to' in value;
    const { from, to } = pair ? (value as { from?: unknown; to?: unknown }) : { from: null, to: value };
    return { field, from: hide(text(from)), to: hide(text(to)) };
  });
}
