import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { CommitmentKind, CommitmentStatus, MAX_VISIT_CC, MAX_VISIT_ITEMS, NoteVisibility } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { DecimalRange } from '../../common/ranges';
import { CURRENCIES, DecimalScalar } from '../../common/money';

/** What clients send about visit notes, their tasks, commitments and comments (validated before any service runs). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class VisitTaskInput {
  @Field()
  @IsString()
  @Length(2, 300)
  title: string;

  @Field(() => ID, { nullable: true, description: 'The author or someone on the CC list; defaults to the author' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  dueOn?: string | null;
}

@InputType()
export class CommitmentInput {
  @Field(() => CommitmentKind)
  @IsEnum(CommitmentKind)
  kind: CommitmentKind;

  @Field()
  @IsString()
  @Length(2, 1000)
  description: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'An exact amount, with its currency' })
  @IsOptional()
  @DecimalRange('0')
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Required with an amount' })
  @IsOptional()
  @IsIn(CURRENCIES)
  currency?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  dueOn?: string | null;
}

@InputType()
export class WriteVisitNoteInput {
  @Field(() => ID, { nullable: true, description: 'The co-visit it reports on; hospital and distributor come from it' })
  @IsOptional()
  @IsUUID()
  coVisitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for a solo visit' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  contactIds: string[];

  @Field(() => ID, { nullable: true, description: 'Required when partner users are CC’d or commitments are made' })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => NoteVisibility)
  @IsEnum(NoteVisibility)
  visibility: NoteVisibility;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @Matches(DATE)
  visitedOn?: string | null;

  @Field()
  @IsString()
  @Length(2, 4000)
  outcome: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  nextSteps?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'INTERNAL: brand users only. SHARED: also the distributor’s owner and reps' })
  @ArrayMaxSize(MAX_VISIT_CC)
  @IsUUID('all', { each: true })
  ccUserIds: string[];

  @Field(() => [VisitTaskInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @ValidateNested({ each: true })
  tasks: VisitTaskInput[];

  @Field(() => [CommitmentInput], { defaultValue: [], description: 'Only in a SHARED note that CCs the distributor’s owner' })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @ValidateNested({ each: true })
  commitments: CommitmentInput[];

  @Field(() => ID, { description: 'Made once per note by the client: a retry with it returns the first result' })
  @IsUUID()
  idempotencyKey: string;
}

@InputType()
export class VisitNoteFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  authorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  coVisitId?: string | null;

  @Field(() => NoteVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(NoteVisibility)
  visibility?: NoteVisibility | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Visited on or after' })
  @IsOptional()
  @Matches(DATE)
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Visited on or before' })
  @IsOptional()
  @Matches(DATE)
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Outcome, next steps or a commitment’s description' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class CcVisitNoteArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => [ID], { description: 'People to add to the CC list; they are told' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VISIT_CC)
  @IsUUID('all', { each: true })
  userIds: string[];
}

@ArgsType()
export class CommentOnVisitNoteArgs {
  @Field(() => ID)
  @IsUUID()
  noteId: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  body: string;

  @Field(() => ID, { description: 'Made once per comment: a retry returns the first result' })
  @IsUUID()
  idempotencyKey: string;
}

@ArgsType()
export class SetVisitTaskDoneArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field()
  done: boolean;
}

@ArgsType()
export class CommitmentMoveArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;
}

@ArgsType()
export class DisputeCommitmentArgs extends CommitmentMoveArgs {
  @Field({ description: 'Why the owner disputes it: the author’s regional head reads it' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

@ArgsType()
export class ResolveCommitmentArgs extends CommitmentMoveArgs {
  @Field({ description: 'What was settled with the distributor' })
  @IsString()
  @Length(2, 500)
  resolution: string;
}

@ArgsType()
export class CommitmentInboxArgs {
  @Field(() => [CommitmentStatus], { defaultValue: [CommitmentStatus.OPEN] })
  @IsEnum(CommitmentStatus, { each: true })
  statuses: CommitmentStatus[];
}

@InputType()
export class DisputedCommitmentFilter {
  @Field(() => [CommitmentStatus], { defaultValue: [CommitmentStatus.DISPUTED] })
  @IsEnum(CommitmentStatus, { each: true })
  statuses: CommitmentStatus[];

  @Field(() => ID, { nullable: true, description: 'The note’s hospital in this region or a city under it' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  authorId?: string | null;
}
