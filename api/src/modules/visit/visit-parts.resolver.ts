import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { MoneyType, money } from '../product';
import { HospitalType } from '../hospital';
import { Hospital } from '../hospital';
import { User } from '../user';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitTask } from './visit-note.entity';
import {
  VisitAttachmentType,
  VisitCommentType,
  VisitCommitmentType,
  VisitNoteType,
  VisitPersonType,
  VisitTaskType,
} from './visit.types';
import { visitAttachmentUrl } from './visit.files';

const person = (ctx: GqlContext, id: string | null): Promise<User | null> =>
  id ? loadersOf(ctx).visitPersonById.load(id) : Promise.resolve(null);

@Resolver(() => VisitTaskType)
export class VisitTaskResolver {
  @FieldResolver(() => VisitPersonType, { nullable: true })
  owner(@Root() t: VisitTask, @Ctx() ctx: GqlContext): Promise<User | null> {
    return person(ctx, t.ownerId);
  }

  @FieldResolver(() => Boolean)
  done(@Root() t: VisitTask): boolean {
    return t.doneAt !== null;
  }

  @FieldResolver(() => VisitNoteType, { nullable: true, description: 'The note it was given in' })
  note(@Root() t: VisitTask, @Ctx() ctx: GqlContext): Promise<VisitNote | null> {
    return loadersOf(ctx).visitNoteById.load(t.noteId);
  }
}

@Resolver(() => VisitCommitmentType)
export class VisitCommitmentResolver {
  @FieldResolver(() => MoneyType, { nullable: true })
  amount(@Root() c: VisitCommitment): MoneyType | null {
    return c.amount !== null && c.currency ? money(c.amount, c.currency) : null;
  }

  @FieldResolver(() => VisitNoteType, { nullable: true, description: 'The note it was made in' })
  note(@Root() c: VisitCommitment, @Ctx() ctx: GqlContext): Promise<VisitNote | null> {
    return loadersOf(ctx).visitNoteById.load(c.noteId);
  }

  @FieldResolver(() => VisitPersonType, { nullable: true, description: 'The owner who acknowledged or disputed it' })
  answeredBy(@Root() c: VisitCommitment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return person(ctx, c.answeredBy);
  }

  @FieldResolver(() => VisitPersonType, { nullable: true })
  resolvedBy(@Root() c: VisitCommitment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return person(ctx, c.resolvedBy);
  }
}

@Resolver(() => VisitCommentType)
export class VisitCommentResolver {
  @FieldResolver(() => VisitPersonType, { nullable: true })
  author(@Root() c: VisitComment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return person(ctx, c.authorId);
  }
}

@Resolver(() => VisitAttachmentType)
export class VisitAttachmentResolver {
  @FieldResolver(() => String, { description: 'GET it with the session cookie' })
  url(@Root() a: VisitAttachment): string {
    return visitAttachmentUrl(a.id);
  }
}

/** Hospital → the visit notes about it that the viewer may read (the scope decides, as everywhere). */
@Resolver(() => HospitalType)
export class HospitalVisitNotesResolver {
  @FieldResolver(() => [VisitNoteType], {
    description: 'Visit notes about this hospital the viewer may read, newest first',
  })
  visitNotes(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<VisitNote[]> {
    return loadersOf(ctx).visitNotesByHospitalId.load(h.id);
  }
}
