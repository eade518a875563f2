import { WordTag } from '../components/StatusTags';
import { CourseKind, CourseVersionStatus, EnrollmentStatus } from '@medchannel/shared-schema';
import { addTrainingStrings } from './strings';

addTrainingStrings();

const ENROLLMENT: Record<EnrollmentStatus, string> = {
  [EnrollmentStatus.ASSIGNED]: 'default',
  [EnrollmentStatus.IN_PROGRESS]: 'processing',
  [EnrollmentStatus.COMPLETED]: 'green',
  [EnrollmentStatus.FAILED]: 'red',
};

const VERSION: Record<CourseVersionStatus, string> = {
  [CourseVersionStatus.DRAFT]: 'gold',
  [CourseVersionStatus.PUBLISHED]: 'green',
  [CourseVersionStatus.RETIRED]: 'default',
};

const KIND: Record<CourseKind, string> = {
  [CourseKind.PRODUCT]: 'blue',
  [CourseKind.SALES]: 'purple',
};

/**
 * `enrollmentStatus.*`; `enrollmentStatus-<STATUS>` for tests. An overdue enrollment (past its due
 * date, not completed) also shows `enrollmentStatus-OVERDUE`.
 */
export function EnrollmentStatusTag({ status, overdue = false }: { status: string; overdue?: boolean }) {
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      <WordTag word="enrollmentStatus" color={ENROLLMENT[status as EnrollmentStatus]} value={status} />
      {overdue && <WordTag word="enrollmentStatus" color="red" value="OVERDUE" />}
    </span>
  );
}

/** `courseVersionStatus.*`: draft, published, retired. */
export function CourseVersionStatusTag({ status }: { status: string }) {
  return <WordTag word="courseVersionStatus" color={VERSION[status as CourseVersionStatus]} value={status} />;
}

/** `courseKind.*`: a product course (may certify) or a sales course. */
export function CourseKindTag({ kind }: { kind: string }) {
  return <WordTag word="courseKind" color={KIND[kind as CourseKind]} value={kind} />;
}

/** `certificateState.VALID|EXPIRED`, from Certificate.valid. */
export function CertificateStateTag({ valid }: { valid: boolean }) {
  return <WordTag word="certificateState" color={valid ? 'green' : 'default'} value={valid ? 'VALID' : 'EXPIRED'} />;
}
