// Training, as both apps show it: course kinds, version and enrollment statuses, question and
// material kinds, dashboard groupings, certificate states, and the training error reasons.
// Loaded with training screens only, never in the first load. An app's training screens call
// addTrainingStrings() (once) before they render training words.
export { addTrainingStrings } from './strings';
export { CertificateDownload } from './CertificateDownload';
export { CertificateStateTag, CourseKindTag, CourseVersionStatusTag, EnrollmentStatusTag } from './TrainingTags';
export { uncertifiedLines, type UncertifiedLine } from './errors';
