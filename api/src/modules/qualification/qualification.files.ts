import { Request, Router } from 'express';
import { Role } from '@medchannel/shared-schema';
import { rawUpload, scopeOfRequest, sendDownload, sendError, sendInline, uploadScope, uploadedFile } from '../../common/rest';
import type { Services } from '../../schema/services';
import { MAX_DOCUMENT_BYTES } from './qualification.service';

const UPLOADERS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.OWNER];

/**
 * Documents travel as plain HTTP bodies (not GraphQL multipart): PUT the bytes, GET them back.
 * The same session cookie and audience header as /graphql; the same scope decides.
 */
export function qualificationFileRoutes(services: Services): Router {
  const router = Router();
  const viewer = (req: Request, roles?: Role[]) => scopeOfRequest(services, req, roles);

  router.put('/qualifications/:id', ...rawUpload(services, { maxBytes: MAX_DOCUMENT_BYTES, tooLarge: 'A document may be at most 10 MB', roles: UPLOADERS }), async (req, res) => {
    try {
      const scope = uploadScope(res);
      const { name, data } = uploadedFile(req);
      const q = await services.qualifications.attachFile(scope, String(req.params.id), name, data);
      res.json({ id: q.id, fileName: q.fileName, fileMime: q.fileMime, fileSize: q.fileSize });
    } catch (err) {
      sendError(res, err);
    }
  });

  /** The pack a hospital asks a distributor for (licences, authorization letters, registration list). */
  router.get('/packs/:distributorId.zip', async (req, res) => {
    try {
      const pack = await services.qualificationPacks.build(await viewer(req), String(req.params.distributorId));
      sendDownload(res, pack.fileName, 'application/zip', pack.data);
    } catch (err) {
      sendError(res, err);
    }
  });

  router.get('/qualifications/:id', async (req, res) => {
    try {
      sendInline(res, await services.qualifications.readFile(await viewer(req), String(req.params.id)));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
