import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import {
  CommitmentKind,
  CommitmentStatus,
  MAX_VISIT_CC,
  MAX_VISIT_ITEMS,
  NoteVisibility,
} from '@medchannel/shared-schema';
import { DecimalRange } from '../../common/ranges';
import { CURRENCIES, DecimalScalar } from '../../common/money';
import {
  IdField,
  OptionalIdField,
  TextField,
  OptionalTextField,
  OptionalDateField,
  ExpectedVersionField,
} from '../../common/fields';

/** What clients send about visit notes, their tasks, commitments and comments (validated before any service runs). */

@InputType()
export class VisitTaskInput {
  @TextField(2, 300)
  title: string;

  @OptionalIdField('The author or someone on the CC list; defaults to the author')
  ownerId?: string | null;

  @OptionalDateField()
  dueOn?: string | null;
}

@InputType()
export class CommitmentInput {
  @Field(() => CommitmentKind)
  @IsEnum(CommitmentKind)
  kind: CommitmentKind;

  @TextField(2, 1000)
  description: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'An exact amount, with its currency' })
  @IsOptional()
  @DecimalRange('0')
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Required with an amount' })
  @IsOptional()
  @IsIn(CURRENCIES)
  currency?: string | null;

  @OptionalDateField()
  dueOn?: string | null;
}

@InputType()
export class WriteVisitNoteInput {
  @OptionalIdField('The co-visit it reports on; hospital and distributor come from it')
  coVisitId?: string | null;

  @OptionalIdField('Required for a solo visit')
  hospitalId?: string | null;

  @OptionalIdField()
  departmentId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  contactIds: string[];

  @OptionalIdField('Required when partner users are CC’d or commitments are made')
  distributorId?: string | null;

  @Field(() => NoteVisibility)
  @IsEnum(NoteVisibility)
  visibility: NoteVisibility;

  @OptionalDateField('Defaults to today')
  visitedOn?: string | null;

  @TextField(2, 4000)
  outcome: string;

  @OptionalTextField(4000)
  nextSteps?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'INTERNAL: brand users only. SHARED: also the distributor’s owner and reps',
  })
  @ArrayMaxSize(MAX_VISIT_CC)
  @IsUUID('all', { each: true })
  ccUserIds: string[];

  @Field(() => [VisitTaskInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @ValidateNested({ each: true })
  tasks: VisitTaskInput[];

  @Field(() => [CommitmentInput], {
    defaultValue: [],
    description: 'Only in a SHARED note that CCs the distributor’s owner',
  })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @ValidateNested({ each: true })
  commitments: CommitmentInput[];

  @IdField('Made once per note by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType()
export class VisitNoteFilter {
  @OptionalIdField()
  hospitalId?: string | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  authorId?: string | null;

  @OptionalIdField()
  coVisitId?: string | null;

  @Field(() => NoteVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(NoteVisibility)
  visibility?: NoteVisibility | null;

  @OptionalDateField('Visited on or after')
  from?: string | null;

  @OptionalDateField('Visited on or before')
  to?: string | null;

  @OptionalTextField(100, 'Outcome, next steps or a commitment’s description')
  search?: string | null;
}

@ArgsType()
export class CcVisitNoteArgs {
  @IdField()
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => [ID], { description: 'People to add to the CC list; they are told' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VISIT_CC)
  @IsUUID('all', { each: true })
  userIds: string[];
}

@ArgsType()
export class CommentOnVisitNoteArgs {
  @IdField()
  noteId: string;

  @TextField(1, 2000)
  body: string;

  @IdField('Made once per comment: a retry returns the first result')
  idempotencyKey: string;
}

@ArgsType()
export class SetVisitTaskDoneArgs {
  @IdField()
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field()
  done: boolean;
}

@ArgsType()
export class CommitmentMoveArgs {
  @IdField()
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@ArgsType()
export class DisputeCommitmentArgs extends CommitmentMoveArgs {
  @TextField(2, 500, 'Why the owner disputes it: the author’s regional head reads it')
  reason: string;
}

@ArgsType()
export class ResolveCommitmentArgs extends CommitmentMoveArgs {
  @TextField(2, 500, 'What was settled with the distributor')
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

  @OptionalIdField('The note’s hospital in this region or a city under it')
  regionId?: string | null;

  @OptionalIdField()
  authorId?: string | null;
}
