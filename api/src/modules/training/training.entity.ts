import { Column, Entity, VersionColumn } from 'typeorm';
import { CourseKind, CourseVersionStatus, MaterialKind, QuestionKind, Role } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';
import { StoredFileEntity } from '../../common/stored-file.entity';

export interface MaterialDoc {
  kind: MaterialKind;
  title: string;
  /** TEXT: the text; VIDEO: the address; FILE: unused */
  body: string | null;
  /** FILE: a course_file id */
  fileId: string | null;
}

export interface SectionDoc {
  id: string;
  title: string;
  materials: MaterialDoc[];
}

export interface OptionDoc {
  id: string;
  text: string;
  correct: boolean;
}

export interface QuestionDoc {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: OptionDoc[];
}

/**
 * A course's identity. Its face (title, kind, product lines) is that of the published version,
 * or of the first draft until one is published; what is taught lives in the versions.
 */
@Entity('course')
export class Course extends TenantEntity {
  @Column({ type: 'varchar', length: 16 })
  kind: CourseKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'product_line_ids', type: 'uuid', array: true, default: '{}' })
  productLineIds: string[];

  @Column({ name: 'published_version', type: 'integer', nullable: true })
  publishedVersion: number | null;

  @Column({ name: 'draft_version', type: 'integer', nullable: true })
  draftVersion: number | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @VersionColumn()
  version: number;
}

/** One version of a course's content. DRAFT rows are edited in place; published ones never change. */
@Entity('course_version')
export class CourseVersion extends TenantEntity {
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 12 })
  status: CourseVersionStatus;

  @Column({ type: 'varchar', length: 16 })
  kind: CourseKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ name: 'product_line_ids', type: 'uuid', array: true, default: '{}' })
  productLineIds: string[];

  /** percent of questions right needed to pass */
  @Column({ name: 'pass_score', type: 'integer' })
  passScore: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  /** how long a certificate from this version is valid */
  @Column({ name: 'validity_months', type: 'integer' })
  validityMonths: number;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  sections: SectionDoc[];

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  questions: QuestionDoc[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;
}

/** A material file (PDF or image) of a course, kept in the file storage. */
@Entity('course_file')
export class CourseFile extends StoredFileEntity {
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;
}

/** Who a course was assigned to: distributors matching every criterion given, people of the roles given. */
@Entity('course_assignment')
export class CourseAssignment extends TenantEntity {
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'distributor_ids', type: 'uuid', array: true, default: '{}' })
  distributorIds: string[];

  @Column({ type: 'smallint', array: true, default: '{}' })
  tiers: number[];

  @Column({ type: 'varchar', length: 20, array: true, default: '{}' })
  roles: Role[];

  @Column({ name: 'product_line_ids', type: 'uuid', array: true, default: '{}' })
  productLineIds: string[];

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** how many people it reached when made */
  @Column({ type: 'integer' })
  enrolled: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 80, select: false })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64, select: false })
  requestHash: string;
}

/** One person on one course: assigned (with a due date) or self-started, and how far they are. */
@Entity('training_enrollment')
export class Enrollment extends TenantEntity {
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  /** the version being taken, or passed */
  @Column({ name: 'course_version_id', type: 'uuid', nullable: true })
  courseVersionId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'sections_done', type: 'varchar', length: 40, array: true, default: '{}' })
  sectionsDone: string[];

  /** attempts at the version being taken */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'best_score', type: 'integer', nullable: true })
  bestScore: number | null;

  @Column({ name: 'passed_at', type: 'timestamptz', nullable: true })
  passedAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @VersionColumn()
  version: number;
}

@Entity('quiz_attempt')
export class QuizAttempt extends TenantEntity {
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo: number;

  /** questionId → the option ids chosen */
  @Column({ type: 'jsonb' })
  answers: Record<string, string[]>;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 80, select: false })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64, select: false })
  requestHash: string;
}

/** Proof that a person passed a version of a course; valid for its product lines until valid_to. */
@Entity('certificate')
export class Certificate extends TenantEntity {
  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @Column({ name: 'product_line_ids', type: 'uuid', array: true, default: '{}' })
  productLineIds: string[];

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;
}
