import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Locale, Role, Side } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Side, { name: 'Side', description: 'BRAND works in the console, PARTNER in the portal' });
registerEnumType(Locale, { name: 'Locale' });

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Side)
  side: Side;

  @Field(() => Role)
  role: Role;

  @Field(() => Locale)
  locale: Locale;
}

@ObjectType()
export class UserConnection extends Connection(UserType) {}

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Matches name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => Side, { nullable: true })
  @IsOptional()
  @IsEnum(Side)
  side?: Side;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string;

  @Field({
    nullable: true,
    description: 'Only the brand colleagues I manage: a regional head’s team, an admin’s brand',
  })
  @IsOptional()
  @IsBoolean()
  team?: boolean;
}

@ArgsType()
export class SetLocaleArgs {
  @Field(() => Locale)
  @IsEnum(Locale)
  locale: Locale;
}
