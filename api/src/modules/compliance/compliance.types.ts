import { ArgsType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Matches } from 'class-validator';
import { ComplianceReason } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { IdField } from '../../common/fields';

registerEnumType(ComplianceReason, { name: 'ComplianceReason' });

@ObjectType('ComplianceFinding')
export class ComplianceFindingType {
  @Field(() => ComplianceReason)
  reason: ComplianceReason;

  @Field()
  message: string;
}

@ObjectType('ComplianceAnswer')
export class ComplianceAnswerType {
  @Field()
  allowed: boolean;

  @Field(() => [ComplianceFindingType], { description: 'Every reason why not; empty when allowed' })
  findings: ComplianceFindingType[];
}

@ArgsType()
export class ComplianceArgs {
  @IdField()
  distributorId: string;

  @IdField()
  productId: string;

  @IdField()
  hospitalId: string;

  @Field(() => LocalDateScalar)
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  on: string;
}
