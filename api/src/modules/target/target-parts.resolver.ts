import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { Decimal } from '../../common/money';
import { MoneyType, ProductLine, ProductLineType, money } from '../product';
import { Distributor, DistributorType } from '../distributor';
import { HospitalDepartment, HospitalDepartmentType } from '../hospital';
import { Region, RegionType } from '../region';
import { DepartmentPotential, SalesTarget, SalesTargetVersion } from './target.entity';
import {
  DepartmentPotentialType,
  PotentialRollupType,
  SalesTargetType,
  SalesTargetVersionType,
  TargetProgressType,
} from './target.types';

@Resolver(() => DepartmentPotentialType)
export class DepartmentPotentialPartsResolver {
  @FieldResolver(() => MoneyType, { description: 'Yearly consumables: volume × usage per procedure × unit price' })
  consumables(@Root() p: DepartmentPotential): MoneyType {
    return money(p.consumables, p.currency);
  }

  @FieldResolver(() => MoneyType, {
    description: 'Yearly equipment: beds ÷ beds per instrument × instrument price ÷ service life',
  })
  equipment(@Root() p: DepartmentPotential): MoneyType {
    return money(p.equipment, p.currency);
  }

  @FieldResolver(() => MoneyType)
  total(@Root() p: DepartmentPotential): MoneyType {
    return money(new Decimal(p.consumables).plus(p.equipment), p.currency);
  }

  @FieldResolver(() => MoneyType)
  consumableUnitPrice(@Root() p: DepartmentPotential): MoneyType {
    return money(p.consumableUnitPrice, p.currency);
  }

  @FieldResolver(() => MoneyType)
  equipmentUnitPrice(@Root() p: DepartmentPotential): MoneyType {
    return money(p.equipmentUnitPrice, p.currency);
  }

  @FieldResolver(() => HospitalDepartmentType, { nullable: true })
  async department(@Root() p: DepartmentPotential, @Ctx() ctx: GqlContext): Promise<HospitalDepartment | null> {
    const all = await loadersOf(ctx).departmentsByHospitalId.load(p.hospitalId);
    return all.find((d) => d.id === p.departmentId) ?? null;
  }

  @FieldResolver(() => ProductLineType, { nullable: true })
  productLine(@Root() p: DepartmentPotential, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(p.productLineId);
  }

  @FieldResolver(() => [DepartmentPotentialType], { description: 'Every version, newest first (this one included)' })
  history(@Root() p: DepartmentPotential, @Ctx() ctx: GqlContext): Promise<DepartmentPotential[]> {
    return loadersOf(ctx).potentialHistory.load(`${p.departmentId}:${p.productLineId}`);
  }
}

@Resolver(() => PotentialRollupType)
export class PotentialRollupPartsResolver {
  @FieldResolver(() => ProductLineType, { nullable: true })
  productLine(@Root() r: PotentialRollupType, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(r.productLineId);
  }

  @FieldResolver(() => RegionType, { nullable: true })
  async region(@Root() r: PotentialRollupType, @Ctx() ctx: GqlContext): Promise<Region | null> {
    return r.regionId ? loadersOf(ctx).regionById.load(r.regionId) : null;
  }
}

@Resolver(() => SalesTargetVersionType)
export class SalesTargetVersionPartsResolver {
  @FieldResolver(() => MoneyType)
  yearly(@Root() v: SalesTargetVersion): MoneyType {
    return money(v.yearly, v.currency);
  }

  @FieldResolver(() => [MoneyType], { description: 'Q1 to Q4' })
  quarters(@Root() v: SalesTargetVersion): MoneyType[] {
    return [v.q1, v.q2, v.q3, v.q4].map((q) => money(q, v.currency));
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: 'The yearly potential a proposal was drawn from' })
  potential(@Root() v: SalesTargetVersion): MoneyType | null {
    return v.potential === null ? null : money(v.potential, v.currency);
  }
}

@Resolver(() => SalesTargetType)
export class SalesTargetPartsResolver {
  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() t: SalesTarget, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(t.distributorId);
  }

  @FieldResolver(() => ProductLineType, { nullable: true })
  productLine(@Root() t: SalesTarget, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(t.productLineId);
  }

  @FieldResolver(() => [SalesTargetVersionType], { description: 'Every proposal and counter, newest first' })
  versions(@Root() t: SalesTarget, @Ctx() ctx: GqlContext): Promise<SalesTargetVersion[]> {
    return loadersOf(ctx).targetVersionsById.load(t.id);
  }

  @FieldResolver(() => SalesTargetVersionType, {
    description: 'The latest version: what is proposed, countered or agreed',
  })
  async current(@Root() t: SalesTarget, @Ctx() ctx: GqlContext): Promise<SalesTargetVersion> {
    return (await loadersOf(ctx).targetVersionsById.load(t.id))[0];
  }

  @FieldResolver(() => TargetProgressType, { description: 'Sell-in by month against the current yearly amount' })
  async progress(@Root() t: SalesTarget, @Ctx() ctx: GqlContext): Promise<TargetProgressType> {
    const [months, versions] = await Promise.all([
      loadersOf(ctx).targetMonthsById.load(t.id),
      loadersOf(ctx).targetVersionsById.load(t.id),
    ]);
    const total = months.reduce((sum, m) => sum.plus(m.amount), new Decimal(0));
    const yearly = new Decimal(versions[0]?.yearly ?? 0);
    return {
      months: months.map((m) => ({ month: m.month, amount: money(m.amount, t.currency) })),
      total: money(total, t.currency),
      attainment: yearly.isZero()
        ? '0.0'
        : total.times(100).dividedBy(yearly).toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1),
    };
  }
}
