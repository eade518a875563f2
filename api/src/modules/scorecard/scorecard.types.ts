import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RetierDirection, RetierStatus, ScorecardFigureKind } from '@medchannel/shared-schema';
import { IdField, OptionalDateField, OptionalTextField } from '../../common/fields';
import { LocalDateScalar } from '../../common/dates';
import { Distributor, DistributorType } from '../distributor';

registerEnumType(ScorecardFigureKind, {
  name: 'ScorecardFigureKind',
  description: 'A figure of the quarterly scorecard',
});
registerEnumType(RetierDirection, { name: 'RetierDirection', description: 'UP: a better tier (a lower number)' });
registerEnumType(RetierStatus, { name: 'RetierStatus', description: 'PROPOSED → APPROVED (from a date) or REJECTED' });

@ObjectType('ScorecardInput', { description: 'One input a figure was computed from' })
export class ScorecardInputType {
  @Field({ description: 'What it is: target, sellIn, authorizedHospitals, certifiedReps, outstanding, dso …' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The product line it is about (certified reps per line)' })
  subject: string | null;

  @Field({ description: 'An exact amount (2 decimals), a count or a number of days' })
  value: string;
}

@ObjectType('ScorecardFigure', { description: 'A figure: its ratio, its score 0–100, its weight, and its inputs' })
export class ScorecardFigureType {
  @Field(() => ScorecardFigureKind)
  kind: ScorecardFigureKind;

  @Field(() => String, {
    nullable: true,
    description: 'The ratio, 4 decimals rounded down; null: nothing to measure this quarter',
  })
  value: string | null;

  @Field(() => String, { nullable: true, description: 'min(ratio, 1) × 100, 2 decimals' })
  score: string | null;

  @Field(() => Int, { description: 'The brand’s weight of the figure' })
  weight: number;

  @Field(() => [ScorecardInputType])
  inputs: ScorecardInputType[];
}

@ObjectType('Scorecard', { description: 'A distributor’s quarterly scorecard (经销商评分)' })
export class ScorecardType {
  @Field(() => DistributorType)
  distributor: Distributor;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  quarter: number;

  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar)
  to: string;

  @Field(() => LocalDateScalar, {
    description: 'The day payment, certificates and tier are read at: the quarter’s end, or today while it runs',
  })
  asOf: string;

  @Field(() => Int, { description: 'The tier in force on the as-of day' })
  tier: number;

  @Field(() => String, { nullable: true, description: 'Σ weight × score ÷ Σ weight over the figures with a score' })
  score: string | null;

  @Field(() => Int, { nullable: true, description: 'The weights’ version (none: every figure alike)' })
  weightsVersion: number | null;

  @Field()
  upThreshold: string;

  @Field()
  downThreshold: string;

  @Field(() => RetierDirection, { nullable: true, description: 'The re-tier the score indicates, if any' })
  indicatedDirection: RetierDirection | null;

  @Field(() => Int, { nullable: true })
  indicatedTier: number | null;

  @Field(() => [ScorecardFigureType])
  figures: ScorecardFigureType[];
}

@ObjectType('ScorecardFigureWeight')
export class FigureWeightType {
  @Field(() => ScorecardFigureKind)
  kind: ScorecardFigureKind;

  @Field(() => Int)
  weight: number;
}

@ObjectType('ScorecardWeights', {
  description: 'The brand’s weights and re-tier thresholds (version null: the defaults)',
})
export class ScorecardWeightsType {
  @Field(() => Int, { nullable: true })
  version: number | null;

  @Field(() => [FigureWeightType])
  weights: FigureWeightType[];

  @Field()
  upThreshold: string;

  @Field()
  downThreshold: string;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;
}

@InputType('ScorecardFigureWeightInput')
export class FigureWeightInput {
  @Field(() => ScorecardFigureKind)
  kind: ScorecardFigureKind;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  weight: number;
}

@InputType({ description: 'Every figure’s weight and the thresholds, as the next version' })
export class SetScorecardWeightsInput {
  @Field(() => [FigureWeightInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  weights: FigureWeightInput[];

  @Field({ description: 'A score from which a tier up is proposed, e.g. 85' })
  @IsString()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/)
  upThreshold: string;

  @Field({ description: 'A score below which a tier down is proposed, e.g. 50' })
  @IsString()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/)
  downThreshold: string;

  @IdField('Made once per change by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType({ description: 'Propose the re-tier a quarter’s score indicates' })
export class ProposeRetierInput {
  @IdField()
  distributorId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  @IdField('Made once per proposal by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType({ description: 'Approve from a date (today or later), or reject with a reason' })
export class ReviewRetierInput {
  @Field()
  @IsBoolean()
  approve: boolean;

  @OptionalDateField('Required to approve: the first day of the new tier (and its prices)')
  effectiveFrom?: string | null;

  @OptionalTextField(500, 'Required to reject')
  reason?: string | null;

  @IdField('Made once per review by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@ObjectType('RetierProposal', { description: '调级: a re-tier proposed from a quarter’s score' })
export class RetierProposalType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  quarter: number;

  @Field()
  score: string;

  @Field(() => Int, { nullable: true })
  weightsVersion: number | null;

  @Field(() => Int)
  fromTier: number;

  @Field(() => Int)
  toTier: number;

  @Field(() => RetierStatus)
  status: RetierStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  effectiveFrom: string | null;

  @Field(() => String, { nullable: true })
  reviewReason: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field()
  createdAt: Date;
}
