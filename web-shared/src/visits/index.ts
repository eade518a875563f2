// Visits, as both apps show them: co-visit statuses, commitment kinds and statuses, note
// visibility, the two sides, and the NOT_A_PARTICIPANT reason. Loaded with visit screens only,
// never in the first load. An app's visit screens call addVisitStrings() (once) before they
// render visit words; the tags call it themselves.
export { addVisitStrings } from './strings';
export { CommitmentKindTag, CommitmentStatusTag, CoVisitStatusTag, NoteVisibilityTag } from './VisitTags';
export { OverlapDeclined, useOverlapConfirm } from './useOverlapConfirm';
export { AddToCalendar } from './AddToCalendar';
