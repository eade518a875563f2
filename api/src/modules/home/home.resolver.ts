import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { ExpiryWarningType, expiryWarning } from '../qualification';
import { HomeTodoRecordType, HomeTodoType } from './home.types';

@Resolver(() => HomeTodoType)
export class HomeResolver {
  @Authorized()
  @Query(() => [HomeTodoType], {
    description:
      'What waits for the viewer (我的待办), one entry per kind of work the role does, each counted as its list counts it; none for a role nothing waits on',
  })
  homeTodos(@Ctx() ctx: GqlContext): Promise<HomeTodoType[]> {
    return ctx.services.home.todos(requireScope(ctx));
  }
}

@Resolver(() => HomeTodoRecordType)
export class HomeTodoRecordResolver {
  @FieldResolver(() => ExpiryWarningType, { nullable: true, description: 'A document’s 60/30/7-day warning' })
  expiry(@Root() r: HomeTodoRecordType): ExpiryWarningType | null {
    return r.validTo ? expiryWarning(r.validTo) : null;
  }
}
