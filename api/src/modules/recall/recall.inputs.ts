import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { RecallSeverity, RecallStatus } from '@medchannel/shared-schema';
import { IdField, OptionalBooleanField, OptionalIdField, OptionalTextField, TextField } from '../../common/fields';

@InputType({ description: 'A recall of a product’s batch or serial: what, why, how grave, what to do' })
export class CreateRecallInput {
  @IdField()
  productId: string;

  @OptionalTextField(64, 'The batch recalled (every serial of it); or name a serial')
  batchNo?: string | null;

  @OptionalTextField(64, 'The serial recalled (one unit)')
  serialNo?: string | null;

  @TextField(1, 500)
  reason: string;

  @Field(() => RecallSeverity)
  @IsEnum(RecallSeverity)
  severity: RecallSeverity;

  @TextField(1, 2000, 'What a distributor must do: stop selling, quarantine, return, tell the hospitals')
  instructions: string;

  @OptionalIdField('Made once per recall by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType()
export class RecallFilter {
  @Field(() => RecallStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RecallStatus)
  status?: RecallStatus | null;
}

@InputType({ description: 'Which of a recall’s reached distributors' })
export class RecallReachFilter {
  @OptionalBooleanField('Only those that acknowledged (true) or not yet (false)')
  acknowledged?: boolean | null;

  @OptionalIdField('One distributor')
  distributorId?: string | null;
}
