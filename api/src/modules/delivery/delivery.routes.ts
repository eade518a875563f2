import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { inlineFileRoute, rawUpload, sendError, uploadedFile, uploadScope } from '../../common/rest';
import { badInput } from '../../common/errors';
import type { DeliveryRouteServices } from './index';
import { isDeliveryFileKind } from './delivery.inputs';
import { deliveryFileUrl } from './delivery-parts.resolver';

/**
 * A milestone's files travel as plain HTTP bodies like qualification scans: PUT the bytes
 * (x-file-name, ?kind=ACCEPTANCE_DOCUMENT|PHOTO), GET them back; the same cookie and scope as /graphql.
 */
export function deliveryRoutes(services: DeliveryRouteServices): Router {
  const router = Router();
  router.put(
    '/delivery-milestones/:id/files',
    ...rawUpload(services, {
      maxBytes: 10 * 1024 * 1024,
      tooLarge: 'A file may be at most 10 MB',
      roles: rolesFor('delivery.manage'),
    }),
    async (req, res) => {
      try {
        const kind = req.query.kind;
        if (!isDeliveryFileKind(kind)) throw badInput('kind', 'Say which kind of file this is');
        const { name, data } = uploadedFile(req);
        const f = await services.delivery.attach(uploadScope(res), String(req.params.id), kind, name, data);
        res.json({ id: f.id, kind: f.kind, fileName: f.fileName, fileSize: f.fileSize, url: deliveryFileUrl(f.id) });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get(
    '/delivery-files/:id',
    inlineFileRoute(services, (scope, id) => services.delivery.readFile(scope, id), rolesFor('delivery.read')),
  );
  return router;
}
