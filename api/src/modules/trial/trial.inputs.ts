import { Field, InputType } from 'type-graphql';
import { IsEnum, Matches } from 'class-validator';
import { TrialOutcome } from '@medchannel/shared-schema';
import { DateField, ExpectedVersionField, IdField, OptionalIdField, TextField } from '../../common/fields';

/** A serial as people write it: letters, digits and - _ / . (kept upper case, trimmed). */
const SERIAL = /^\s*[A-Za-z0-9][A-Za-z0-9\-_/.]{0,63}\s*$/;

@InputType()
export class PlanTrialInput {
  @IdField()
  opportunityId: string;

  @IdField('The instrument’s product')
  productId: string;

  @TextField(1, 64)
  @Matches(SERIAL, { message: 'A serial number is letters, digits and - _ / .' })
  serialNumber: string;

  @DateField()
  plannedFrom: string;

  @DateField('The last day of the trial')
  plannedTo: string;

  @TextField(2, 2000, 'What the department tries, and how it is judged')
  protocol: string;

  @OptionalIdField('Made once per trial by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType()
export class DeliverTrialInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @DateField('The day the instrument reached the department')
  deliveredOn: string;
}

@InputType()
export class ExtendTrialInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @DateField('The new last day, after the current one')
  plannedTo: string;

  @TextField(2, 500)
  reason: string;
}

@InputType()
export class ReturnTrialInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @DateField('The day the instrument came back')
  returnedOn: string;

  @Field(() => TrialOutcome)
  @IsEnum(TrialOutcome)
  outcome: TrialOutcome;

  @TextField(2, 2000, 'What the trial showed')
  result: string;
}

@InputType()
export class CancelTrialInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @TextField(2, 500)
  reason: string;
}
