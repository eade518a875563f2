import { Router } from 'express';
import { CoVisitStatus } from '@medchannel/shared-schema';
import {
  inlineFileRoute,
  rawUpload,
  scopeOfRequest,
  sendDownload,
  sendError,
  uploadedFile,
  uploadScope,
} from '../../common/rest';
import type { Scope } from '../../auth/scope';
import { illegal } from '../../common/errors';
import { coVisitCalendar } from './co-visit-calendar';
import type { VisitRouteServices } from './index';
import { MAX_DOCUMENT_BYTES } from '../qualification';

/** A co-visit the viewer may see, as its calendar entry: once a time is confirmed (or, cancelled, to take it off). */
async function calendarOf(services: VisitRouteServices, scope: Scope, id: string): Promise<string> {
  const visit = await services.coVisitQueries.get(scope, id);
  if (visit.status === CoVisitStatus.PROPOSED)
    throw illegal('A co-visit goes into a calendar once a time is confirmed');
  const slots = await services.coVisitQueries.slotsByCoVisitIds(scope, [visit.id]);
  const slot = slots.find((s) => s.id === visit.confirmedSlotId) ?? slots[0];
  // the hospital and the distributor as the viewer may see them (a hospital out of sight is not named)
  const [[hospital], [distributor]] = await Promise.all([
    services.hospitals.byIds(scope, [visit.hospitalId]),
    services.distributors.byIds(scope, [visit.distributorId]),
  ]);
  return coVisitCalendar({
    id: visit.id,
    status: visit.status,
    version: visit.version,
    updatedAt: visit.updatedAt,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    goal: visit.goal,
    hospital: hospital ? { name: hospital.name, address: hospital.address ?? null } : null,
    distributorName: distributor?.name ?? null,
  });
}

/** The URL a visit attachment is downloaded from (with the session cookie). */
export const visitAttachmentUrl = (id: string) => `/files/visit-attachments/${id}`;

/**
 * Visit photos travel as plain HTTP bodies like qualification scans: PUT the bytes to a note
 * (header x-file-name), GET them back; the same cookie, audience header and scope as /graphql.
 */
export function visitFileRoutes(services: VisitRouteServices): Router {
  const router = Router();
  router.put(
    '/visit-notes/:id/attachments',
    ...rawUpload(services, { maxBytes: MAX_DOCUMENT_BYTES, tooLarge: 'A file may be at most 10 MB' }),
    async (req, res) => {
      try {
        const scope = uploadScope(res);
        const { name, data } = uploadedFile(req);
        const a = await services.visitAttachments.attach(scope, String(req.params.id), name, data);
        res.json({
          id: a.id,
          fileName: a.fileName,
          fileMime: a.fileMime,
          fileSize: a.fileSize,
          url: visitAttachmentUrl(a.id),
        });
      } catch (err) {
        sendError(res, err);
      }
    },
  );
  router.get('/co-visits/:id/calendar.ics', async (req, res) => {
    try {
      const ics = await calendarOf(services, await scopeOfRequest(services, req), String(req.params.id));
      sendDownload(res, '协同拜访.ics', 'text/calendar; charset=utf-8', Buffer.from(ics, 'utf8'));
    } catch (err) {
      sendError(res, err);
    }
  });
  router.get(
    '/visit-attachments/:id',
    inlineFileRoute(services, (scope, id) => services.visitAttachments.read(scope, id)),
  );
  return router;
}
