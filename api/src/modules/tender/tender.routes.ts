import { Router } from 'express';
import { rolesFor } from '@medchannel/shared-schema';
import { scopeOfRequest, sendDownload, sendError } from '../../common/rest';
import { authorizationLetterPdf, letterFileName } from '../qualification';
import type { TenderRouteServices } from './index';

/** A tender letter (授权书) as a PDF: whoever sees its tender; the same session and audience as /graphql. */
export function tenderRoutes(services: TenderRouteServices): Router {
  const router = Router();
  router.get('/tender-letters/:id/letter.pdf', async (req, res) => {
    try {
      const letter = await services.tenderLetters.document(
        await scopeOfRequest(services, req, rolesFor('tender.read')),
        String(req.params.id),
      );
      sendDownload(res, letterFileName(letter), 'application/pdf', await authorizationLetterPdf(letter));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
