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
  TargetMonthType,
  TargetProgressType,
} from './target.types';

/** part ÷ whole as a percentage with one decimal, rounded down ("0.0" when the whole is zero) */
function percentOf(part: Decimal, whole: Decimal): string {
  return whole.isZero() ? '0.0' : part.times(100).dividedBy(whole).toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1);
}

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
      targetId: t.id,
      yearly: yearly.toFixed(2),
      currency: t.currency,
      months: months.map((m) => ({ month: m.month, amount: money(m.amount, t.currency) })),
      total: money(total, t.currency),
      attainment: percentOf(total, yearly),
    };
  }
}

@Resolver(() => TargetProgressType)
export class TargetProgressPartsResolver {
  @FieldResolver(() => [TargetMonthType], {
    description: 'Every month of the target’s year, January first: sell-in, sell-out (null: not reported), to date',
  })
  async series(@Root() p: TargetProgressType, @Ctx() ctx: GqlContext): Promise<TargetMonthType[]> {
    const rows = await loadersOf(ctx).targetSeriesById.load(p.targetId);
    const yearly = new Decimal(p.yearly);
    let cumulative = new Decimal(0);
    return rows.map((r) => {
      cumulative = cumulative.plus(r.sellIn);
      return {
        month: r.month,
        sellIn: money(r.sellIn, p.currency),
        sellOut: r.sellOut === null ? null : money(r.sellOut, p.currency),
        cumulative: money(cumulative, p.currency),
        attainment: percentOf(cumulative, yearly),
      };
    });
  }

  @FieldResolver(() => MoneyType, {
    nullable: true,
    description: 'Sell-out of the reported months; null when no month is reported',
  })
  async sellOutTotal(@Root() p: TargetProgressType, @Ctx() ctx: GqlContext): Promise<MoneyType | null> {
    const reported = (await loadersOf(ctx).targetSeriesById.load(p.targetId)).filter((r) => r.sellOut !== null);
    if (!reported.length) return null;
    return money(
      reported.reduce((sum, r) => sum.plus(r.sellOut!), new Decimal(0)),
      p.currency,
    );
  }
}
