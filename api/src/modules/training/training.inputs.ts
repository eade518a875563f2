import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  CourseKind, CourseListStatus, EnrollmentStatus, MAX_COURSE_SECTIONS, MAX_QUIZ_OPTIONS, MAX_QUIZ_QUESTIONS, MaterialKind, PARTNER_ROLES, QuestionKind, Role, TrainingGroupBy,
} from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';

/** What clients send about training: course content, assignments, progress and quiz answers. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class MaterialInput {
  @Field(() => MaterialKind)
  @IsEnum(MaterialKind)
  kind: MaterialKind;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'TEXT: the text; VIDEO: its http(s) address' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'FILE: a file uploaded to this course (PUT /files/courses/:id/files)' })
  @IsOptional()
  @IsUUID()
  fileId?: string | null;
}

@InputType()
export class SectionInput {
  @Field(() => String, { nullable: true, description: 'Kept from the version edited; new sections leave it out' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => [MaterialInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  materials: MaterialInput[];
}

@InputType()
export class OptionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  id?: string | null;

  @Field()
  @IsString()
  @Length(1, 500)
  text: string;

  @Field()
  @IsBoolean()
  correct: boolean;
}

@InputType()
export class QuestionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  id?: string | null;

  @Field(() => QuestionKind)
  @IsEnum(QuestionKind)
  kind: QuestionKind;

  @Field()
  @IsString()
  @Length(1, 1000)
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

  @Field()
  @IsString()
  @Length(1, 200)
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
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The course version the user saw' })
  @IsInt()
  expectedVersion: number;
}

@InputType()
export class CourseFilter {
  @Field(() => CourseKind, { nullable: true })
  @IsOptional()
  @IsEnum(CourseKind)
  kind?: CourseKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  productLineId?: string | null;

  @Field(() => CourseListStatus, { nullable: true, description: 'Only courses in this state (overrides includeArchived)' })
  @IsOptional()
  @IsEnum(CourseListStatus)
  status?: CourseListStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Archived courses too (brand users)' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: 'Who a course goes to: the distributors matching every criterion given, and their people of the roles given' })
export class AssignCourseInput {
  @Field(() => ID)
  @IsUUID()
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

  @Field(() => [ID], { defaultValue: [], description: 'Everyone authorized for these product lines (a new-product campaign)' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productLineIds: string[];

  @Field(() => [Role], { defaultValue: [], description: 'OWNER and/or REP; none means both' })
  @ArrayMaxSize(2)
  @IsIn(PARTNER_ROLES, { each: true })
  roles: Role[];

  @Field(() => LocalDateScalar)
  @Matches(DATE)
  dueOn: string;

  @Field(() => ID, { description: 'Made once per assignment by the client: a retry returns the first result' })
  @IsUUID()
  idempotencyKey: string;
}

@InputType()
export class EnrollmentFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only the viewer’s own' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  courseId?: string | null;

  @Field(() => [EnrollmentStatus], { nullable: true })
  @IsOptional()
  @IsEnum(EnrollmentStatus, { each: true })
  statuses?: EnrollmentStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Past the due date and not completed' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Course title or person' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class CompleteSectionArgs {
  @Field(() => ID)
  @IsUUID()
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
  @Field(() => ID)
  @IsUUID()
  enrollmentId: string;

  @Field(() => [QuizAnswerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUIZ_QUESTIONS)
  @ValidateNested({ each: true })
  answers: QuizAnswerInput[];

  @Field(() => ID, { description: 'Made once per attempt by the client: a retry returns the first result' })
  @IsUUID()
  idempotencyKey: string;
}

@InputType()
export class CertificateFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  productLineId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only certificates valid today' })
  @IsOptional()
  @IsBoolean()
  validOnly?: boolean | null;
}

@ArgsType()
export class ReadinessArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people holding a valid certificate for this line' })
  @IsOptional()
  @IsUUID()
  productLineId?: string | null;

  @Field(() => String, { nullable: true, description: 'Person or distributor name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class CompletionArgs {
  @Field(() => TrainingGroupBy)
  @IsEnum(TrainingGroupBy)
  groupBy: TrainingGroupBy;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Distributors in this region or a city under it' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;
}

@ArgsType()
export class ProductCertificationArgs {
  @Field(() => ID)
  @IsUUID()
  productId: string;

  @Field()
  @IsBoolean()
  required: boolean;
}
