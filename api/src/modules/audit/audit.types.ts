import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { Role, Side } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';

@ObjectType('AuditChange', { description: 'One changed field of an audited record: before → after, as text' })
export class AuditChangeType {
  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before (none when the action only states a value)' })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

@ObjectType('AuditPerson', { description: 'Who acted, as the viewer may know them' })
export class AuditPersonType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => Side)
  side: Side;

  @Field(() => Role)
  role: Role;
}

@ObjectType('AuditEntry', { description: 'One audited change: who, when, from which side, what' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Side, { description: 'The side the person acted from (the console: BRAND, the portal: PARTNER)' })
  side: Side;

  @Field({ description: 'What was done: MOVE_STAGE, SET_CREDIT_LIMIT, …' })
  action: string;

  @Field({ description: 'The kind of record: distributor, order, statement, …' })
  entity: string;

  @Field(() => ID)
  entityId: string;

  @Field()
  createdAt: Date;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntryType) {}

const KIND = /^[a-z_]{1,64}$/;

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'What this person did' })
  @IsOptional()
  @IsUUID()
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of record (distributor, order, …)' })
  @IsOptional()
  @Matches(KIND)
  @MaxLength(64)
  entity?: string | null;

  @Field(() => ID, { nullable: true, description: 'One record' })
  @IsOptional()
  @IsUUID()
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The records of this distributor' })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'From this day (China time)' })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'To this day, inclusive (China time)' })
  @IsOptional()
  to?: string | null;
}
