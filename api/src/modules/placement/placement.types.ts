import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CommitmentPeriod,
  InstrumentCondition,
  PlacementEventKind,
  PlacementSource,
  PlacementStatus,
  StocktakeDiscrepancyKind,
  StocktakeFinding,
  StocktakeStatus,
} from './placement.enums';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';

registerEnumType(PlacementStatus, { name: 'PlacementStatus', description: '投放中 PLACED, 已归还 RETURNED' });
registerEnumType(PlacementSource, { name: 'PlacementSource', description: '库存 STOCK, 试用转投放 TRIAL' });
registerEnumType(CommitmentPeriod, { name: 'CommitmentPeriod', description: '每月 MONTH, 每年 YEAR' });
registerEnumType(PlacementEventKind, {
  name: 'PlacementEventKind',
  description: '投放 PLACED, 移机 RELOCATED, 换机 REPLACED, 归还 RETURNED',
});
registerEnumType(StocktakeStatus, { name: 'StocktakeStatus', description: '进行中 OPEN, 已关闭 CLOSED' });
registerEnumType(StocktakeFinding, {
  name: 'StocktakeFinding',
  description: '在位 FOUND, 位置不符 WRONG_PLACE, 未找到 NOT_FOUND',
});
registerEnumType(InstrumentCondition, {
  name: 'InstrumentCondition',
  description: '完好 GOOD, 需维修 NEEDS_REPAIR, 损坏 DAMAGED',
});
registerEnumType(StocktakeDiscrepancyKind, {
  name: 'StocktakeDiscrepancyKind',
  description: '未找到 NOT_FOUND, 位置不符 WRONG_PLACE, 库存数不符 COUNT_DIFFERS',
});

@ObjectType('Placement', { description: '设备投放: an instrument placed at a hospital department under a commitment' })
export class PlacementType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field(() => ID)
  productId: string;

  @Field()
  productName: string;

  @Field()
  serialNo: string;

  @Field(() => PlacementSource)
  source: PlacementSource;

  @Field(() => ID, { nullable: true })
  trialId: string | null;

  @Field(() => ID)
  hospitalId: string;

  @Field(() => String, { nullable: true, description: 'null: a hospital out of the viewer’s sight' })
  hospitalName: string | null;

  @Field(() => ID)
  departmentId: string;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => ID)
  reagentLineId: string;

  @Field()
  reagentLineName: string;

  @Field(() => Int)
  commitmentQuantity: number;

  @Field(() => CommitmentPeriod)
  commitmentPeriod: CommitmentPeriod;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => PlacementStatus)
  status: PlacementStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  returnedOn: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class PlacementConnection extends Connection(PlacementType) {}

@ObjectType('PlacementEvent', { description: 'One step of a placement’s history, as recorded' })
export class PlacementEventType {
  @Field(() => ID)
  id: string;

  @Field(() => PlacementEventKind)
  kind: PlacementEventKind;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field({ description: 'The serial standing there from that day' })
  serialNo: string;

  @Field(() => String, { nullable: true, description: 'null: a hospital out of the viewer’s sight' })
  hospitalName: string | null;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'Who recorded it' })
  actorName: string;

  @Field()
  createdAt: Date;
}

@ObjectType('CommitmentMonth', {
  description:
    'One month of a placement’s agreement: the reagent units committed (a yearly commitment: a twelfth, rounded) against those sold out to its department',
})
export class CommitmentMonthType {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  committed: number;

  @Field(() => Int, {
    description: 'Reagent units of the line sold out (net) to the department by the distributor and its second tier',
  })
  actual: number;

  @Field({ description: 'A complete month whose actual fell below the commitment' })
  shortfall: boolean;
}

@ObjectType('StocktakeCampaign', { description: '盘点: the brand’s stocktake of a year' })
export class StocktakeCampaignType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => LocalDateScalar)
  dueOn: string;

  @Field(() => StocktakeStatus)
  status: StocktakeStatus;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class StocktakeCampaignConnection extends Connection(StocktakeCampaignType) {}

@ObjectType('StocktakeProgress', { description: 'One distributor’s progress in a campaign (of what the viewer sees)' })
export class StocktakeProgressType {
  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field(() => Int, { description: 'Placed instruments to confirm' })
  instruments: number;

  @Field(() => Int)
  confirmed: number;

  @Field(() => Int, { description: 'Batches counted' })
  batchesCounted: number;

  @Field(() => Int, { description: 'Instruments not found or in the wrong place, batches counted unlike their stock' })
  discrepancies: number;
}

@ObjectType('StocktakeItem', { description: 'A placed instrument to confirm in a campaign, and what was found' })
export class StocktakeItemType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  campaignId: string;

  @Field(() => ID)
  placementId: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field()
  productName: string;

  @Field()
  serialNo: string;

  @Field(() => String, { nullable: true, description: 'null: a hospital out of the viewer’s sight' })
  hospitalName: string | null;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => StocktakeFinding, { nullable: true })
  finding: StocktakeFinding | null;

  @Field(() => InstrumentCondition, { nullable: true })
  condition: InstrumentCondition | null;

  @Field(() => String, { nullable: true })
  foundAt: string | null;

  @Field(() => Int, { nullable: true })
  meterReading: number | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'A photo is kept (GET /files/stocktake-items/:id/photo)' })
  hasPhoto: boolean;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;
}

@ObjectType()
export class StocktakeItemConnection extends Connection(StocktakeItemType) {}

@ObjectType('StocktakeDiscrepancy', { description: 'What a campaign found unlike the records' })
export class StocktakeDiscrepancyType {
  @Field(() => ID, { description: 'The stocktake item, or the batch count' })
  id: string;

  @Field(() => StocktakeDiscrepancyKind)
  kind: StocktakeDiscrepancyKind;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field()
  productName: string;

  @Field(() => String, { nullable: true, description: 'An instrument’s serial' })
  serialNo: string | null;

  @Field(() => String, { nullable: true, description: 'An instrument’s place on record' })
  placeName: string | null;

  @Field(() => String, { nullable: true, description: 'WRONG_PLACE: where it stands' })
  foundAt: string | null;

  @Field(() => String, { nullable: true, description: 'COUNT_DIFFERS: the batch' })
  batchNo: string | null;

  @Field(() => Int, { nullable: true })
  counted: number | null;

  @Field(() => Int, { nullable: true, description: 'COUNT_DIFFERS: the stock derived from movements at the count' })
  derived: number | null;
}

@ObjectType()
export class StocktakeDiscrepancyConnection extends Connection(StocktakeDiscrepancyType) {}

@ObjectType('StocktakeCount', {
  description: 'A distributor’s count of one batch beside the stock its movements derived at the count',
})
export class StocktakeCountType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field()
  productName: string;

  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => Int)
  counted: number;

  @Field(() => Int)
  derived: number;
}
