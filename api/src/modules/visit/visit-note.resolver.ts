import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CommitmentStatus } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { primeVisitNotePage, visitNotePageParts } from './visit-note-page';
import { commitmentPageParts, primeCommitmentPage } from './commitment-page';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { HospitalDepartmentType, HospitalType } from '../hospital';
import { Hospital, HospitalDepartment } from '../hospital';
import { User } from '../user';
import { CoVisit } from './co-visit.entity';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitTask } from './visit-note.entity';
import {
  CoVisitType,
  VisitAttachmentType,
  VisitCommentType,
  VisitCommitmentConnection,
  VisitCommitmentType,
  VisitNoteConnection,
  VisitNoteType,
  VisitPersonType,
  VisitTaskType,
  VisitContactType,
} from './visit.types';
import {
  CcVisitNoteArgs,
  CommentOnVisitNoteArgs,
  CommitmentInboxArgs,
  CommitmentMoveArgs,
  DisputeCommitmentArgs,
  DisputedCommitmentFilter,
  ResolveCommitmentArgs,
  SetVisitTaskDoneArgs,
  VisitNoteFilter,
  WriteVisitNoteInput,
} from './visit-note.inputs';
import { contactsOf, departmentOf, found } from './co-visit.resolver';
import { Can } from '../../auth/can';

@Resolver(() => VisitNoteType)
export class VisitNoteResolver {
  @Authorized()
  @Query(() => VisitNoteConnection, {
    description: 'Notes the viewer may read (author, CC, management chain), newest visit first',
  })
  async visitNotes(
    @Args() page: PageArgs,
    @Arg('filter', () => VisitNoteFilter, { nullable: true }) filter: VisitNoteFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<VisitNote>> {
    const parts = visitNotePageParts(selectionOf(info).nodes);
    const found = await ctx.services.visitNotes.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeVisitNotePage(loadersOf(ctx), found.nodes) };
  }

  @Authorized()
  @Query(() => VisitNoteType)
  visitNote(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<VisitNote> {
    return ctx.services.visitNotes.get(requireScope(ctx), id);
  }

  @Can('commitment.inbox')
  @Query(() => VisitCommitmentConnection, {
    description: 'The owner’s inbox: commitments made to their distributor, newest first (OPEN by default)',
  })
  async commitmentInbox(
    @Args() page: PageArgs,
    @Args() { statuses }: CommitmentInboxArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<VisitCommitment>> {
    const parts = commitmentPageParts(selectionOf(info).nodes);
    const found = await ctx.services.commitments.inbox(requireScope(ctx), page, statuses, parts);
    return { ...found, nodes: primeCommitmentPage(loadersOf(ctx), found.nodes) };
  }

  @Can('commitment.resolve')
  @Query(() => VisitCommitmentConnection, {
    description: 'Commitments disputed by distributors in notes by the people the viewer manages',
  })
  async disputedCommitments(
    @Args() page: PageArgs,
    @Arg('filter', () => DisputedCommitmentFilter, { nullable: true }) filter: DisputedCommitmentFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<VisitCommitment>> {
    const parts = commitmentPageParts(selectionOf(info).nodes);
    const found = await ctx.services.commitments.disputed(
      requireScope(ctx),
      page,
      filter ?? { statuses: [CommitmentStatus.DISPUTED] },
      parts,
    );
    return { ...found, nodes: primeCommitmentPage(loadersOf(ctx), found.nodes) };
  }

  @Can('visit.writeNote')
  @Mutation(() => VisitNoteType, {
    description: 'After a co-visit or a solo visit; INTERNAL or SHARED with its CC list, who are told',
  })
  writeVisitNote(@Arg('input') input: WriteVisitNoteInput, @Ctx() ctx: GqlContext): Promise<VisitNote> {
    return ctx.services.visitNoteWriting.write(requireScope(ctx), input);
  }

  @Can('visit.writeNote')
  @Mutation(() => VisitNoteType, { description: 'The author adds people to the CC list' })
  ccVisitNote(@Args() args: CcVisitNoteArgs, @Ctx() ctx: GqlContext): Promise<VisitNote> {
    return ctx.services.visitNotes.cc(requireScope(ctx), args);
  }

  @Authorized()
  @Mutation(() => VisitCommentType, { description: 'Anyone who reads the note; its author and CC list are told' })
  commentOnVisitNote(@Args() args: CommentOnVisitNoteArgs, @Ctx() ctx: GqlContext): Promise<VisitComment> {
    return ctx.services.visitNotes.comment(requireScope(ctx), args);
  }

  @Authorized()
  @Mutation(() => VisitTaskType, { description: 'The task’s owner or the note’s author' })
  setVisitTaskDone(@Args() args: SetVisitTaskDoneArgs, @Ctx() ctx: GqlContext): Promise<VisitTask> {
    return ctx.services.visitNotes.setTaskDone(requireScope(ctx), args);
  }

  @Can('commitment.answer')
  @Mutation(() => VisitCommitmentType)
  acknowledgeCommitment(@Args() args: CommitmentMoveArgs, @Ctx() ctx: GqlContext): Promise<VisitCommitment> {
    return ctx.services.commitments.acknowledge(requireScope(ctx), args);
  }

  @Can('commitment.answer')
  @Mutation(() => VisitCommitmentType, { description: 'The owner disputes it; it goes to the author’s regional head' })
  disputeCommitment(@Args() args: DisputeCommitmentArgs, @Ctx() ctx: GqlContext): Promise<VisitCommitment> {
    return ctx.services.commitments.dispute(requireScope(ctx), args);
  }

  @Can('commitment.resolve')
  @Mutation(() => VisitCommitmentType, { description: 'The author’s regional head (or an admin) settles a dispute' })
  resolveCommitment(@Args() args: ResolveCommitmentArgs, @Ctx() ctx: GqlContext): Promise<VisitCommitment> {
    return ctx.services.commitments.resolve(requireScope(ctx), args);
  }

  @FieldResolver(() => VisitPersonType, { nullable: true })
  author(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).visitPersonById.load(n.authorId);
  }

  @FieldResolver(() => HospitalType, { nullable: true, description: 'When the viewer may see the hospital' })
  hospital(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<Hospital | null> {
    return loadersOf(ctx).hospitalById.load(n.hospitalId);
  }

  @FieldResolver(() => HospitalDepartmentType, { nullable: true })
  department(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<HospitalDepartment | null> {
    return departmentOf(ctx, n.hospitalId, n.departmentId);
  }

  @FieldResolver(() => [VisitContactType])
  contacts(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<VisitContactType[]> {
    return contactsOf(ctx, n.hospitalId, n.contactIds);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  async distributor(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return n.distributorId ? loadersOf(ctx).distributorById.load(n.distributorId) : null;
  }

  @FieldResolver(() => CoVisitType, {
    nullable: true,
    description: 'The co-visit it reports on, when the viewer may see it',
  })
  async coVisit(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<CoVisit | null> {
    return n.coVisitId ? loadersOf(ctx).coVisitById.load(n.coVisitId) : null;
  }

  @FieldResolver(() => [VisitPersonType], { description: 'The CC list' })
  async cc(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<User[]> {
    const rows = await loadersOf(ctx).ccByNoteId.load(n.id);
    return found(await loadersOf(ctx).visitPersonById.loadMany(rows.map((c) => c.userId)));
  }

  @FieldResolver(() => [VisitTaskType])
  tasks(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<VisitTask[]> {
    return loadersOf(ctx).tasksByNoteId.load(n.id);
  }

  @FieldResolver(() => [VisitCommitmentType])
  commitments(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<VisitCommitment[]> {
    return loadersOf(ctx).commitmentsByNoteId.load(n.id);
  }

  @FieldResolver(() => [VisitCommentType], { description: 'Oldest first' })
  comments(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<VisitComment[]> {
    return loadersOf(ctx).commentsByNoteId.load(n.id);
  }

  @FieldResolver(() => [VisitAttachmentType])
  attachments(@Root() n: VisitNote, @Ctx() ctx: GqlContext): Promise<VisitAttachment[]> {
    return loadersOf(ctx).attachmentsByNoteId.load(n.id);
  }
}
