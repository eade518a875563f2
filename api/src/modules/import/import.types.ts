import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportRowError')
export class ImportRowErrorType {
  @Field(() => Int, { description: 'The sheet row, as Excel numbers it' })
  row: number;

  @Field()
  column: string;

  @Field()
  message: string;
}

@ObjectType('ImportProgress')
export class ImportProgressType {
  @Field()
  phase: string;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  total: number;
}

@ObjectType('ImportJob')
export class ImportJobType {
  @Field(() => ID)
  id: string;

  @Field()
  kind: string;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field({ description: 'PREVIEWED, then COMMITTED' })
  status: string;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  errorCount: number;

  @Field(() => [ImportRowErrorType], { description: 'The first 500 errors, by row' })
  errors: ImportRowErrorType[];

  @Field(() => Int)
  hospitals: number;

  @Field(() => Int)
  departments: number;

  @Field(() => Int)
  distributors: number;

  @Field(() => Int, { description: 'Payments the commit records (new references)' })
  payments: number;

  @Field(() => Int, { description: 'Invoices the commit issues (new references)' })
  invoices: number;

  @Field(() => Int, { description: 'Tier prices the commit sets (a price list)' })
  prices: number;

  @Field(() => Int, { description: 'Rows whose reference was recorded before: a replay, left as it is' })
  unchanged: number;

  @Field(() => ImportProgressType, { nullable: true, description: 'While a commit runs' })
  progress: ImportProgressType | null;
}
