import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { DistributorAssessment } from './assessment.entity';
import { AssessmentInput, AssessmentType } from './assessment.types';
import { Can } from '../../auth/can';

@Resolver(() => AssessmentType)
export class AssessmentResolver {
  /** The brand's screening of a candidate; kept, never overwritten. */
  @Can('distributor.assess')
  @Mutation(() => AssessmentType)
  recordScreeningAssessment(
    @Arg('input') input: AssessmentInput,
    @Ctx() ctx: GqlContext,
  ): Promise<DistributorAssessment> {
    return ctx.services.assessments.record(requireScope(ctx), input);
  }
}
