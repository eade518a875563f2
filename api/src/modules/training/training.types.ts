import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CourseKind,
  CourseListStatus,
  CourseVersionStatus,
  EnrollmentStatus,
  MaterialKind,
  QuestionKind,
  TrainingGroupBy,
} from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { StoredFileFields } from '../../common/stored-file.types';

registerEnumType(CourseKind, { name: 'CourseKind' });
registerEnumType(CourseVersionStatus, { name: 'CourseVersionStatus' });
registerEnumType(MaterialKind, { name: 'MaterialKind' });
registerEnumType(QuestionKind, { name: 'QuestionKind' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
registerEnumType(TrainingGroupBy, { name: 'TrainingGroupBy' });
registerEnumType(CourseListStatus, { name: 'CourseListStatus' });

@ObjectType('Course', {
  description: 'A course: its face is the published version’s (or the first draft’s, before any is published)',
})
export class CourseType {
  @Field(() => ID)
  id: string;

  @Field(() => CourseKind)
  kind: CourseKind;

  @Field()
  title: string;

  @Field(() => Int, { nullable: true, description: 'The version people take now' })
  publishedVersion: number | null;

  @Field(() => Int, { nullable: true, description: 'The version being edited, if any (brand users)' })
  draftVersion: number | null;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Row version for optimistic locking' })
  version: number;
}

@ObjectType('CourseMaterial')
export class MaterialType {
  @Field(() => MaterialKind)
  kind: MaterialKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'TEXT: the text; VIDEO: the address' })
  body: string | null;

  @Field(() => ID, { nullable: true })
  fileId: string | null;
}

@ObjectType('CourseSection')
export class SectionType {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field(() => [MaterialType])
  materials: MaterialType[];
}

@ObjectType('QuizOption')
export class OptionType {
  @Field()
  id: string;

  @Field()
  text: string;
}

@ObjectType('QuizQuestion')
export class QuestionType {
  @Field()
  id: string;

  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  prompt: string;

  @Field(() => [OptionType])
  options: OptionType[];
}

@ObjectType('CourseVersion')
export class CourseVersionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => CourseVersionStatus)
  status: CourseVersionStatus;

  @Field(() => CourseKind)
  kind: CourseKind;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field(() => Int)
  passScore: number;

  @Field(() => Int)
  maxAttempts: number;

  @Field(() => Int)
  validityMonths: number;

  @Field(() => [SectionType])
  sections: SectionType[];

  @Field(() => [QuestionType])
  questions: QuestionType[];

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}

@ObjectType('CourseFile', { description: 'A material file; its bytes are at /files/course-files/:id' })
export class CourseFileType extends StoredFileFields {}

@ObjectType('CourseAssignment')
export class CourseAssignmentType {
  @Field(() => ID)
  id: string;

  @Field(() => [Int])
  tiers: number[];

  @Field(() => [String], { description: 'OWNER and/or REP; empty means both' })
  roles: string[];

  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field(() => Int, { description: 'People it reached when made (not counting those who had passed)' })
  enrolled: number;

  @Field()
  createdAt: Date;
}

@ObjectType('Enrollment', { description: 'One person on one course' })
export class EnrollmentType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueOn: string | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => [String], { description: 'Sections of the version being taken that are done' })
  sectionsDone: string[];

  @Field(() => Int, { description: 'Attempts at the version being taken' })
  attempts: number;

  @Field(() => Int, { nullable: true })
  bestScore: number | null;

  @Field(() => Date, { nullable: true })
  passedAt: Date | null;
}

@ObjectType('QuizAttempt')
export class QuizAttemptType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  attemptNo: number;

  @Field(() => Int, { description: 'Percent of questions right' })
  score: number;

  @Field()
  passed: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('QuizQuestionResult')
export class QuestionResultType {
  @Field()
  questionId: string;

  @Field()
  correct: boolean;
}

@ObjectType('Certificate')
export class CertificateType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => LocalDateScalar)
  validTo: string;
}

@ObjectType('QuizResult', {
  description: 'The immediate result of an attempt: which questions were right (not the right options)',
})
export class QuizResultType {
  @Field(() => QuizAttemptType)
  attempt: QuizAttemptType;

  @Field(() => EnrollmentType)
  enrollment: EnrollmentType;

  @Field(() => [QuestionResultType])
  questions: QuestionResultType[];

  @Field(() => CertificateType, { nullable: true, description: 'Issued when the attempt passed' })
  certificate: CertificateType | null;
}

@ObjectType('CertifiedLine', { description: 'A product line a person may order for, and until when' })
export class CertifiedLineType {
  @Field(() => ID)
  productLineId: string;

  @Field(() => LocalDateScalar)
  validTo: string;

  @Field(() => ID)
  certificateId: string;
}

@ObjectType('TrainingReadiness', {
  description: 'One person: what they are certified for, and where their training stands',
})
export class ReadinessType {
  @Field(() => ID)
  userId: string;

  @Field(() => Int)
  assigned: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType('TrainingCompletion', {
  description: 'One group (province, distributor or course) of the completion dashboard',
})
export class CompletionType {
  @Field(() => ID)
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  assigned: number;

  @Field(() => Int)
  started: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType('CertificationNeed', {
  description: 'Why a product cannot be ordered by this person yet, and the course that would fix it',
})
export class CertificationNeedType {
  @Field(() => ID)
  productLineId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The published product course to take; none when the brand has not published one',
  })
  courseId: string | null;

  @Field(() => String, { nullable: true })
  courseTitle: string | null;
}

@ObjectType()
export class CourseConnection extends Connection(CourseType) {}

@ObjectType()
export class EnrollmentConnection extends Connection(EnrollmentType) {}

@ObjectType()
export class CertificateConnection extends Connection(CertificateType) {}

@ObjectType()
export class TrainingReadinessConnection extends Connection(ReadinessType) {}
