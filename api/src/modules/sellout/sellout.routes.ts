import { Router } from 'express';
import { rolesFor, type SelloutUploadKind } from '@medchannel/shared-schema';
import { rawUpload, sendError, uploadScope, uploadedFile } from '../../common/rest';
import type { SelloutRouteServices } from './index';

/** The largest file a monthly upload reads */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * POST /files/sellout-uploads?kind=SELL_OUT|STOCK&month=YYYY-MM[&distributorId=…]: the file as the
 * body (.xlsx, or CSV in UTF-8 or GBK), its name in x-file-name. Answers the upload's id and status
 * (COMMITTED when the same file was committed before); the preview is read through GraphQL.
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
  return router;
}
