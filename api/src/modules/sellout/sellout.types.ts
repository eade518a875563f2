import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { SelloutFindingKind, SelloutRowProblem, SelloutUploadKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { OptionalIdField } from '../../common/fields';
import { MoneyType } from '../product';

registerEnumType(SelloutUploadKind, { name: 'SelloutUploadKind', description: '流向 SELL_OUT, 库存上报 STOCK' });
registerEnumType(SelloutRowProblem, { name: 'SelloutRowProblem' });
registerEnumType(SelloutFindingKind, {
  name: 'SelloutFindingKind',
  description: '疑似窜货 CROSS_TERRITORY, 库存差异 STOCK_DIFFERENCE',
});

@ObjectType('SelloutRowError', { description: 'A problem of one cell of an uploaded row' })
export class SelloutRowErrorType {
  @Field(() => Int, { description: 'The file’s row, as Excel numbers it (0: the file itself)' })
  row: number;

  @Field({ description: 'hospital, department, product, batch, quantity, date or price (empty: the whole row)' })
  column: string;

  @Field(() => SelloutRowProblem)
  code: SelloutRowProblem;

  @Field()
  message: string;
}

@ObjectType('SelloutHospitalMatch', {
  description: 'A hospital of the master a row’s name may mean; one outside the viewer’s scope shows no id or name',
})
export class SelloutHospitalMatchType {
  @Field(() => Int, { nullable: true, description: 'Its place among the row’s candidates (null: chosen by hand)' })
  candidate: number | null;

  @Field(() => ID, { nullable: true })
  hospitalId: string | null;

  @Field(() => String, { nullable: true })
  hospitalName: string | null;

  @Field(() => Float, { nullable: true, description: 'Similarity of the names, 0 to 1' })
  score: number | null;

  @Field({ description: 'A hospital the distributor’s authorizations do not cover today' })
  outsideScope: boolean;
}

@ObjectType('SelloutUploadRow')
export class SelloutUploadRowType {
  @Field(() => Int)
  row: number;

  @Field()
  hospitalText: string;

  @Field()
  departmentText: string;

  @Field()
  productText: string;

  @Field(() => String, { nullable: true })
  productName: string | null;

  @Field()
  batchNo: string;

  @Field(() => Int, { nullable: true })
  quantity: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  occurredOn: string | null;

  @Field({ description: 'The unit price’s cell as written (empty: none)' })
  priceText: string;

  @Field(() => MoneyType, { nullable: true, description: 'The price per unit sold at (单价), when the file gives one' })
  unitPrice: MoneyType | null;

  @Field(() => SelloutHospitalMatchType, { nullable: true, description: 'The hospital the row is written to' })
  match: SelloutHospitalMatchType | null;

  @Field(() => [SelloutHospitalMatchType], { description: 'The master’s closest names, best first' })
  candidates: SelloutHospitalMatchType[];

  @Field({ description: 'No authorization of the distributor covers the product there that day (窜货)' })
  crossTerritory: boolean;
}

@ObjectType('SelloutFinding', { description: 'What reconciliation found in a committed upload' })
export class SelloutFindingType {
  @Field(() => ID)
  id: string;

  @Field(() => SelloutFindingKind)
  kind: SelloutFindingKind;

  @Field()
  month: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field()
  productName: string;

  @Field()
  productCode: string;

  @Field()
  batchNo: string;

  @Field(() => String, { nullable: true, description: 'Where the viewer sees the hospital' })
  hospitalName: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  occurredOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Units sold (窜货)' })
  quantity: number | null;

  @Field(() => Int, { nullable: true, description: 'Units reported on hand' })
  reported: number | null;

  @Field(() => Int, { nullable: true, description: 'Units the movements hold at the month’s end' })
  derived: number | null;

  @Field(() => Int, { nullable: true })
  rowNo: number | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class SelloutFindingConnection extends Connection(SelloutFindingType) {}

@ObjectType('SelloutUpload', { description: 'A distributor’s monthly file: previewed, then committed once' })
export class SelloutUploadType {
  @Field(() => ID)
  id: string;

  @Field(() => SelloutUploadKind)
  kind: SelloutUploadKind;

  @Field()
  month: string;

  @Field(() => ID)
  distributorId: string;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field({ description: 'PREVIEWED, then COMMITTED' })
  status: string;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  errorCount: number;

  @Field(() => [SelloutRowErrorType])
  errors: SelloutRowErrorType[];

  @Field(() => [SelloutUploadRowType])
  rows: SelloutUploadRowType[];

  @Field(() => [SelloutFindingType], { description: 'Once committed: its 窜货 flags and stock differences' })
  findings: SelloutFindingType[];
}

@InputType()
export class SelloutMatchInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  row: number;

  @Field(() => Int, { nullable: true, description: 'One of the row’s candidates' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  candidate?: number | null;

  @OptionalIdField('Or a hospital the viewer sees; neither: no hospital yet')
  hospitalId?: string | null;
}

@InputType()
export class SelloutMatchesInput {
  @Field(() => [SelloutMatchInput])
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  matches: SelloutMatchInput[];
}

@InputType()
export class SelloutFindingFilter {
  @Field(() => SelloutFindingKind, { nullable: true })
  kind?: SelloutFindingKind | null;

  @OptionalIdField()
  distributorId?: string | null;
}
