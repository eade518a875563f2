import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DistributorStage } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

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

  @Field(() => Int, { nullable: true })
  @IsOptional()
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
