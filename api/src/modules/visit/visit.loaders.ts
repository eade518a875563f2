import type { Scope } from '../../auth/scope';
import type { VisitServices } from './index';
import { byId, groupedBy } from '../../common/loaders';
import { User } from '../user';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitNoteCc, VisitTask } from './visit-note.entity';

/** The visit module's per-request loaders, keyed inside the viewer's scope like every other loader. */
export function createVisitLoaders(services: VisitServices, scope: Scope) {
  return {
    visitPersonById: byId<User>((ids) => services.visitNotes.people(scope, ids)),
    coVisitById: byId<CoVisit>((ids) => services.coVisitQueries.byIds(scope, ids)),
    slotsByCoVisitId: groupedBy<CoVisitSlot>(
      (ids) => services.coVisitQueries.slotsByCoVisitIds(scope, ids),
      (s) => s.coVisitId,
    ),
    participantsByCoVisitId: groupedBy<CoVisitParticipant>(
      (ids) => services.coVisitQueries.participantsByCoVisitIds(scope, ids),
      (p) => p.coVisitId,
    ),
    visitNoteById: byId<VisitNote>((ids) => services.visitNotes.byIds(scope, ids)),
    visitNotesByHospitalId: groupedBy<VisitNote>(
      (ids) => services.visitNotes.byHospitalIds(scope, ids),
      (n) => n.hospitalId,
    ),
    visitNotesByCoVisitId: groupedBy<VisitNote>(
      (ids) => services.visitNotes.byCoVisitIds(scope, ids),
      (n) => n.coVisitId,
    ),
    ccByNoteId: groupedBy<VisitNoteCc>(
      (ids) => services.visitNotes.ccByNoteIds(scope, ids),
      (c) => c.noteId,
    ),
    tasksByNoteId: groupedBy<VisitTask>(
      (ids) => services.visitNotes.tasksByNoteIds(scope, ids),
      (t) => t.noteId,
    ),
    commentsByNoteId: groupedBy<VisitComment>(
      (ids) => services.visitNotes.commentsByNoteIds(scope, ids),
      (c) => c.noteId,
    ),
    commitmentsByNoteId: groupedBy<VisitCommitment>(
      (ids) => services.commitments.byNoteIds(scope, ids),
      (c) => c.noteId,
    ),
    attachmentsByNoteId: groupedBy<VisitAttachment>(
      (ids) => services.visitAttachments.byNoteIds(scope, ids),
      (a) => a.noteId,
    ),
  };
}
