import { seedVisits } from '../../db/seed/visit-data';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitNoteCc, VisitTask } from './visit-note.entity';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { NotificationServices } from '../notification';
import type { HospitalServices } from '../hospital';
import type { DistributorServices } from '../distributor';
import { CommitmentService } from './commitment.service';
import { CoVisitParticipantResolver, CoVisitResolver, CoVisitSlotResolver } from './co-visit.resolver';
import { CoVisitService } from './co-visit.service';
import { CoVisitQueryService } from './co-visit-query.service';
import { VisitAttachmentService } from './visit-attachment.service';
import { visitFileRoutes } from './visit.files';
import { createVisitLoaders } from './visit.loaders';
import { VisitNoteResolver } from './visit-note.resolver';
import { VisitNoteService } from './visit-note.service';
import { VisitNoteWritingService } from './visit-note-writing.service';
import {
  HospitalVisitNotesResolver,
  VisitAttachmentResolver,
  VisitCommentResolver,
  VisitCommitmentResolver,
  VisitTaskResolver,
} from './visit-parts.resolver';

// (hospitals and distributors: read by the co-visit calendar route)
function visitServices({ ds, storage }: ModuleCore, d: NotificationServices & HospitalServices & DistributorServices) {
  const coVisitQueries = new CoVisitQueryService(ds);
  const visitNotes = new VisitNoteService(ds, d.notifications);
  return {
    coVisitQueries,
    coVisits: new CoVisitService(ds, coVisitQueries, d.notifications),
    visitNotes,
    visitNoteWriting: new VisitNoteWritingService(ds, visitNotes, d.notifications),
    commitments: new CommitmentService(ds, d.notifications),
    visitAttachments: new VisitAttachmentService(ds, storage),
  };
}
export type VisitServices = ReturnType<typeof visitServices>;
/** What the attachment and calendar routes use. */
export type VisitRouteServices = VisitServices & HospitalServices & DistributorServices & CoreServices;

export const visitModule = defineModule({
  name: 'visit',
  entities: () => [
    CoVisit,
    CoVisitSlot,
    CoVisitParticipant,
    VisitNote,
    VisitNoteCc,
    VisitTask,
    VisitCommitment,
    VisitComment,
    VisitAttachment,
  ],
  services: visitServices,
  loaders: createVisitLoaders,
  resolvers: () => [
    CoVisitResolver,
    CoVisitSlotResolver,
    CoVisitParticipantResolver,
    VisitNoteResolver,
    VisitTaskResolver,
    VisitCommitmentResolver,
    VisitCommentResolver,
    VisitAttachmentResolver,
    HospitalVisitNotesResolver,
  ],
  routes: (services) => visitFileRoutes(services),
  seed: (em, cal) => seedVisits(em, cal),
});
export * from './co-visit.entity';
export { CoVisitConnection, VisitNoteType, VisitTaskConnection } from './visit.types';
export * from './visit-note.entity';
// the visit notes' tree pieces, for a list that reads notes under its rows (the hospitals list)
export {
  primeVisitNotePage,
  visitNotePageParts,
  visitNotePageTree,
  type VisitNoteNode,
  type VisitNotePageParts,
} from './visit-note-page';
