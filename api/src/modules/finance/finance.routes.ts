import { Router } from 'express';
import { scopeOfRequest, sendDownload, sendError, XLSX_TYPE } from '../../common/rest';
import type { Services } from '../../schema/services';
import { StatementDocument, statementFileName, statementPdf, statementWorkbook } from './statement-export';
import { statementChanges } from './statement-changes';

/** A statement as PDF or Excel, for whoever may read it (the scope decides, as in GraphQL). */
export function financeRoutes(services: Services): Router {
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
    const changes = previous ? statementChanges(previous, await services.statements.linesByStatementIds(scope, [previous.id]), statement, lines) : null;
    return { statement, lines, disputes, distributorName: distributor?.name ?? '', brandName: brand?.name ?? '', changes };
  };
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
  return router;
}
