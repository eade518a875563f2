import { Router } from 'express';
import { MAX_MATERIAL_BYTES, Role } from '@medchannel/shared-schema';
import { rawUpload, scopeOfRequest, sendError, sendInline, uploadScope, uploadedFile } from '../../common/rest';
import type { Services } from '../../schema/services';

const EDITORS = [Role.ADMIN, Role.TRAINER];

/** Course material files: PUT the bytes to a course (editors), GET them back (anyone who may see the course). */
export function trainingFileRoutes(services: Services): Router {
  const router = Router();
  router.put('/courses/:id/files', ...rawUpload(services, { maxBytes: MAX_MATERIAL_BYTES, tooLarge: 'A material file may be at most 20 MB', roles: EDITORS }), async (req, res) => {
    try {
      const scope = uploadScope(res);
      const { name, data } = uploadedFile(req);
      const f = await services.courses.attachFile(scope, String(req.params.id), name, data);
      res.json({ id: f.id, fileName: f.fileName, fileMime: f.fileMime, fileSize: f.fileSize });
    } catch (err) {
      sendError(res, err);
    }
  });

  router.get('/course-files/:id', async (req, res) => {
    try {
      sendInline(res, await services.courses.readFile(await scopeOfRequest(services, req), String(req.params.id)));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
