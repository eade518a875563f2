import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { scopeOfRequest, sendDownload, sendError, XLSX_TYPE } from '../../common/rest';
import { checkExportSize, listFilterOf, type ParamSpec } from '../../common/export-query';
import { writeSheet, type SheetColumn } from '../import';
import type { AuditRouteServices } from './index';
import { AuditFilter } from './audit.types';
import type { AuditExportRow } from './audit.service';

type Column = 'createdAt' | 'side' | 'actor' | 'action' | 'entity' | 'entityId' | 'distributor' | 'changes';
const COLUMNS: readonly SheetColumn<Column>[] = [
  { key: 'createdAt', header: '时间 Time', width: 22 },
  { key: 'side', header: '来自 Side', width: 10 },
  { key: 'actor', header: '操作人 Person', width: 14 },
  { key: 'action', header: '操作 Action', width: 24 },
  { key: 'entity', header: '记录类型 Record', width: 14 },
  { key: 'entityId', header: '记录 Record id', width: 38 },
  { key: 'distributor', header: '经销商 Distributor', width: 28 },
  { key: 'changes', header: '变更 Changes (before → after)', width: 60 },
];

/** A moment as China's wall clock, the way the screens show it. */
const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

function auditWorkbook(rows: AuditExportRow[]): Promise<Buffer> {
  return writeSheet(
    '审计日志 Audit log',
    COLUMNS,
    rows.map((r) => ({
      createdAt: chinaTime(r.createdAt),
      side: r.side === 'BRAND' ? '品牌方 Brand' : '经销商 Partner',
      actor: r.actorName ?? '',
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      distributor: r.distributorName ?? '',
      changes: r.changes.map((c) => `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('\n'),
    })),
  );
}

/** The audit screen's URL filters (AuditFilters.tsx), as its list's AuditFilter. */
const AUDIT_PARAMS: Record<string, ParamSpec<AuditFilter>> = {
  person: { field: 'actorId' },
  kind: { field: 'entity' },
  record: { field: 'entityId' },
  distributor: { field: 'distributorId' },
  from: { field: 'from', kind: 'date' },
  to: { field: 'to', kind: 'date' },
};

/** The audit trail as a spreadsheet, with the list's filters, for whoever may read it (the scope decides, as in GraphQL). */
export function auditRoutes(services: AuditRouteServices): Router {
  const router = Router();
  router.get('/exports/audit.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('audit.read'));
      const filter = await listFilterOf(req.query as Record<string, unknown>, AuditFilter, AUDIT_PARAMS);
      // one more than the limit: a longer trail is refused, never cut
      const rows = await services.replica.read(() =>
        services.audit.exportRows(scope, filter, services.maxExportRows + 1),
      );
      checkExportSize(rows.length, services.maxExportRows);
      sendDownload(res, '审计日志.xlsx', XLSX_TYPE, await auditWorkbook(rows));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
