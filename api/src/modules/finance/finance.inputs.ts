import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PaymentMethod } from '@medchannel/shared-schema';
import { DecimalScalar } from '../../common/money';
import { PageSize } from '../../common/page-size';
import { DecimalRange, LocalDateNotAfter } from '../../common/ranges';
import {
  IdField,
  OptionalIdField,
  TextField,
  OptionalTextField,
  DateField,
  OptionalDateField,
} from '../../common/fields';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class IssueInvoiceInput {
  @IdField()
  distributorId: string;

  @Field(() => [ID], { description: 'Shipments not yet invoiced, of this distributor' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  shipmentIds: string[];

  @Field(() => String, { defaultValue: '0.13', description: 'VAT rate as a decimal fraction, e.g. "0.13"' })
  @Matches(/^0(\.\d{1,4})?$/, { message: 'A tax rate is a fraction such as "0.13"' })
  taxRate: string;

  @Field(() => String, { nullable: true, description: 'The tax invoice number (发票号码); generated when left out' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  number?: string | null;

  @OptionalDateField('Defaults to today')
  issuedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ERP’s reference: the same reference again is the same invoice',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  externalRef?: string | null;
}

@InputType()
export class AllocationInput {
  @IdField()
  invoiceId: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0.01')
  amount: string;
}

@InputType()
export class RecordPaymentInput {
  @IdField()
  distributorId: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0.01')
  amount: string;

  @DateField('Not after tomorrow (China time)')
  @LocalDateNotAfter(1)
  receivedOn: string;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @TextField(1, 100, 'The bank’s or the ERP’s reference: recording it again changes nothing')
  externalRef: string;

  @OptionalTextField(500)
  note?: string | null;

  @Field(() => [AllocationInput], {
    nullable: true,
    description: 'By hand; left out, the payment settles open invoices oldest first',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  allocations?: AllocationInput[] | null;
}

@ArgsType()
export class OpenItemsArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @PageSize(1, 1000)
  first?: number | null;
}

@ArgsType()
export class StatementArgs {
  @IdField()
  distributorId: string;

  @Field({ description: 'A closed month, YYYY-MM' })
  @Matches(PERIOD, { message: 'A period is a month such as 2026-10' })
  period: string;
}

@InputType()
export class DisputeLineInput {
  @IdField()
  lineId: string;

  @TextField(2, 1000)
  comment: string;
}

@InputType()
export class DisputeStatementInput {
  @IdField()
  statementId: string;

  @Field(() => [DisputeLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  lines: DisputeLineInput[];
}

@InputType()
export class ResolveDisputeInput {
  @IdField()
  disputeId: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Post this adjustment (negative reduces what the distributor owes); leave out to reject the dispute',
  })
  @IsOptional()
  adjustment?: string | null;

  @TextField(2, 1000, 'What was decided and why; the owner reads it')
  resolution: string;
}

@InputType()
export class AccountFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField('The distributor’s region or a city under it')
  regionId?: string | null;
}
