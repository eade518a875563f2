import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { rawUpload, scopeOfRequest, sendError, sendInline, uploadScope, uploadedFile } from '../../common/rest';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import type { PlacementRouteServices } from './index';

/** A stocktake item's photo as a plain HTTP body, like a visit's: PUT the bytes, GET them back. */
export function placementFileRoutes(services: PlacementRouteServices): Router {
  const router = Router();
  router.put(
    '/stocktake-items/:id/photo',
    ...rawUpload(services, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A photo may be at most 10 MB',
      roles: rolesFor('stocktake.confirm'),
    }),
    async (req, res) => {
      try {
        const { name, data } = uploadedFile(req, 'photo');
        const item = await services.stocktakes.attachPhoto(uploadScope(res), String(req.params.id), name, data);
        res.json({ id: item.id, hasPhoto: item.hasPhoto });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get('/stocktake-items/:id/photo', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('stocktake.read'));
      await sendInline(res, await services.stocktakes.readPhoto(scope, String(req.params.id)));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
