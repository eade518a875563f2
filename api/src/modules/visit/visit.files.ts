import { Router } from 'express';
import { rawUpload, scopeOfRequest, sendError, sendInline, uploadScope, uploadedFile } from '../../common/rest';
import type { Services } from '../../schema/services';
import { MAX_DOCUMENT_BYTES } from '../qualification/qualification.service';

/** The URL a visit attachment is downloaded from (with the session cookie). */
export const visitAttachmentUrl = (id: string) => `/files/visit-attachments/${id}`;

/**
 * Visit photos travel as plain HTTP bodies like qualification scans: PUT the bytes to a note
 * (header x-file-name), GET them back; the same cookie, audience header and scope as /graphql.
 */
export function visitFileRoutes(services: Services): Router {
  const router = Router();
  router.put(
    '/visit-notes/:id/attachments',
    ...rawUpload(services, { maxBytes: MAX_DOCUMENT_BYTES, tooLarge: 'A file may be at most 10 MB' }),
    async (req, res) => {
      try {
        const scope = uploadScope(res);
        const { name, data } = uploadedFile(req);
        const a = await services.visitAttachments.attach(scope, String(req.params.id), name, data);
        res.json({ id: a.id, fileName: a.fileName, fileMime: a.fileMime, fileSize: a.fileSize, url: visitAttachmentUrl(a.id) });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get('/visit-attachments/:id', async (req, res) => {
    try {
      const file = await services.visitAttachments.read(await scopeOfRequest(services, req), String(req.params.id));
      sendInline(res, file);
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
