import { Args, ArgsType, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { GqlContext, adoptScope } from '../context';
import { buildScope } from './scope';
import { UserType } from '../modules/user/user.types';
import { User } from '../modules/user/user.entity';

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
}
