import { DataSource } from 'typeorm';
import { CommitmentStatus, HospitalCoverage, TREND_MONTHS } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { prefixed, prefixedSql } from '../../common/combined-query';
import { addMonths, monthDays, today } from '../../common/dates';
import { money } from '../product';
import type { HospitalServices } from '../hospital';
import { BUYING } from '../hospital';
import type { OrderServices } from '../order';
import type { TrainingServices } from '../training';
import { sellOutMonthTotals } from '../inventory';
import type { VisitServices } from '../visit';
import { ProductLine } from '../product';
import type {
  BrandDashboardType,
  CoverageRegionType,
  OwnerDashboardType,
  ReadinessLineType,
  SellInMonthType,
  SellOutMonthType,
} from './dashboard.types';

export type DashboardDeps = Pick<HospitalServices, 'hospitals'> &
  Pick<OrderServices, 'orders'> &
  Pick<TrainingServices, 'trainingReports'> &
  Pick<VisitServices, 'commitments'>;

/** The months of the trends, oldest first, the current (China time) last: YYYY-MM. */
export function trendMonths(on: string = today()): string[] {
  const first = `${on.slice(0, 7)}-01`;
  return Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(first, i - TREND_MONTHS + 1).slice(0, 7));
}

/**
 * The brand dashboard (docs/domain.md, "Dashboards"). Every figure is counted by the query builder
 * of the list it drills down to, with the list's own filter — the hospitals list by region and
 * coverage, the orders list by month, the sell-out list by the month's days, the readiness list by
 * product line — so a figure and its list cannot disagree, and each is in the viewer's scope
 * because the list's query is (auth/scope.ts). One exception: a viewer who sees the whole brand
 * reads a month's sell-in and sell-out from the summaries the orders' and the movements' triggers
 * keep equal to those lists (OrderService.monthTotals, sellOutMonthTotals; dashboard.test.ts
 * compares summary and list). Four statements, whatever the data.
 */
export class DashboardService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: DashboardDeps,
  ) {}

  async brand(scope: Scope): Promise<BrandDashboardType> {
    const [coverage, trends] = [await this.coverage(scope), await this.trendsAndReadiness(scope)];
    return { coverage, ...trends };
  }

  /**
   * The owner's dashboard: his people and those certified per product line (the readiness list),
   * and the commitments still open to his company (the commitment inbox) — one statement after the lines.
   */
  async owner(scope: Scope): Promise<OwnerDashboardType> {
    const lines = await this.productLines(scope);
    const columns: string[] = [];
    let params: Record<string, unknown> = {};
    const add = (name: string, q: { sql: string; params: Record<string, unknown> }) => {
      columns.push(`(${q.sql}) AS "${name}"`);
      params = { ...params, ...q.params };
    };
    add('staff', prefixed(this.deps.trainingReports.readinessQuery(scope).select('COUNT(*)::int'), 'st_'));
    lines.forEach((line, i) =>
      add(
        `line${i}`,
        prefixed(
          this.deps.trainingReports.readinessQuery(scope, { productLineId: line.id }).select('COUNT(*)::int'),
          `rl${i}_`,
        ),
      ),
    );
    add(
      'open',
      prefixed(this.deps.commitments.inboxQuery(scope, [CommitmentStatus.OPEN]).select('COUNT(*)::int'), 'oc_'),
    );
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(`SELECT ${columns.join(', ')}`, params);
    const [row] = await this.ds.query(sql, values);
    return {
      staff: row.staff as number,
      readiness: lines.map((line, i) => ({ productLineId: line.id, name: line.name, certified: row[`line${i}`] })),
      openCommitments: row.open as number,
    };
  }

  private productLines(scope: Scope) {
    return applyScope(this.ds.getRepository(ProductLine).createQueryBuilder('pl'), scope, 'brand')
      .orderBy('pl.name')
      .getMany();
  }

  /** Target and buying hospitals per region they lie in, summed up to each province (a province's list holds its cities). */
  private async coverage(scope: Scope): Promise<CoverageRegionType[]> {
    const counted = this.deps.hospitals
      .listQuery(scope, { coverage: HospitalCoverage.TARGET })
      .select('h.region_id', 'region_id')
      .addSelect('COUNT(*)', 'target')
      .addSelect(`COUNT(*) FILTER (WHERE ${BUYING})`, 'buying')
      .groupBy('h.region_id');
    const rows: Array<{ id: string; name: string; parentId: string | null; target: number; buying: number }> =
      await applyScope(this.ds.createQueryBuilder().from('region', 'r'), scope, 'brand', 'r')
        .select(['r.id AS id', 'r.name AS name', 'r.parent_id AS "parentId"'])
        .addSelect('COALESCE(c.target, 0)::int', 'target')
        .addSelect('COALESCE(c.buying, 0)::int', 'buying')
        .leftJoin(`(${counted.getQuery()})`, 'c', 'c.region_id = r.id')
        .setParameters({ ...counted.getParameters(), scope_brand: scope.brandId })
        .getRawMany();
    const byId = new Map(rows.map((r) => [r.id, { ...r }]));
    for (const r of rows) {
      const province = r.parentId ? byId.get(r.parentId) : undefined;
      if (province) {
        province.target += r.target;
        province.buying += r.buying;
      }
    }
    return [...byId.values()]
      .filter((r) => r.target > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((r) => ({ regionId: r.id, name: r.name, parentId: r.parentId, target: r.target, buying: r.buying }));
  }

  /** Sell-in and sell-out per month and certified staff per line, each a list's own count, in one statement. */
  private async trendsAndReadiness(
    scope: Scope,
  ): Promise<Pick<BrandDashboardType, 'sellIn' | 'sellOut' | 'staff' | 'readiness'>> {
    const lines = await this.productLines(scope);
    const months = trendMonths();
    const columns: string[] = [];
    let params: Record<string, unknown> = {};
    const add = (name: string, q: { sql: string; params: Record<string, unknown> }) => {
      columns.push(`(${q.sql}) AS "${name}"`);
      params = { ...params, ...q.params };
    };
    months.forEach((month, i) => {
      add(`sellIn${i}`, prefixedSql(this.deps.orders.monthTotals(scope, month), `si${i}_`));
      add(`sellOut${i}`, prefixedSql(sellOutMonthTotals(scope, month), `so${i}_`));
    });
    add('staff', prefixed(this.deps.trainingReports.readinessQuery(scope).select('COUNT(*)::int'), 'st_'));
    lines.forEach((line, i) =>
      add(
        `line${i}`,
        prefixed(
          this.deps.trainingReports.readinessQuery(scope, { productLineId: line.id }).select('COUNT(*)::int'),
          `rl${i}_`,
        ),
      ),
    );
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(`SELECT ${columns.join(', ')}`, params);
    const [row] = await this.ds.query(sql, values);
    const sellIn: SellInMonthType[] = months.map((month, i) => {
      const groups = row[`sellIn${i}`] as Array<{ currency: string; n: number; amount: string }>;
      return {
        month,
        orders: groups.reduce((n, g) => n + g.n, 0),
        amounts: groups.map((g) => money(g.amount, g.currency)),
      };
    });
    const sellOut: SellOutMonthType[] = months.map((month, i) => {
      const { rows, units } = row[`sellOut${i}`] as { rows: number; units: number };
      return { month, ...monthDays(month), rows: Number(rows), units: Number(units) };
    });
    const readiness: ReadinessLineType[] = lines.map((line, i) => ({
      productLineId: line.id,
      name: line.name,
      certified: row[`line${i}`] as number,
    }));
    return { sellIn, sellOut, staff: row.staff as number, readiness };
  }
}
