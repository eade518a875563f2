import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { AuthorizationKind, AuthorizationStatus } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { IdField, OptionalIdField, DateField } from '../../common/fields';

registerEnumType(AuthorizationKind, { name: 'AuthorizationKind' });
registerEnumType(AuthorizationStatus, { name: 'AuthorizationStatus' });

@ObjectType('Authorization')
export class AuthorizationType {
  @Field(() => ID)
  id: string;

  @Field(() => AuthorizationKind)
  kind: AuthorizationKind;

  @Field()
  exclusive: boolean;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar)
  validTo: string;

  @Field(() => LocalDateScalar, { nullable: true })
  revokedFrom: string | null;

  @Field(() => String, { nullable: true })
  revokeReason: string | null;

  @Field(() => Int)
  version: number;
}

@InputType()
export class GrantAuthorizationInput {
  @IdField()
  distributorId: string;

  @Field(() => AuthorizationKind)
  @IsEnum(AuthorizationKind)
  kind: AuthorizationKind;

  @Field({ defaultValue: false })
  @IsBoolean()
  exclusive: boolean;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productLineIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  productIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  regionIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  hospitalIds: string[];

  @DateField()
  validFrom: string;

  @DateField()
  validTo: string;
}

@ArgsType()
export class ExtendAuthorizationArgs {
  @IdField()
  id: string;

  @DateField()
  validTo: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class RevokeAuthorizationArgs {
  @IdField()
  id: string;

  @DateField('From this date on the grant no longer applies')
  effectiveFrom: string;

  @Field()
  @Length(2, 500)
  reason: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class AuthorizationsArgs {
  @OptionalIdField()
  distributorId?: string;

  @Field(() => AuthorizationStatus, { nullable: true, description: 'Status today' })
  @IsOptional()
  @IsEnum(AuthorizationStatus)
  status?: AuthorizationStatus;
}
