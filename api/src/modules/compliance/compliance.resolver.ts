import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { ComplianceAnswerType, ComplianceArgs } from './compliance.types';

@Resolver()
export class ComplianceResolver {
  /** Can this distributor sell this product to this hospital on this date? Yes, or every reason why not. */
  @Authorized()
  @Query(() => ComplianceAnswerType)
  complianceCheck(@Args() args: ComplianceArgs, @Ctx() ctx: GqlContext): Promise<ComplianceAnswerType> {
    return ctx.services.compliance.ask(requireScope(ctx), args);
  }
}
