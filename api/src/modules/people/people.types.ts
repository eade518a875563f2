import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Audience, PASSWORD_MAX_LENGTH, PasswordProblem, PersonStatus, Role } from '@medchannel/shared-schema';

registerEnumType(PersonStatus, { name: 'PersonStatus', description: 'INVITED: no password set yet' });
registerEnumType(PasswordProblem, { name: 'PasswordProblem' });
registerEnumType(Audience, { name: 'Audience' });

@InputType()
class PersonInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Enter the name' })
  @MaxLength(100)
  displayName: string;

  @Field({ description: 'The client’s key for this invitation (a UUID): sent again, it answers the same person' })
  @IsUUID()
  requestKey: string;
}

@InputType()
export class InviteBrandUserInput extends PersonInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => [ID])
  @ArrayMaxSize(50)
  regionIds: string[];
}

@InputType()
export class InviteOwnerInput extends PersonInput {
  @Field(() => ID)
  distributorId: string;
}

@InputType()
export class InviteRepInput extends PersonInput {
  @Field({ defaultValue: false })
  @IsBoolean()
  financeAccess: boolean;
}

@InputType()
export class UpdateBrandUserInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => [ID])
  @ArrayMaxSize(50)
  regionIds: string[];

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;
}

@ArgsType()
export class SetPasswordArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  token: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MinLength(1, { message: 'Enter your current password' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

@ArgsType()
export class RequestResetArgs {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address' })
  @MaxLength(254)
  email: string;
}

@ObjectType('Session', { description: 'One of my signed-in sessions' })
export class SessionType {
  @Field(() => ID)
  id: string;

  @Field(() => Audience)
  audience: Audience;

  @Field({ description: 'Browser and system, from the user agent' })
  device: string;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field()
  createdAt: Date;

  @Field()
  lastUsedAt: Date;

  @Field({ description: 'The session of this request' })
  current: boolean;
}

@ObjectType('HandOverResult', { description: 'What one hand-over moved' })
export class HandOverResultType {
  @Field(() => Int)
  coVisits: number;

  @Field(() => Int)
  tasks: number;
}

@InputType()
export class HandOverWorkInput {
  @Field(() => ID)
  fromUserId: string;

  @Field(() => ID)
  toUserId: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The co-visits to move: all his open ones when absent, none when empty',
  })
  @ArrayMaxSize(200)
  coVisitIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'The tasks to move: all his open ones when absent, none when empty',
  })
  @ArrayMaxSize(200)
  taskIds?: string[] | null;
}
