import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import {
  inlineFileRoute,
  rawUpload,
  scopeOfRequest,
  sendDownload,
  sendError,
  uploadedFile,
  uploadScope,
  XLSX_TYPE,
} from '../../common/rest';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import { disputeAttachmentUrl } from './dispute-attachment.resolver';
import { checkExportSize, listFilterOf } from '../../common/export-query';
import { ACCOUNT_PARAMS, agingWorkbook } from './aging-export';
import { AccountFilter } from './finance.inputs';
import type { FinanceRouteServices } from './index';
import { StatementDocument, statementFileName, statementPdf, statementWorkbook } from './statement-export';
import { statementChanges } from './statement-changes';

/**
 * A statement as PDF or Excel, for whoever may read it (the scope decides, as in GraphQL); the
 * 应收 screen's aging per distributor as Excel, with its filters, through the same service.
 */
export function financeRoutes(services: FinanceRouteServices): Router {
  const router = Router();
  const load = async (scope: Awaited<ReturnType<typeof scopeOfRequest>>, id: string): Promise<StatementDocument> => {
    const statement = await services.statements.get(scope, id);
    const [lines, disputes, [distributor], [brand], versions] = await Promise.all([
      services.statements.linesByStatementIds(scope, [statement.id]),
      services.statements.disputesByStatementIds(scope, [statement.id]),
      services.distributors.byIds(scope, [statement.distributorId]),
      services.brands.byIds(scope, [statement.brandId]),
      services.statements.versionsOf(scope, [`${statement.distributorId}|${statement.period}`]),
    ]);
    const previous = versions.find((v) => v.version === statement.version - 1);
    const changes = previous
      ? statementChanges(
          previous,
          await services.statements.linesByStatementIds(scope, [previous.id]),
          statement,
          lines,
        )
      : null;
    return {
      statement,
      lines,
      disputes,
      distributorName: distributor?.name ?? '',
      brandName: brand?.name ?? '',
      changes,
    };
  };
  // evidence on a disputed line: the owner PUTs a photo or PDF (header x-file-name); the statement's readers GET it
  router.put(
    '/statement-disputes/:id/attachments',
    ...rawUpload(services, {
      roles: rolesFor('statement.answer'),
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A file may be at most 10 MB',
    }),
    async (req, res) => {
      try {
        const { name, data } = uploadedFile(req, 'evidence');
        const a = await services.disputeAttachments.attach(uploadScope(res), String(req.params.id), name, data);
        res.json({
          id: a.id,
          fileName: a.fileName,
          fileMime: a.fileMime,
          fileSize: a.fileSize,
          url: disputeAttachmentUrl(a.id),
        });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get(
    '/dispute-attachments/:id',
    inlineFileRoute(services, (scope, id) => services.disputeAttachments.read(scope, id)),
  );
  router.get('/statements/:id.pdf', async (req, res) => {
    try {
      const doc = await load(await scopeOfRequest(services, req), String(req.params.id));
      sendDownload(res, statementFileName(doc, 'pdf'), 'application/pdf', await statementPdf(doc));
    } catch (err) {
      sendError(res, err);
    }
  });
  router.get('/statements/:id.xlsx', async (req, res) => {
    try {
      const doc = await load(await scopeOfRequest(services, req), String(req.params.id));
      sendDownload(res, statementFileName(doc, 'xlsx'), XLSX_TYPE, await statementWorkbook(doc));
    } catch (err) {
      sendError(res, err);
    }
  });
  router.get('/exports/receivables-aging.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('finance.read'));
      const filter = await listFilterOf(req.query as Record<string, unknown>, AccountFilter, ACCOUNT_PARAMS);
      const limit = services.maxExportRows;
      const { nodes, distributors } = await services.replica.read(async () => {
        const { nodes, totalCount } = await services.accounts.aging(scope, filter, { first: limit });
        checkExportSize(totalCount, limit);
        return {
          nodes,
          distributors: await services.distributors.byIds(
            scope,
            nodes.map((r) => r.distributorId),
          ),
        };
      });
      sendDownload(res, '应收账龄.xlsx', XLSX_TYPE, await agingWorkbook(nodes, distributors));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
