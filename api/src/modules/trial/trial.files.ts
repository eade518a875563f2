import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { inlineFileRoute, rawUpload, sendError, uploadedFile, uploadScope } from '../../common/rest';
import { MAX_DOCUMENT_BYTES } from '../qualification';
import type { TrialRouteServices } from './index';

/** The signed agreement as a plain HTTP body, like a qualification's scan: PUT the bytes, GET them back. */
export function trialFileRoutes(services: TrialRouteServices): Router {
  const router = Router();
  router.put(
    '/trials/:id/agreement',
    ...rawUpload(services, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A document may be at most 10 MB',
      roles: rolesFor('trial.manage'),
    }),
    async (req, res) => {
      try {
        const { name, data } = uploadedFile(req, 'agreement');
        const t = await services.trialAgreements.attach(uploadScope(res), String(req.params.id), name, data);
        res.json({ id: t.id, fileName: t.agreementName, fileMime: t.agreementMime, fileSize: t.agreementSize });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get(
    '/trials/:id/agreement',
    inlineFileRoute(services, (scope, id) => services.trialAgreements.read(scope, id), rolesFor('trial.read')),
  );
  return router;
}
