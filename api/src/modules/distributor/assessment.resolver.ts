import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, requireScope } from '../../context';
import { DistributorAssessment } from './assessment.entity';
import { AssessmentInput, AssessmentType } from './assessment.types';

@Resolver(() => AssessmentType)
export class AssessmentResolver {
  /** The brand's screening of a candidate; kept, never overwritten. */
  @Authorized(Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER)
  @Mutation(() => AssessmentType)
  recordScreeningAssessment(@Arg('input') input: AssessmentInput, @Ctx() ctx: GqlContext): Promise<DistributorAssessment> {
    return ctx.services.assessments.record(requireScope(ctx), input);
  }
}
