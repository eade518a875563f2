import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { IdField } from '../../common/fields';

@ObjectType('ScreeningAssessment')
export class AssessmentType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  productsCarried: string | null;

  @Field(() => String, { nullable: true, description: 'Head-to-head competing products it carries' })
  competingProducts: string | null;

  @Field(() => String, { nullable: true })
  brandStrength: string | null;

  @Field(() => String, { nullable: true })
  peerReviews: string | null;

  @Field(() => Int)
  fitScore: number;

  @Field(() => Int)
  willingnessScore: number;

  @Field(() => Int)
  capabilityScore: number;

  @Field()
  createdAt: Date;
}

@InputType()
export class AssessmentInput {
  @IdField()
  distributorId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000)
  productsCarried?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000)
  competingProducts?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000)
  brandStrength?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  peerReviews?: string;

  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  fitScore: number;

  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  willingnessScore: number;

  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  capabilityScore: number;
}
