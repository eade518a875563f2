import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CoVisitStatus } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { coVisitPageParts, primeCoVisitPage } from './co-visit-page';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { HospitalDepartmentType, HospitalType } from '../hospital';
import { Hospital, HospitalDepartment } from '../hospital';
import { ProductType } from '../product';
import { Product } from '../product';
import { User } from '../user';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import { VisitNote } from './visit-note.entity';
import {
  CoVisitConnection,
  CoVisitParticipantType,
  CoVisitSlotType,
  CoVisitType,
  VisitContactType,
  VisitNoteType,
  VisitPersonType,
} from './visit.types';
import {
  AcceptCoVisitSlotArgs,
  CoVisitMoveArgs,
  MyCoVisitsArgs,
  ProposeCoVisitInput,
  ProposeCoVisitSlotArgs,
  ReasonedCoVisitMoveArgs,
  TeamCoVisitFilter,
} from './co-visit.inputs';
import { Can } from '../../auth/can';

/** The department of a visit (or note): one of the hospital's own, in scope. */
export async function departmentOf(
  ctx: GqlContext,
  hospitalId: string,
  departmentId: string | null,
): Promise<HospitalDepartment | null> {
  if (!departmentId) return null;
  const departments = await loadersOf(ctx).departmentsByHospitalId.load(hospitalId);
  return departments.find((d) => d.id === departmentId) ?? null;
}

/** The contacts of a visit (or note): the hospital's own, in scope, in their loader's order. */
export async function contactsOf(
  ctx: GqlContext,
  hospitalId: string,
  contactIds: string[],
): Promise<VisitContactType[]> {
  if (!contactIds.length) return [];
  const contacts = await loadersOf(ctx).contactsByHospitalId.load(hospitalId);
  return contacts.filter((c) => contactIds.includes(c.id)).map((c) => ({ id: c.id, name: c.name, title: c.title }));
}

/** What a loadMany found (a hidden or missing key loads as null). */
export const found = <T>(rows: Array<T | null | Error>): T[] =>
  rows.filter((r): r is T => r !== null && !(r instanceof Error));

@Resolver(() => CoVisitType)
export class CoVisitResolver {
  @Authorized()
  @Query(() => [CoVisitType], {
    description: 'The viewer’s own co-visits in a date range (China time), for a week calendar',
  })
  async myCoVisits(
    @Args() args: MyCoVisitsArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CoVisit[]> {
    const found = await ctx.services.coVisitQueries.mine(requireScope(ctx), args, coVisitPageParts(selectionOf(info)));
    return primeCoVisitPage(loadersOf(ctx), found);
  }

  @Can('coVisit.team')
  @Query(() => CoVisitConnection, {
    description: 'A regional head’s view of the team’s visits: theirs and those of the people they manage',
  })
  async teamCoVisits(
    @Args() page: PageArgs,
    @Arg('filter', () => TeamCoVisitFilter, { nullable: true }) filter: TeamCoVisitFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<CoVisit>> {
    const parts = coVisitPageParts(selectionOf(info).nodes);
    const found = await ctx.services.coVisitQueries.team(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeCoVisitPage(loadersOf(ctx), found.nodes) };
  }

  @Authorized()
  @Query(() => CoVisitType)
  coVisit(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisitQueries.get(requireScope(ctx), id);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType)
  proposeCoVisit(@Arg('input') input: ProposeCoVisitInput, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.propose(requireScope(ctx), input);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, { description: 'The awaited side takes a time the other side offered: CONFIRMED' })
  acceptCoVisitSlot(@Args() args: AcceptCoVisitSlotArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.accept(requireScope(ctx), args);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, {
    description: 'The awaited side offers another time; the plan stays PROPOSED, awaiting the other side',
  })
  proposeCoVisitSlot(@Args() args: ProposeCoVisitSlotArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.proposeSlot(requireScope(ctx), args);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, { description: 'The awaited side says no: CANCELLED with the reason' })
  declineCoVisit(@Args() args: ReasonedCoVisitMoveArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.decline(requireScope(ctx), args);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, { description: 'A participant calls off a plan that has not happened yet' })
  cancelCoVisit(@Args() args: ReasonedCoVisitMoveArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.cancel(requireScope(ctx), args);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, { description: 'At the hospital: records the check-in time' })
  checkInCoVisit(@Args() args: CoVisitMoveArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.checkIn(requireScope(ctx), args);
  }

  @Can('coVisit.plan')
  @Mutation(() => CoVisitType, { description: 'After a checked-in visit: DONE' })
  completeCoVisit(@Args() args: CoVisitMoveArgs, @Ctx() ctx: GqlContext): Promise<CoVisit> {
    return ctx.services.coVisits.complete(requireScope(ctx), args);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(v.distributorId);
  }

  @FieldResolver(() => HospitalType, { nullable: true, description: 'When the viewer may see the hospital' })
  hospital(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<Hospital | null> {
    return loadersOf(ctx).hospitalById.load(v.hospitalId);
  }

  @FieldResolver(() => HospitalDepartmentType, { nullable: true })
  department(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<HospitalDepartment | null> {
    return departmentOf(ctx, v.hospitalId, v.departmentId);
  }

  @FieldResolver(() => [VisitContactType])
  contacts(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<VisitContactType[]> {
    return contactsOf(ctx, v.hospitalId, v.contactIds);
  }

  @FieldResolver(() => [ProductType])
  async products(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<Product[]> {
    return found(await loadersOf(ctx).productById.loadMany(v.productIds));
  }

  @FieldResolver(() => [CoVisitSlotType], { description: 'Every time offered, by either side, earliest first' })
  slots(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<CoVisitSlot[]> {
    return loadersOf(ctx).slotsByCoVisitId.load(v.id);
  }

  @FieldResolver(() => CoVisitSlotType, { nullable: true })
  async confirmedSlot(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<CoVisitSlot | null> {
    return v.confirmedSlotId
      ? ((await loadersOf(ctx).slotsByCoVisitId.load(v.id)).find((s) => s.id === v.confirmedSlotId) ?? null)
      : null;
  }

  @FieldResolver(() => [CoVisitParticipantType])
  participants(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<CoVisitParticipant[]> {
    return loadersOf(ctx).participantsByCoVisitId.load(v.id);
  }

  @FieldResolver(() => VisitPersonType, { nullable: true })
  proposedBy(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).visitPersonById.load(v.proposedBy);
  }

  @FieldResolver(() => VisitPersonType, { nullable: true })
  async cancelledBy(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<User | null> {
    return v.cancelledBy ? loadersOf(ctx).visitPersonById.load(v.cancelledBy) : null;
  }

  @FieldResolver(() => Boolean, { description: 'The viewer takes part and the plan awaits their side’s answer' })
  async myTurn(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<boolean> {
    const scope = requireScope(ctx);
    if (v.status !== CoVisitStatus.PROPOSED || v.awaitingSide !== scope.side) return false;
    return (await loadersOf(ctx).participantsByCoVisitId.load(v.id)).some((p) => p.userId === scope.userId);
  }

  @FieldResolver(() => Boolean, {
    description: 'Check-in is open: the visit is confirmed and today (China time) is its day',
  })
  checkInOpen(@Root() v: CoVisit, @Ctx() ctx: GqlContext): boolean {
    return ctx.services.coVisits.checkInOpen(v);
  }

  @FieldResolver(() => [VisitNoteType], { description: 'The notes written about this visit that the viewer may read' })
  notes(@Root() v: CoVisit, @Ctx() ctx: GqlContext): Promise<VisitNote[]> {
    return loadersOf(ctx).visitNotesByCoVisitId.load(v.id);
  }
}

@Resolver(() => CoVisitSlotType)
export class CoVisitSlotResolver {
  @FieldResolver(() => VisitPersonType, { nullable: true })
  proposedBy(@Root() s: CoVisitSlot, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).visitPersonById.load(s.proposedBy);
  }
}

@Resolver(() => CoVisitParticipantType)
export class CoVisitParticipantResolver {
  @FieldResolver(() => VisitPersonType, { nullable: true })
  user(@Root() p: CoVisitParticipant, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).visitPersonById.load(p.userId);
  }
}
