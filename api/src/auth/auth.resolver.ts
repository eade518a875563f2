import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, requireScope } from '../context';
import { adoptScope } from '../schema/loaders';
import { buildScope } from './scope';
import { UserType } from '../modules/user';
import { User } from '../modules/user';
import type { MembershipRow } from './session.service';

@ObjectType('Membership', {
  description: 'One brand my person works for on this app (the brand switcher): its user id is what to switch to',
})
class MembershipType {
  @Field(() => ID, { description: 'The user (membership) id' })
  id: string;

  @Field()
  brandName: string;

  @Field(() => String, { nullable: true, description: 'The distributor, on the partner side' })
  distributorName: string | null;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'The membership of this session' })
  current: boolean;
}

@ArgsType()
class LoginArgs {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Enter your password' })
  @MaxLength(200)
  password: string;
}

@Resolver()
export class AuthResolver {
  /** Opens a session for the front end named by the x-medchannel-app header. */
  @Mutation(() => UserType)
  async login(@Args() { email, password }: LoginArgs, @Ctx() ctx: GqlContext): Promise<User> {
    const user = await ctx.services.sessions.login(ctx.req, ctx.res, ctx.audience, email, password);
    adoptScope(ctx, await buildScope(ctx.ds.manager, user));
    return user;
  }

  /** Ends the current session; answers true also when there was none. */
  @Mutation(() => Boolean)
  async logout(@Ctx() ctx: GqlContext): Promise<boolean> {
    return ctx.services.sessions.logout(ctx.res, ctx.audience, ctx.sessionId, ctx.scope);
  }

  /** The brands the signed-in person works for on this front end; the switcher shows when there are several. */
  @Authorized()
  @Query(() => [MembershipType], {
    description: 'The brands my person works for on this app (mine among them), by brand name',
  })
  myMemberships(@Ctx() ctx: GqlContext): Promise<MembershipRow[]> {
    return ctx.services.sessions.memberships(requireScope(ctx));
  }

  @Authorized()
  @Mutation(() => UserType, {
    description: 'Moves my session to another of my memberships on this app: this session ends, a new one begins',
  })
  async switchMembership(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GqlContext): Promise<User> {
    const { req, res, audience, sessionId } = ctx;
    const user = await ctx.services.sessions.switchMembership(req, res, audience, requireScope(ctx), sessionId, userId);
    adoptScope(ctx, await buildScope(ctx.ds.manager, user));
    return user;
  }
}
