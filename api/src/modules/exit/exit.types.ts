import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExitHandoverKind, ExitOrderDecision, ExitStep, OrderStatus } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { Connection } from '../../common/pagination';
import { MoneyType } from '../product';

registerEnumType(ExitOrderDecision, { name: 'ExitOrderDecision', description: 'Finish or cancel an open order' });
registerEnumType(ExitHandoverKind, {
  name: 'ExitHandoverKind',
  description: 'A kind of record handed to the successor',
});
registerEnumType(ExitStep, { name: 'ExitStep', description: 'A step of the exit checklist' });

@ObjectType('ExitPlan', { description: '劝退: a distributor’s exit plan and its checklist' })
export class ExitPlanType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'From this day: no new order, the authorizations revoked' })
  effectiveOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Run-down: sell-out allowed until this day' })
  sellOutUntil: string | null;

  @Field()
  reason: string;

  @Field(() => Int, { description: 'Authorizations revoked from the effective date' })
  authorizationsRevoked: number;

  @Field(() => Date, { nullable: true })
  handedOverAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the final statement settled the account' })
  settledAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the owner acknowledged the checklist' })
  acknowledgedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('ExitPlanConnection')
export class ExitPlanConnection extends Connection(ExitPlanType) {}

@ObjectType('ExitStepState')
export class ExitStepStateType {
  @Field(() => ExitStep)
  step: ExitStep;

  @Field()
  done: boolean;
}

@ObjectType('ExitOrder', { description: 'An open order of the exiting distributor and what the plan decided' })
export class ExitOrderType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => ExitOrderDecision, { nullable: true })
  decision: ExitOrderDecision | null;

  @Field(() => String, { nullable: true })
  decisionReason: string | null;
}

@ObjectType('ExitReturnLine')
export class ExitReturnLineType {
  @Field(() => Int)
  lineNo: number;

  @Field()
  productName: string;

  @Field()
  batchNo: string;

  @Field()
  serialNo: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => MoneyType)
  unitPrice: MoneyType;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@ObjectType('ExitReturn', { description: '退货: goods bought back, with the credit note for them' })
export class ExitReturnType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => MoneyType)
  amount: MoneyType;

  @Field(() => ID, { description: 'The credit note (accountCredits) it posted' })
  creditId: string;

  @Field(() => [ExitReturnLineType])
  lines: ExitReturnLineType[];
}

@ObjectType('ExitHandover', { description: 'One record handed to the successor' })
export class ExitHandoverType {
  @Field(() => ExitHandoverKind)
  kind: ExitHandoverKind;

  @Field(() => ID)
  recordId: string;

  @Field({
    description: 'What it is: a hospital’s name, an opportunity’s title, a commitment, an authorization’s dates',
  })
  label: string;
}

@ObjectType('ExitAccount', {
  description: 'The exiting distributor’s account: where it stands and the final statement',
})
export class ExitAccountType {
  @Field(() => MoneyType, { description: 'What it owes now (negative: what the brand owes it)' })
  balance: MoneyType;

  @Field(() => MoneyType, { description: 'The buy-back’s credit notes together' })
  credited: MoneyType;

  @Field(() => MoneyType, { nullable: true, description: 'The final statement’s balance, once settled' })
  finalBalance: MoneyType | null;
}

@ObjectType('ExitBelowFloorLine', {
  description: 'A sell-out of the exiting distributor since the plan’s date below the product’s floor price (dumping)',
})
export class ExitBelowFloorLineType {
  @Field(() => ID)
  movementId: string;

  @Field()
  hospitalName: string;

  @Field()
  productName: string;

  @Field()
  batchNo: string;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => Int, { description: 'Units sold' })
  quantity: number;

  @Field(() => MoneyType)
  unitPrice: MoneyType;

  @Field(() => MoneyType, { description: 'The floor price in force that day' })
  floor: MoneyType;

  @Field(() => MoneyType, { description: 'How far below the floor: floor − unit price' })
  gap: MoneyType;
}

@ObjectType('ExitBelowFloorConnection', { description: 'Sales below the floor since the plan’s date, newest first' })
export class ExitBelowFloorConnection extends Connection(ExitBelowFloorLineType) {}
