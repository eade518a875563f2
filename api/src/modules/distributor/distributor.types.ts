import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DecimalRange } from '../../common/ranges';
import { DistributorClassification, DistributorStage } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { DecimalScalar } from '../../common/money';

registerEnumType(DistributorClassification, { name: 'DistributorClassification' });

registerEnumType(DistributorStage, { name: 'DistributorStage', description: 'Where the distributor is in the channel lifecycle' });

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

  @Field(() => ID, { nullable: true, description: 'A province includes its cities' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

@ArgsType()
export class AssignChannelManagerArgs {
  @Field(() => ID)
  @IsUUID()
  distributorId: string;

  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => Int, { description: 'The version the caller saw; a newer one answers CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
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
  @Field(() => ID)
  @IsUUID()
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
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: '18 characters' })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { message: 'A unified social credit code has 18 characters' })
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

  @Field(() => [DistributorClassification], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(DistributorClassification, { each: true })
  classifications?: DistributorClassification[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
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

  @Field(() => ID)
  @IsUUID()
  regionId: string;

  @Field(() => ID, { nullable: true, description: 'The first-tier distributor of a second tier' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => DistributorProfileInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  profile?: DistributorProfileInput;
}
