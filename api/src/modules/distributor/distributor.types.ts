import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsUUID,
  ValidateNested,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DecimalRange } from '../../common/ranges';
import { DistributorClassification, DistributorStage } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { DecimalScalar } from '../../common/money';
import { IdField, OptionalIdField } from '../../common/fields';

registerEnumType(DistributorClassification, { name: 'DistributorClassification' });

registerEnumType(DistributorStage, {
  name: 'DistributorStage',
  description: 'Where the distributor is in the channel lifecycle',
});

@ObjectType('Distributor')
export class DistributorType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  code: string;

  @Field(() => DistributorStage)
  stage: DistributorStage;

  @Field(() => Int)
  tier: number;

  @Field(() => Int, { description: 'Optimistic lock: send it back with edits' })
  version: number;

  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  creditCode: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Registered capital in CNY' })
  registeredCapital: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field(() => [DistributorClassification])
  classifications: DistributorClassification[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class DistributorConnection extends Connection(DistributorType) {}

@InputType()
export class DistributorFilter {
  @Field({ nullable: true, description: 'Matches name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => DistributorStage, { nullable: true })
  @IsOptional()
  @IsEnum(DistributorStage)
  stage?: DistributorStage;

  @Field(() => Int, { nullable: true, description: 'Left out: unchanged (it cannot be emptied)' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsInt()
  @Min(1)
  @Max(9)
  tier?: number;

  @OptionalIdField('A province includes its cities')
  regionId?: string;
}

/** 账期 in days, as the database's check keeps them. */
const MAX_PAYMENT_TERMS_DAYS = 365;

@ArgsType()
export class SetPaymentTermsArgs {
  @IdField()
  distributorId: string;

  @Field(() => Int, {
    description: 'The version the caller saw; a newer one answers CONFLICT (unless it already has these terms)',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => Int, {
    description: `Days an invoice or a shipment's receivable falls due after: 0 to ${MAX_PAYMENT_TERMS_DAYS}`,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_PAYMENT_TERMS_DAYS)
  days: number;
}

@ArgsType()
export class AssignChannelManagerArgs {
  @IdField()
  distributorId: string;

  @IdField()
  userId: string;

  @Field(() => Int, { description: 'The version the caller saw; a newer one answers CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** The most distributors one reassignment takes: a page of the list at its largest. */
const MAX_BULK_ASSIGN = 100;

@ArgsType()
export class AssignDistributorsToChannelManagerArgs {
  @Field(() => [ID], {
    description: `The distributors, as the list's row selection names them (at most ${MAX_BULK_ASSIGN})`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ASSIGN)
  @IsUUID('all', { each: true })
  distributorIds: string[];

  @IdField('An active channel manager of the brand')
  userId: string;
}

@ObjectType('DistributorStageChange')
export class DistributorStageChangeType {
  @Field(() => ID)
  id: string;

  @Field(() => DistributorStage)
  fromStage: DistributorStage;

  @Field(() => DistributorStage)
  toStage: DistributorStage;

  @Field()
  reason: string;

  @Field()
  createdAt: Date;
}

@ArgsType()
export class MoveStageArgs {
  @IdField()
  distributorId: string;

  @Field(() => DistributorStage)
  @IsEnum(DistributorStage)
  toStage: DistributorStage;

  @Field({ description: 'Why: kept in the stage history' })
  @Length(2, 500)
  reason: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class DistributorProfileInput {
  @Field({ nullable: true, description: 'Left as it is when absent; null is refused' })
  @ValidateIf((_input, value) => value !== undefined)
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: '18 characters' })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'A unified social credit code has 18 characters',
  })
  creditCode?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @DecimalRange('0')
  registeredCapital?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  contactName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  contactPhone?: string;

  @Field(() => [DistributorClassification], {
    nullable: true,
    description: 'Left as it is when absent; null is refused',
  })
  @ValidateIf((_input, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(DistributorClassification, { each: true })
  classifications?: DistributorClassification[];

  @Field(() => Int, { nullable: true, description: 'Left as it is when absent; null is refused' })
  @ValidateIf((_input, value) => value !== undefined)
  @IsInt()
  @Min(1)
  @Max(9)
  tier?: number;
}

@InputType()
export class CreateDistributorInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field()
  @Length(1, 32)
  code: string;

  @IdField()
  regionId: string;

  @OptionalIdField('The first-tier distributor of a second tier')
  parentId?: string;

  @Field(() => DistributorProfileInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  profile?: DistributorProfileInput;
}
