import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MoneyType } from '../product';

@ObjectType('CoverageRegion', {
  description:
    'Coverage and penetration of one province or city: its target hospitals and those of them buying (docs/domain.md, "Dashboards")',
})
export class CoverageRegionType {
  @Field(() => ID)
  regionId: string;

  @Field()
  name: string;

  @Field(() => ID, { nullable: true, description: 'The province of a city; none for a province' })
  parentId: string | null;

  @Field(() => Int, { description: 'Target hospitals: the hospitals list filtered by this region and coverage TARGET' })
  target: number;

  @Field(() => Int, {
    description: 'Target hospitals buying: the hospitals list filtered by this region and coverage BUYING',
  })
  buying: number;
}

@ObjectType('SellInMonth', {
  description: 'Orders submitted in one month (China time), as the orders list counts them',
})
export class SellInMonthType {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int, { description: 'The orders list’s total for this month' })
  orders: number;

  @Field(() => [MoneyType], { description: 'Their totals, one per currency' })
  amounts: MoneyType[];
}

@ObjectType('SellOutMonth', { description: 'Sell-out (流向) in one month, as the sell-out list counts it' })
export class SellOutMonthType {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field({ description: 'The month’s first day (the sell-out list’s from)' })
  from: string;

  @Field({ description: 'The month’s last day (the sell-out list’s to)' })
  to: string;

  @Field(() => Int, { description: 'The sell-out list’s rows (hospital × department × product) for the month' })
  rows: number;

  @Field(() => Int, { description: 'Units sold out, net of returns and reversals' })
  units: number;
}

@ObjectType('ReadinessLine', { description: 'Distributor staff holding a valid certificate for one product line' })
export class ReadinessLineType {
  @Field(() => ID)
  productLineId: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'The readiness list’s total filtered by this line' })
  certified: number;
}

@ObjectType('BrandDashboard', {
  description:
    'The brand dashboard’s figures in the viewer’s scope, each counted by the list it drills down to (the funnel and aging are opportunityFunnel and receivablesAgingByRegion)',
})
export class BrandDashboardType {
  @Field(() => [CoverageRegionType], { description: 'Provinces and cities with target hospitals, by name' })
  coverage: CoverageRegionType[];

  @Field(() => [SellInMonthType], { description: 'The last 12 months, oldest first' })
  sellIn: SellInMonthType[];

  @Field(() => [SellOutMonthType], { description: 'The last 12 months, oldest first' })
  sellOut: SellOutMonthType[];

  @Field(() => Int, { description: 'Distributor staff in view: the readiness list’s total' })
  staff: number;

  @Field(() => [ReadinessLineType], { description: 'Certified staff per product line, by name' })
  readiness: ReadinessLineType[];
}

@ObjectType('OwnerDashboard', {
  description:
    'The owner’s dashboard in his company’s scope, each figure counted by the portal list it opens (overdue is accountSummary)',
})
export class OwnerDashboardType {
  @Field(() => Int, { description: 'His people: the readiness list’s total' })
  staff: number;

  @Field(() => [ReadinessLineType], { description: 'His people holding a valid certificate per product line, by name' })
  readiness: ReadinessLineType[];

  @Field(() => Int, { description: 'Commitments made to his company still open: the commitment inbox’s total (OPEN)' })
  openCommitments: number;
}
