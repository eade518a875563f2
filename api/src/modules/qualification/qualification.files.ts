import { Request, Router } from 'express';
import { Role, rolesFor } from '@medchannel/shared-schema';
import {
  documentCheck,
  rawUpload,
  scopeOfRequest,
  sendDownload,
  sendError,
  sendInline,
  uploadScope,
  uploadedFile,
} from '../../common/rest';
import type { QualificationRouteServices } from './index';
import { authorizationLetterPdf, letterFileName } from './authorization-letter-pdf';
import { MAX_DOCUMENT_BYTES } from './qualification.service';

/**
 * Documents travel as plain HTTP bodies (not GraphQL multipart): PUT the bytes, GET them back.
 * The same session cookie and audience header as /graphql; the same scope decides.
 */
export function qualificationFileRoutes(services: QualificationRouteServices): Router {
  const router = Router();
  const viewer = (req: Request, roles?: Role[]) => scopeOfRequest(services, req, roles);

  router.put(
    '/qualifications/:id',
    ...rawUpload(services, {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLarge: 'A document may be at most 10 MB',
      roles: rolesFor('qualification.upload'),
    }),
    async (req, res) => {
      try {
        const scope = uploadScope(res);
        const { name, data } = uploadedFile(req);
        const id = String(req.params.id);
        // the id of a document, or of an owner's proposed renewal (its new scan, before the brand decides)
        const target = (await services.qualificationRenewals.exists(scope, id))
          ? services.qualificationRenewals
          : services.qualifications;
        const q = await target.attachFile(scope, id, name, data);
        res.json({ id: q.id, fileName: q.fileName, fileMime: q.fileMime, fileSize: q.fileSize });
      } catch (err) {
        sendError(res, err);
      }
    },
  );

  /** The pack a hospital asks a distributor for (licences, authorization letters, registration list). */
  router.get('/packs/:distributorId.zip', async (req, res) => {
    try {
      const pack = await services.qualificationPacks.build(await viewer(req), String(req.params.distributorId));
      sendDownload(res, pack.fileName, 'application/zip', pack.data);
    } catch (err) {
      sendError(res, err);
    }
  });

  /** One grant's authorization letter (授权书) as a PDF: whoever may see the grant. */
  router.get('/authorizations/:id/letter.pdf', async (req, res) => {
    try {
      const letter = await services.authorizationLetters.letter(await viewer(req), String(req.params.id));
      sendDownload(res, letterFileName(letter), 'application/pdf', await authorizationLetterPdf(letter));
    } catch (err) {
      sendError(res, err);
    }
  });

  // public: no session; a hospital checks a letter it was shown by its number and verification code
  router.get(
    '/verify/letters',
    documentCheck((number, code, source) => services.authorizationLetters.check(number, code, source)),
  );

  router.get('/qualifications/:id', async (req, res) => {
    try {
      const scope = await viewer(req);
      const id = String(req.params.id);
      const source = (await services.qualificationRenewals.exists(scope, id))
        ? services.qualificationRenewals
        : services.qualifications;
      await sendInline(res, await source.readFile(scope, id));
    } catch (err) {
      sendError(res, err);
    }
  });
  return router;
}
