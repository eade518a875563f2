import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { inlineFileRoute, rawUpload, sendError, uploadedFile, uploadScope } from '../../common/rest';
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
  router.get(
    '/stocktake-items/:id/photo',
    inlineFileRoute(services, (scope, id) => services.stocktakes.readPhoto(scope, id), rolesFor('stocktake.read')),
  );
  return router;
}
