import { Field, InputType, Int } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  CommitmentPeriod,
  InstrumentCondition,
  PlacementSource,
  PlacementStatus,
  StocktakeFinding,
} from './placement.enums';
import {
  DateField,
  ExpectedVersionField,
  IdField,
  OptionalBooleanField,
  OptionalIdField,
  OptionalTextField,
  TextField,
} from '../../common/fields';

@InputType({ description: 'An instrument placed at a hospital department under a reagent-volume commitment' })
export class PlaceInstrumentInput {
  @OptionalIdField('Whose instrument (a partner: default the own distributor; a brand user: required)')
  distributorId?: string | null;

  @IdField('The instrument (an equipment product)')
  productId: string;

  @TextField(1, 64, 'Its serial number (kept trimmed, upper case)')
  serialNo: string;

  @Field(() => PlacementSource, { description: 'From the distributor’s stock (received) or from a trial' })
  @IsEnum(PlacementSource)
  source: PlacementSource;

  @OptionalIdField('TRIAL: the trial it stood on (same product and serial)')
  trialId?: string | null;

  @IdField()
  hospitalId: string;

  @IdField('A department of the hospital')
  departmentId: string;

  @IdField('The reagents the commitment is counted in')
  reagentLineId: string;

  @Field(() => Int, { description: 'Units of reagent per period, more than 0' })
  @IsInt()
  @Min(1)
  @Max(1000000)
  commitmentQuantity: number;

  @Field(() => CommitmentPeriod)
  @IsEnum(CommitmentPeriod)
  commitmentPeriod: CommitmentPeriod;

  @DateField('The agreement’s first day (the instrument stands there from it)')
  startsOn: string;

  @DateField('The agreement’s last day')
  endsOn: string;

  @OptionalIdField('Made once per placement by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType({ description: 'The instrument moved to another department (or hospital)' })
export class RelocatePlacementInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @IdField()
  hospitalId: string;

  @IdField()
  departmentId: string;

  @DateField('The day it moved (not in the future)')
  occurredOn: string;

  @OptionalTextField(500)
  note?: string | null;
}

@InputType({ description: 'Another instrument (serial) stands in for the placed one under the same agreement' })
export class ReplacePlacementInstrumentInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @TextField(1, 64, 'The new serial number')
  serialNo: string;

  @DateField('The day it was swapped (not in the future)')
  occurredOn: string;

  @TextField(1, 500, 'Why')
  note: string;
}

@InputType({ description: 'The instrument comes back from the hospital: the placement ends' })
export class ReturnPlacementInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @DateField('The day it came back (not in the future)')
  occurredOn: string;

  @OptionalTextField(500)
  note?: string | null;
}

@InputType()
export class PlacementFilter {
  @Field(() => PlacementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PlacementStatus)
  status?: PlacementStatus | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  hospitalId?: string | null;

  @OptionalTextField(100, 'Serial, hospital or distributor contains')
  search?: string | null;

  @OptionalBooleanField('Only placements whose last complete month fell short of the commitment')
  shortfall?: boolean | null;
}

@InputType({ description: 'The brand opens the stocktake of a year: every placed instrument is to be confirmed' })
export class OpenStocktakeInput {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @DateField('By when the distributors confirm')
  dueOn: string;

  @OptionalIdField('Made once per campaign by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType({ description: 'What a distributor’s person found of one placed instrument' })
export class ConfirmStocktakeItemInput {
  @Field(() => StocktakeFinding)
  @IsEnum(StocktakeFinding)
  finding: StocktakeFinding;

  @OptionalTextField(200, 'FOUND, WRONG_PLACE: the scanned serial or GS1 UDI (must be the instrument’s)')
  scannedCode?: string | null;

  @Field(() => InstrumentCondition, { nullable: true, description: 'FOUND, WRONG_PLACE: required' })
  @IsOptional()
  @IsEnum(InstrumentCondition)
  condition?: InstrumentCondition | null;

  @OptionalTextField(200, 'WRONG_PLACE: where it stands')
  foundAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'The meter reading, where it has one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000000000)
  meterReading?: number | null;

  @OptionalTextField(500)
  note?: string | null;
}

@InputType({ description: 'A distributor’s count of one batch it holds' })
export class CountStocktakeBatchInput {
  @OptionalIdField('Whose stock (default: the own distributor; an owner may name a second tier)')
  distributorId?: string | null;

  @IdField()
  productId: string;

  @OptionalTextField(64, 'The batch (none: leave out)')
  batchNo?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000000)
  counted: number;
}

@InputType()
export class StocktakeItemFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @OptionalBooleanField('true: confirmed; false: still to confirm')
  confirmed?: boolean | null;

  @OptionalTextField(100, 'Serial or hospital contains')
  search?: string | null;
}
