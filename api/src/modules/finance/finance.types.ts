import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import {
  AgingSort,
  DisputeStatus,
  InvoiceStatus,
  LedgerEntryKind,
  PaymentMethod,
  StatementChangeKind,
  StatementStatus,
} from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { MoneyType } from '../product';
import { DistributorType } from '../distributor';
import { RegionType } from '../region';

registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(AgingSort, { name: 'AgingSort' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(StatementStatus, { name: 'StatementStatus' });
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });
registerEnumType(LedgerEntryKind, { name: 'LedgerEntryKind' });
registerEnumType(StatementChangeKind, { name: 'StatementChangeKind' });

@ObjectType('Invoice')
export class InvoiceType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field({ description: 'VAT rate as a decimal fraction, e.g. "0.1300"' })
  taxRate: string;

  @Field(() => String, { nullable: true })
  externalRef: string | null;
}

@ObjectType('Payment')
export class PaymentType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  receivedOn: string;

  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field()
  externalRef: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'When it was recorded: a replayed reference answers the first recording, with its time' })
  createdAt: Date;
}

@ObjectType('StatementLine')
export class StatementLineType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  lineNo: number;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => LedgerEntryKind)
  kind: LedgerEntryKind;

  @Field(() => String, { nullable: true })
  memo: string | null;

  @Field(() => MoneyType, { description: 'Positive adds to what is owed' })
  amount: MoneyType;

  @Field(() => StatementDisputeType, { nullable: true, description: 'The owner’s dispute of this line, if any' })
  dispute: unknown;

  /** the statement it belongs to (for balanceAfter) */
  statementId: string;
}

@ObjectType('StatementDispute')
export class StatementDisputeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  statementId: string;

  @Field(() => ID)
  statementLineId: string;

  @Field()
  comment: string;

  @Field(() => DisputeStatus)
  status: DisputeStatus;

  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('Statement')
export class StatementType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'YYYY-MM' })
  period: string;

  @Field(() => Int)
  version: number;

  @Field(() => StatementStatus)
  status: StatementStatus;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('StatementLineChange', { description: 'A line that differs from the version before' })
export class StatementLineChangeType {
  @Field(() => StatementChangeKind)
  change: StatementChangeKind;

  @Field(() => Int, { description: 'Its number in this version (in the earlier one, for a removed line)' })
  lineNo: number;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => LedgerEntryKind)
  kind: LedgerEntryKind;

  @Field(() => String, { nullable: true })
  memo: string | null;

  @Field(() => MoneyType, { nullable: true, description: 'In the earlier version (none for an added line)' })
  previousAmount: MoneyType | null;

  @Field(() => MoneyType, { nullable: true, description: 'In this version (none for a removed line)' })
  amount: MoneyType | null;

  @Field(() => MoneyType, { description: 'What it does to the closing balance' })
  effect: MoneyType;
}

@ObjectType('StatementChanges', { description: 'A version against the one before it' })
export class StatementChangesType {
  @Field(() => Int)
  previousVersion: number;

  @Field(() => [StatementLineChangeType])
  lines: StatementLineChangeType[];

  @Field(() => MoneyType, { description: 'Entries dated before the month, recorded since the earlier version' })
  openingBalanceChange: MoneyType;

  @Field(() => MoneyType, { description: 'Opening balance change plus every line’s effect' })
  closingBalanceChange: MoneyType;
}

@ObjectType('InvoiceConnection')
export class InvoiceConnection extends Connection(InvoiceType) {}

@ObjectType('PaymentConnection')
export class PaymentConnection extends Connection(PaymentType) {}

@ObjectType('StatementConnection')
export class StatementConnection extends Connection(StatementType) {}

@ObjectType('StatementDisputeConnection')
export class StatementDisputeConnection extends Connection(StatementDisputeType) {}

@ObjectType('ReceivableItem', { description: 'A receivable still (partly) open, with its expected collection date' })
export class ReceivableItemType {
  @Field(() => ID)
  entryId: string;

  @Field(() => DistributorType, { nullable: true })
  distributor: unknown;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field(() => LedgerEntryKind, {
    description: 'What made it: a shipment, or an adjustment (e.g. a balance carried over)',
  })
  kind: LedgerEntryKind;

  @Field(() => String, { nullable: true, description: 'The order / shipment numbers, or the adjustment’s note' })
  memo: string | null;

  @Field(() => MoneyType)
  amount: MoneyType;

  @Field(() => MoneyType)
  outstanding: MoneyType;

  @Field()
  overdue: boolean;
}

@ObjectType('AgingFigures', { description: 'Receivables by days since each arose, their total and what is overdue' })
export class AgingFiguresType {
  @Field(() => MoneyType, { description: '0–30 days' })
  days0to30: MoneyType;

  @Field(() => MoneyType, { description: '31–60 days' })
  days31to60: MoneyType;

  @Field(() => MoneyType, { description: '61–90 days' })
  days61to90: MoneyType;

  @Field(() => MoneyType, { description: 'over 90 days' })
  days90plus: MoneyType;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => MoneyType, { description: 'Past its collection date' })
  overdue: MoneyType;
}

@ObjectType('AgingRow', { description: 'What a distributor owes, by days since each receivable arose' })
export class AgingRowType extends AgingFiguresType {
  @Field(() => DistributorType)
  distributor: unknown;
}

@ObjectType('AgingConnection', { description: 'Distributors with receivables open, largest total first' })
export class AgingConnection extends Connection(AgingRowType) {
  @Field(() => AgingFiguresType, { description: 'Summed over every distributor in the list, not only this page' })
  totals: AgingFiguresType;
}

@ObjectType('RegionAgingRow', { description: 'Receivables aging summed over a province’s distributors' })
export class RegionAgingRowType extends AgingFiguresType {
  @Field(() => RegionType)
  region: unknown;
}

@ObjectType('AccountSummary')
export class AccountSummaryType {
  /** the distributor whose account this is (checked against the viewer's scope), for the open items */
  distributorId: string;

  @Field(() => MoneyType, { description: 'What the distributor owes now (negative: credit in its favour)' })
  balance: MoneyType;

  @Field(() => Int, { description: 'How many receivables are still (partly) open' })
  openCount: number;

  @Field(() => MoneyType, { description: 'What is open of the receivables past their collection date' })
  overdue: MoneyType;

  @Field(() => Int, { description: 'How many open receivables are past their collection date' })
  overdueCount: number;

  @Field(() => ReceivableItemType, {
    nullable: true,
    description: 'The open receivable falling due next (not yet overdue)',
  })
  nextDue: ReceivableItemType | null;

  @Field(() => Int, { description: '账期: the days the account’s new invoices and receivables fall due after' })
  paymentTermsDays: number;
}

@ArgsType()
export class StatementFilterArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  period?: string | null;

  @Field(() => StatementStatus, { nullable: true, description: 'Left out: every version in force (not SUPERSEDED)' })
  @IsOptional()
  @IsEnum(StatementStatus)
  status?: StatementStatus | null;
}
