import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RecallSeverity, RecallStatus } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

registerEnumType(RecallSeverity, {
  name: 'RecallSeverity',
  description: '一级 CLASS_I, 二级 CLASS_II, 三级 CLASS_III',
});
registerEnumType(RecallStatus, { name: 'RecallStatus' });

@ObjectType('Recall', { description: 'A recall of a batch or serial; its counts are of the reach the viewer sees' })
export class RecallType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  productId: string;

  @Field()
  productName: string;

  @Field()
  productCode: string;

  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field()
  reason: string;

  @Field(() => RecallSeverity)
  severity: RecallSeverity;

  @Field()
  instructions: string;

  @Field(() => RecallStatus)
  status: RecallStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => Int, { description: 'Reached distributors in the viewer’s scope' })
  distributorCount: number;

  @Field(() => Int, { description: 'Of them, those that acknowledged' })
  acknowledgedCount: number;

  @Field(() => Int, { description: 'Hospital departments reached through the distributors in scope' })
  hospitalCount: number;
}

@ObjectType()
export class RecallConnection extends Connection(RecallType) {}

@ObjectType('RecallDistributor', {
  description: 'A distributor a recall reaches, its units of the lot, its acknowledgement',
})
export class RecallDistributorType {
  @Field(() => ID)
  recallId: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field(() => Int, { description: '1: buys from the brand; 2: a second tier under a first-tier distributor' })
  tier: number;

  @Field(() => Int, { description: 'Units it received (from the brand, a transfer or as opening stock)' })
  received: number;

  @Field(() => Int, { description: 'Units it held when the recall was issued' })
  held: number;

  @Field(() => Int, { description: 'Units it moved on to another distributor' })
  transferred: number;

  @Field(() => Int, { description: 'Units it sold out to hospitals, net of returns' })
  sold: number;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgedByName: string | null;
}

@ObjectType()
export class RecallDistributorConnection extends Connection(RecallDistributorType) {}

@ObjectType('RecallHospital', { description: 'A hospital department a reached distributor sold the lot to' })
export class RecallHospitalType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field(() => ID)
  hospitalId: string;

  @Field()
  hospitalName: string;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => Int)
  quantity: number;
}

@ObjectType()
export class RecallHospitalConnection extends Connection(RecallHospitalType) {}

@ObjectType('RecallLot', { description: 'A batch or serial of a product the channel received, to recall' })
export class RecallLotType {
  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field(() => Int, { description: 'Distributors that have moved it' })
  distributorCount: number;
}

@ObjectType('RecallReachPreview', { description: 'Whom a recall of a lot would reach now, in the viewer’s scope' })
export class RecallReachPreviewType {
  @Field(() => Int, { description: 'Distributors (first and second tier) that received or hold it' })
  distributorCount: number;

  @Field(() => Int, { description: 'Hospital departments it was sold to (net of returns)' })
  hospitalCount: number;

  @Field(() => Int, { description: 'Units the distributors hold' })
  held: number;

  @Field(() => Int, { description: 'Units at hospitals' })
  sold: number;
}
