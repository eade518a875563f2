import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { AccountCreditKind } from '@medchannel/shared-schema';
import { DecimalScalar } from '../../common/money';
import { DecimalRange, LocalDateNotAfter } from '../../common/ranges';
import { LocalDateScalar } from '../../common/dates';
import { Connection } from '../../common/pagination';
import { DateField, IdField, OptionalDateField, OptionalIdField, TextField } from '../../common/fields';

registerEnumType(AccountCreditKind, { name: 'AccountCreditKind', description: '折让 (credit note) or 返利 (rebate)' });

/** A credit note or rebate posted to a distributor's account, with its reason. */
@InputType()
export class PostAccountCreditInput {
  @IdField()
  distributorId: string;

  @Field(() => AccountCreditKind)
  @IsEnum(AccountCreditKind)
  kind: AccountCreditKind;

  @Field(() => DecimalScalar, { description: 'Positive: what the distributor owes goes down by it' })
  @DecimalRange('0.01')
  amount: string;

  @DateField('The day it counts on; not after today (China time). Into a stated month, it is posted to the open one')
  @LocalDateNotAfter(0)
  occurredOn: string;

  @TextField(2, 500, 'Why: the distributor reads it on the statement')
  reason: string;

  @IdField('Made once per posting by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@ObjectType('AccountCredit')
export class AccountCreditType {
  @Field(() => ID)
  id: string;

  @Field(() => AccountCreditKind)
  kind: AccountCreditKind;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field()
  reason: string;

  @Field()
  createdAt: Date;
}

@ObjectType('AccountCreditConnection')
export class AccountCreditConnection extends Connection(AccountCreditType) {}

/** The credits list's filters: one account, one kind, the days they count on (both ends included). */
@InputType()
export class AccountCreditFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @Field(() => AccountCreditKind, { nullable: true })
  @IsOptional()
  @IsEnum(AccountCreditKind)
  kind?: AccountCreditKind | null;

  @OptionalDateField('Counts on or after')
  from?: string | null;

  @OptionalDateField('Counts on or before')
  to?: string | null;
}
