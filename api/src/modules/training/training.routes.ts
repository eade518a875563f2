import { Router } from 'express';
import { MAX_MATERIAL_BYTES, TrainingGroupBy, rolesFor } from '@medchannel/shared-schema';
import {
  documentCheck,
  inlineFileRoute,
  rawUpload,
  scopeOfRequest,
  sendDownload,
  sendError,
  uploadedFile,
  uploadScope,
  XLSX_TYPE,
} from '../../common/rest';
import { checkExportSize, listFilterOf } from '../../common/export-query';
import { COMPLETION_PARAMS, completionWorkbook } from './completion-export';
import { certificateFileName, certificatePdf } from './certificate-pdf';
import { CompletionArgs } from './training.inputs';
import type { TrainingRouteServices } from './index';

/**
 * Course material files: PUT the bytes to a course (editors), GET them back (anyone who may see the
 * course); the completion report as Excel, with the screen's filters, through the same service; a
 * certificate as a PDF (whoever may see it) and its public check by number and verification code.
 */
export function trainingFileRoutes(services: TrainingRouteServices): Router {
  const router = Router();
  router.put(
    '/courses/:id/files',
    ...rawUpload(services, {
      maxBytes: MAX_MATERIAL_BYTES,
      tooLarge: 'A material file may be at most 20 MB',
      roles: rolesFor('training.edit'),
    }),
    async (req, res) => {
      try {
        const scope = uploadScope(res);
        const { name, data } = uploadedFile(req);
        const f = await services.courses.attachFile(scope, String(req.params.id), name, data);
        res.json({ id: f.id, fileName: f.fileName, fileMime: f.fileMime, fileSize: f.fileSize });
      } catch (err) {
        sendError(res, err);
      }
    },
  );

  router.get(
    '/course-files/:id',
    inlineFileRoute(services, (scope, id) => services.courses.readFile(scope, id)),
  );
  router.get('/exports/training-completion.xlsx', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('training.report'));
      const args = await listFilterOf(req.query as Record<string, unknown>, CompletionArgs, COMPLETION_PARAMS, {
        groupBy: TrainingGroupBy.REGION,
      });
      const rows = await services.replica.read(() => services.trainingReports.completion(scope, args));
      checkExportSize(rows.length, services.maxExportRows);
      sendDownload(res, '培训完成情况.xlsx', XLSX_TYPE, await completionWorkbook(args.groupBy, rows));
    } catch (err) {
      sendError(res, err);
    }
  });
  router.get('/certificates/:id.pdf', async (req, res) => {
    try {
      const scope = await scopeOfRequest(services, req, rolesFor('training.read'));
      const doc = await services.certificateDocuments.document(scope, String(req.params.id));
      sendDownload(res, certificateFileName(doc), 'application/pdf', await certificatePdf(doc));
    } catch (err) {
      sendError(res, err);
    }
  });
  // public: no session; a hospital checks a certificate it was shown by its number and code
  router.get(
    '/verify/certificates',
    documentCheck((number, code, source) => services.certificateDocuments.check(number, code, source)),
  );
  return router;
}
