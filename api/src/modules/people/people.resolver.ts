import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonStatus } from '@medchannel/shared-schema';
import { GqlContext, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { User, UserType } from '../user';
import { CoVisit, CoVisitConnection, VisitTask, VisitTaskConnection } from '../visit';
import { Page, PageArgs } from '../../common/pagination';
import {
  ChangePasswordArgs,
  HandOverResultType,
  HandOverWorkInput,
  InviteBrandUserInput,
  InviteOwnerInput,
  InviteRepInput,
  RequestResetArgs,
  SessionType,
  SetPasswordArgs,
  UpdateBrandUserInput,
} from './people.types';
import type { SessionInfo } from './access.service';
import type { HandedOver } from './handover.service';

/** People and access: invitations, roles and regions, disabling; passwords; one's own sessions. */
@Resolver(() => UserType)
export class PeopleResolver {
  @Can('people.manage')
  @Mutation(() => UserType, { description: 'Invites a brand colleague: an e-mail with a link to set a password' })
  inviteBrandUser(@Arg('input') input: InviteBrandUserInput, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.people.inviteBrandUser(requireScope(ctx), input);
  }

  @Can('distributor.inviteOwner')
  @Mutation(() => UserType, { description: 'Invites the owner of a distributor temporarily authorized or later' })
  inviteDistributorOwner(@Arg('input') input: InviteOwnerInput, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.people.inviteOwner(requireScope(ctx), input);
  }

  @Can('team.manage')
  @Mutation(() => UserType, { description: 'An owner invites a rep of his company' })
  inviteRep(@Arg('input') input: InviteRepInput, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.people.inviteRep(requireScope(ctx), input);
  }

  @Can('people.manage', 'distributor.inviteOwner', 'team.manage')
  @Mutation(() => UserType, { description: 'A fresh invitation for someone who has not set a password yet' })
  resendInvitation(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.people.resendInvitation(requireScope(ctx), userId);
  }

  @Can('people.manage')
  @Mutation(() => UserType)
  updateBrandUser(@Arg('input') input: UpdateBrandUserInput, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.people.updateBrandUser(requireScope(ctx), input);
  }

  @Can('people.manage', 'distributor.managePeople', 'team.manage')
  @Mutation(() => UserType, { description: 'Disables a person (every session ends at once) or enables him again' })
  setUserDisabled(
    @Arg('userId', () => ID) userId: string,
    @Arg('disabled') disabled: boolean,
    @Ctx() ctx: GqlContext,
  ): Promise<User> {
    return ctx.services.people.setDisabled(requireScope(ctx), userId, disabled);
  }

  @Can('people.manage', 'distributor.managePeople', 'team.manage')
  @Query(() => CoVisitConnection, {
    description: 'What a person I manage still holds for someone else to take on: his open co-visits (soonest first)',
  })
  userHoldings(
    @Arg('userId', () => ID) userId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<CoVisit>> {
    return ctx.services.handover.holdings(requireScope(ctx), userId, page);
  }

  @Can('people.manage', 'distributor.managePeople', 'team.manage')
  @Mutation(() => Int, {
    description:
      'Hands open co-visits (all, without ids) from a person I manage to a colleague; answers how many moved',
  })
  handOverCoVisits(
    @Arg('fromUserId', () => ID) fromUserId: string,
    @Arg('toUserId', () => ID) toUserId: string,
    @Arg('coVisitIds', () => [ID], { nullable: true }) coVisitIds: string[] | null,
    @Ctx() ctx: GqlContext,
  ): Promise<number> {
    return ctx.services.handover.handOver(requireScope(ctx), fromUserId, toUserId, coVisitIds ?? null);
  }

  @Can('people.manage', 'distributor.managePeople', 'team.manage')
  @Query(() => VisitTaskConnection, {
    description: 'The open follow-up tasks a person I manage still holds, on notes I read (oldest first)',
  })
  userTaskHoldings(
    @Arg('userId', () => ID) userId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<VisitTask>> {
    return ctx.services.handover.taskHoldings(requireScope(ctx), userId, page);
  }

  @Can('people.manage', 'distributor.managePeople', 'team.manage')
  @Mutation(() => HandOverResultType, {
    description:
      'Hands open co-visits and tasks from a person I manage to a colleague; sent again, nothing moves twice',
  })
  handOverWork(@Arg('input') input: HandOverWorkInput, @Ctx() ctx: GqlContext): Promise<HandedOver> {
    return ctx.services.handover.handOverWork(requireScope(ctx), {
      fromUserId: input.fromUserId,
      toUserId: input.toUserId,
      coVisitIds: input.coVisitIds ?? null,
      taskIds: input.taskIds ?? null,
    });
  }

  @Mutation(() => Boolean, {
    description:
      'Forgot password: mails a reset link when the address signs in to this app; the same answer either way',
  })
  requestPasswordReset(@Args() { email }: RequestResetArgs, @Ctx() ctx: GqlContext): Promise<boolean> {
    return ctx.services.access.requestReset(ctx.audience, email, ctx.req.ip ?? 'unknown');
  }

  @Mutation(() => Boolean, { description: 'Sets a password from an invitation or reset link (single use)' })
  async setPasswordWithLink(@Args() { token, password }: SetPasswordArgs, @Ctx() ctx: GqlContext): Promise<boolean> {
    await ctx.services.access.setPasswordWithLink(token, password);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes my password; my other sessions end' })
  changePassword(@Args() args: ChangePasswordArgs, @Ctx() ctx: GqlContext): Promise<boolean> {
    return ctx.services.access.changePassword(requireScope(ctx), ctx.sessionId, args.currentPassword, args.newPassword);
  }

  @Authorized()
  @Query(() => [SessionType], { description: 'My signed-in sessions, the last used first' })
  mySessions(@Ctx() ctx: GqlContext): Promise<SessionInfo[]> {
    return ctx.services.access.sessions(requireScope(ctx), ctx.sessionId);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Ends one of my sessions, or (without an id) every one but this' })
  revokeSessions(
    @Arg('sessionId', () => ID, { nullable: true }) sessionId: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<number> {
    return ctx.services.access.revokeSessions(requireScope(ctx), ctx.sessionId, sessionId ?? null);
  }

  @FieldResolver(() => PersonStatus)
  status(@Root() user: User): PersonStatus {
    if (user.disabledAt) return PersonStatus.DISABLED;
    return user.activatedAt ? PersonStatus.ACTIVE : PersonStatus.INVITED;
  }

  @FieldResolver(() => Date, { nullable: true })
  lastSignInAt(@Root() user: User): Date | null {
    return user.lastSignInAt;
  }

  @FieldResolver(() => Int, { description: 'For an edit: the version it saw' })
  version(@Root() user: User): number {
    return user.version;
  }
}
