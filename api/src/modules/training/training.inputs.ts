import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CourseKind,
  CourseListStatus,
  EnrollmentStatus,
  MAX_COURSE_SECTIONS,
  MAX_QUIZ_OPTIONS,
  MAX_QUIZ_QUESTIONS,
  MaterialKind,
  PARTNER_ROLES,
  QuestionKind,
  Role,
  TrainingGroupBy,
} from '@medchannel/shared-schema';
import {
  IdField,
  OptionalIdField,
  TextField,
  OptionalTextField,
  DateField,
  OptionalBooleanField,
  ExpectedVersionField,
} from '../../common/fields';

/** What clients send about training: course content, assignments, progress and quiz answers. */

@InputType()
export class MaterialInput {
  @Field(() => MaterialKind)
  @IsEnum(MaterialKind)
  kind: MaterialKind;

  @TextField(1, 200)
  title: string;

  @OptionalTextField(20_000, 'TEXT: the text; VIDEO: its http(s) address')
  body?: string | null;

  @OptionalIdField('FILE: a file uploaded to this course (PUT /files/courses/:id/files)')
  fileId?: string | null;
}

@InputType()
export class SectionInput {
  @OptionalTextField(40, 'Kept from the version edited; new sections leave it out')
  id?: string | null;

  @TextField(1, 200)
  title: string;

  @Field(() => [MaterialInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  materials: MaterialInput[];
}

@InputType()
export class OptionInput {
  @OptionalTextField(40)
  id?: string | null;

  @TextField(1, 500)
  text: string;

  @Field()
  @IsBoolean()
  correct: boolean;
}

@InputType()
export class QuestionInput {
  @OptionalTextField(40)
  id?: string | null;

  @Field(() => QuestionKind)
  @IsEnum(QuestionKind)
  kind: QuestionKind;

  @TextField(1, 1000)
  prompt: string;

  @Field(() => [OptionInput])
  @ArrayMaxSize(MAX_QUIZ_OPTIONS)
  @ValidateNested({ each: true })
  options: OptionInput[];
}

@InputType({ description: 'Everything a version of a course holds' })
export class CourseContentInput {
  @Field(() => CourseKind)
  @IsEnum(CourseKind)
  kind: CourseKind;

  @TextField(1, 200)
  title: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  summary: string;

  @Field(() => [ID], { description: 'A PRODUCT course certifies for these lines' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productLineIds: string[];

  @Field(() => Int, { description: 'Percent of questions right needed to pass' })
  @IsInt()
  @Min(1)
  @Max(100)
  passScore: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts: number;

  @Field(() => Int, { description: 'How long a certificate from this version is valid' })
  @IsInt()
  @Min(1)
  @Max(120)
  validityMonths: number;

  @Field(() => [SectionInput])
  @ArrayMaxSize(MAX_COURSE_SECTIONS)
  @ValidateNested({ each: true })
  sections: SectionInput[];

  @Field(() => [QuestionInput])
  @ArrayMaxSize(MAX_QUIZ_QUESTIONS)
  @ValidateNested({ each: true })
  questions: QuestionInput[];
}

@ArgsType()
export class CourseVersionArgs {
  @IdField()
  id: string;

  @ExpectedVersionField('The course version the user saw')
  expectedVersion: number;
}

@InputType()
export class CourseFilter {
  @Field(() => CourseKind, { nullable: true })
  @IsOptional()
  @IsEnum(CourseKind)
  kind?: CourseKind | null;

  @OptionalIdField()
  productLineId?: string | null;

  @Field(() => CourseListStatus, {
    nullable: true,
    description: 'Only courses in this state (overrides includeArchived)',
  })
  @IsOptional()
  @IsEnum(CourseListStatus)
  status?: CourseListStatus | null;

  @OptionalBooleanField('Archived courses too (brand users)')
  includeArchived?: boolean | null;

  @OptionalTextField(100)
  search?: string | null;
}

@InputType({
  description:
    'Who a course goes to: the distributors matching every criterion given, and their people of the roles given',
})
export class AssignCourseInput {
  @IdField()
  courseId: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  distributorIds: string[];

  @Field(() => [Int], { defaultValue: [] })
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  tiers: number[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Everyone authorized for these product lines (a new-product campaign)',
  })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productLineIds: string[];

  @Field(() => [Role], { defaultValue: [], description: 'OWNER and/or REP; none means both' })
  @ArrayMaxSize(2)
  @IsIn(PARTNER_ROLES, { each: true })
  roles: Role[];

  @DateField()
  dueOn: string;

  @IdField('Made once per assignment by the client: a retry returns the first result')
  idempotencyKey: string;
}

@InputType()
export class EnrollmentFilter {
  @OptionalBooleanField('Only the viewer’s own')
  mine?: boolean | null;

  @OptionalIdField()
  userId?: string | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  courseId?: string | null;

  @Field(() => [EnrollmentStatus], { nullable: true })
  @IsOptional()
  @IsEnum(EnrollmentStatus, { each: true })
  statuses?: EnrollmentStatus[] | null;

  @OptionalBooleanField('Past the due date and not completed')
  overdue?: boolean | null;

  @OptionalTextField(100, 'Course title or person')
  search?: string | null;
}

@ArgsType()
export class CompleteSectionArgs {
  @IdField()
  enrollmentId: string;

  @Field()
  @IsString()
  @MaxLength(40)
  sectionId: string;
}

@InputType()
export class QuizAnswerInput {
  @Field()
  @IsString()
  @MaxLength(40)
  questionId: string;

  @Field(() => [String])
  @ArrayMaxSize(MAX_QUIZ_OPTIONS)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  optionIds: string[];
}

@InputType()
export class SubmitQuizInput {
  @IdField()
  enrollmentId: string;

  @Field(() => [QuizAnswerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUIZ_QUESTIONS)
  @ValidateNested({ each: true })
  answers: QuizAnswerInput[];

  @IdField('Made once per attempt by the client: a retry returns the first result')
  idempotencyKey: string;
}

@InputType()
export class CertificateFilter {
  @OptionalIdField()
  userId?: string | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  productLineId?: string | null;

  @OptionalBooleanField('Only certificates valid today')
  validOnly?: boolean | null;
}

@ArgsType()
export class ReadinessArgs {
  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField('Only people holding a valid certificate for this line')
  productLineId?: string | null;

  @OptionalTextField(100, 'Person or distributor name')
  search?: string | null;
}

@ArgsType()
export class CompletionArgs {
  @Field(() => TrainingGroupBy)
  @IsEnum(TrainingGroupBy)
  groupBy: TrainingGroupBy;

  @OptionalIdField()
  courseId?: string | null;

  @OptionalIdField('Distributors in this region or a city under it')
  regionId?: string | null;
}

@ArgsType()
export class ProductCertificationArgs {
  @IdField()
  productId: string;

  @Field()
  @IsBoolean()
  required: boolean;
}
