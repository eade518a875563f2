import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { ExitOrderDecision } from '@medchannel/shared-schema';
import { DecimalScalar } from '../../common/money';
import { DecimalRange } from '../../common/ranges';
import {
  DateField,
  IdField,
  OptionalDateField,
  OptionalIdField,
  OptionalTextField,
  TextField,
} from '../../common/fields';

@InputType({ description: '劝退: the exit plan of a distributor' })
export class StartExitPlanInput {
  @IdField('The exiting distributor (moved to EXITING when it is not already)')
  distributorId: string;

  @DateField('From this day (today or later): no new order, the authorizations revoked')
  effectiveOn: string;

  @OptionalDateField('Run-down: its stock may be sold out to hospitals until this day; none: bought back')
  sellOutUntil?: string | null;

  @OptionalIdField('Who takes over its hospitals, opportunities and open commitments')
  successorId?: string | null;

  @TextField(2, 500, 'Why the distributor exits')
  reason: string;

  @IdField('Made once per plan by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType({ description: 'Finish or cancel one open order of the exiting distributor' })
export class DecideExitOrderInput {
  @IdField()
  planId: string;

  @IdField()
  orderId: string;

  @Field(() => ExitOrderDecision)
  @IsEnum(ExitOrderDecision)
  decision: ExitOrderDecision;

  @TextField(2, 500, 'Why: the order’s timeline shows it')
  reason: string;
}

@InputType({ description: 'One lot bought back: product, batch or serial, units and the buy-back price' })
export class ExitReturnLineInput {
  @IdField()
  productId: string;

  @OptionalTextField(64)
  batchNo?: string | null;

  @OptionalTextField(64)
  serialNo?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  @Field(() => DecimalScalar, { description: 'What the brand credits per unit, in CNY' })
  @DecimalRange('0.00')
  unitPrice: string;
}

@InputType({
  description: '退货: goods bought back by the brand, out of the distributor’s stock, credited to its account',
})
export class RecordExitReturnInput {
  @IdField()
  planId: string;

  @Field(() => [ExitReturnLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  lines: ExitReturnLineInput[];

  @IdField('Made once per return by the client: a retry with it returns the first result')
  idempotencyKey: string;
}
