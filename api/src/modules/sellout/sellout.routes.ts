import { Router } from 'express';
import { rolesFor, type SelloutUploadKind } from '@medchannel/shared-schema';
import {
  downloadHeaders,
  rawUpload,
  scopeOfRequest,
  sendError,
  uploadScope,
  uploadedFile,
  XLSX_TYPE,
} from '../../common/rest';
import { checkExportSize, listFilterOf } from '../../common/export-query';
import { logOf } from '../../common/logger';
import { SellOutFilter } from '../inventory';
import type { SelloutRouteServices } from './index';
import { SELL_OUT_PARAMS, sellOutFileName, streamSellOutWorkbook } from './sellout-export';

/** The largest file a monthly upload reads */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * POST /files/sellout-uploads?kind=SELL_OUT|STOCK&month=YYYY-MM[&distributorId=…]: the file as the
 * body (.xlsx, or CSV in UTF-8 or GBK), its name in x-file-name. Answers the upload's id and status
 * (COMMITTED when the same file was committed before); the preview is read through GraphQL.
 *
 * GET /files/exports/sell-out.xlsx: the 渠道库存 › 销售流向 list with its URL filters, in the viewer's
 * scope and order, headers in the viewer's language; streamed as it is read (sellout-export.ts).
 */
export function selloutRoutes(services: SelloutRouteServices): Router {
  const router = Router();
  router.post(
    '/sellout-uploads',
    ...rawUpload(services, {
      maxBytes: MAX_UPLOAD_BYTES,
      tooLarge: 'A monthly file may be at most 10 MB',
      roles: rolesFor('stock.record'),
    }),
    async (req, res) => {
      try {
        const q = req.query as Record<string, string | undefined>;
        const { name, data } = uploadedFile(req, 'sellout.csv');
        const upload = await services.sellout.preview(
          uploadScope(res),
          { kind: (q.kind ?? 'SELL_OUT') as SelloutUploadKind, month: q.month ?? '', distributorId: q.distributorId },
          name,
          data,
        );
        res.json({ id: upload.id, status: upload.status });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get('/exports/sell-out.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('stock.read'));
      const filter = await listFilterOf(req.query as Record<string, unknown>, SellOutFilter, SELL_OUT_PARAMS);
      const exports = services.sellOutExport;
      // the viewer's language was saved by the viewer (read on the primary); the rows come from the replica
      const locale = await exports.localeOf(scope);
      await services.replica.read(async () => {
        checkExportSize(await exports.count(scope, filter), services.maxExportRows);
        downloadHeaders(res, sellOutFileName(locale), XLSX_TYPE);
        await streamSellOutWorkbook(res, locale, exports.batches(scope, filter));
      });
    } catch (err) {
      if (!res.headersSent) return sendError(res, err);
      // part of the file is out: break the download rather than end it as if it were whole
      logOf('http').error({ err }, 'sell-out export failed while streaming');
      res.destroy(err as Error);
    }
  });
  return router;
}
