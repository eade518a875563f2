import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CoVisitStatus, CommitmentKind, CommitmentStatus, NoteVisibility, Role, Side } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import '../user';
import { StoredFileFields } from '../../common/stored-file.types';

registerEnumType(CoVisitStatus, { name: 'CoVisitStatus', description: 'PROPOSED → CONFIRMED → DONE, or CANCELLED' });
registerEnumType(NoteVisibility, {
  name: 'NoteVisibility',
  description: 'INTERNAL: brand side only; SHARED: with its CC list from both sides',
});
registerEnumType(CommitmentKind, { name: 'CommitmentKind' });
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: 'OPEN until the owner acknowledges or disputes it; a dispute is RESOLVED by the author’s head',
});

/**
 * Someone named on a visit (participant, author, CC, task owner, commenter). Only reachable
 * through a plan or note the viewer may see, so the audience sees each other's names (never
 * their contact details), as on a CC line.
 */
@ObjectType('VisitPerson')
export class VisitPersonType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => Side)
  side: Side;

  @Field(() => Role)
  role: Role;
}

/**
 * A hospital contact as a visit names them to everyone on it, the distributor's people included:
 * who they are (name, title) so the visit can be planned and reported. Their phone and place in
 * the decision chain are the brand's intelligence and stay on Hospital.contacts (brand only). A
 * type of its own rather than fields nulled per viewer, so what a visit shares is in the schema,
 * and no viewer-dependent resolver can forget a field.
 */
@ObjectType('VisitContact')
export class VisitContactType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;
}

@ObjectType('CoVisitSlot', { description: 'A time one side offered' })
export class CoVisitSlotType {
  @Field(() => ID)
  id: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => Side)
  proposedSide: Side;
}

@ObjectType('CoVisitParticipant')
export class CoVisitParticipantType {
  @Field(() => Side)
  side: Side;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;
}

@ObjectType('CoVisit', { description: '协同拜访: a visit planned by both sides' })
export class CoVisitType {
  @Field(() => ID)
  id: string;

  @Field(() => CoVisitStatus)
  status: CoVisitStatus;

  @Field()
  goal: string;

  @Field(() => Side, { nullable: true, description: 'While PROPOSED: the side whose answer is awaited' })
  awaitingSide: Side | null;

  @Field({ description: 'The confirmed slot’s start, else the earliest slot offered' })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'The first check-in at the hospital' })
  checkedInAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('VisitNote', { description: '拜访记录' })
export class VisitNoteType {
  @Field(() => ID)
  id: string;

  @Field(() => NoteVisibility)
  visibility: NoteVisibility;

  @Field(() => LocalDateScalar)
  visitedOn: string;

  @Field()
  outcome: string;

  @Field(() => String, { nullable: true })
  nextSteps: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('VisitTask', { description: 'A follow-up task from a visit' })
export class VisitTaskType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  itemNo: number;

  @Field()
  title: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueOn: string | null;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('VisitCommitment', { description: 'A promise made in a visit, answered by the distributor’s owner' })
export class VisitCommitmentType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  itemNo: number;

  @Field(() => CommitmentKind)
  kind: CommitmentKind;

  @Field()
  description: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueOn: string | null;

  @Field(() => CommitmentStatus)
  status: CommitmentStatus;

  @Field(() => String, { nullable: true })
  disputeReason: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('VisitComment')
export class VisitCommentType {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

@ObjectType('VisitAttachment', { description: 'A photo or document; GET `url` with the session cookie' })
export class VisitAttachmentType extends StoredFileFields {
  @Field()
  createdAt: Date;
}

@ObjectType('CoVisitConnection')
export class CoVisitConnection extends Connection(CoVisitType) {}

@ObjectType('VisitNoteConnection')
export class VisitNoteConnection extends Connection(VisitNoteType) {}

@ObjectType('VisitTaskConnection')
export class VisitTaskConnection extends Connection(VisitTaskType) {}

@ObjectType('VisitCommitmentConnection')
export class VisitCommitmentConnection extends Connection(VisitCommitmentType) {}
