import { DataSource } from 'typeorm';
import { AgingSort } from '@medchannel/shared-schema';
import { Scope, applyScope, seesAccounts } from '../../auth/scope';
import { badInput, notFound } from '../../common/errors';
import { Decimal, isFixed2 } from '../../common/money';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, decodeCursor, toPage } from '../../common/pagination';
import { today } from '../../common/dates';
import { withinRegion } from '../region';
import { Distributor } from '../distributor';
import type { Json } from '../../db/json-tree';
import { AgingTreeParts, agingRowTree } from './aging-tree';
import { AccountFilter } from './finance.inputs';
import {
  AccountFigures,
  Aging,
  AgingFigures,
  DistributorSet,
  OpenItem,
  accountFigures,
  agingOf,
  agingPage,
  distributorsById,
  openItems,
  sumAging,
} from './receivables';

/**
 * Where the accounts stand: balances, receivables aging, and the collection plan (what falls due
 * when), all computed from the ledger for the distributors whose account the viewer may see.
 */
export class AccountService {
  constructor(private readonly ds: DataSource) {}

  /** Distributors whose account the viewer may see, narrowed by the filter. */
  private accountsQuery(scope: Scope, filter: AccountFilter) {
    const qb = applyScope(this.ds.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor');
    if (filter.distributorId) qb.andWhere('d.id = :id', { id: filter.distributorId });
    if (filter.regionId) qb.andWhere(withinRegion('d.region_id'), { regionId: filter.regionId });
    return qb;
  }

  /** The same, as ids and regions (no screen here needs more of the distributor than that). */
  private async accountIds(
    scope: Scope,
    filter: AccountFilter,
  ): Promise<Array<{ id: string; regionId: string | null }>> {
    if (!seesAccounts(scope)) return [];
    return this.accountsQuery(scope, filter).select('d.id', 'id').addSelect('d.region_id', 'regionId').getRawMany();
  }

  /** The same as SQL for a statement to select from (a brand-wide aging covers 500 distributors: their ids need not travel). */
  private accountSet(scope: Scope, filter: AccountFilter): DistributorSet {
    if (!seesAccounts(scope)) return distributorsById(scope, []);
    const qb = this.accountsQuery(scope, filter).select('d.id');
    return { sql: qb.getQuery(), params: qb.getParameters() };
  }

  /** One page of the aging per distributor, largest total (or most overdue) first, with the count and totals of all of them. */
  async aging(
    scope: Scope,
    filter: AccountFilter,
    page: PageArgs,
    sort: AgingSort = AgingSort.TOTAL,
    on: string = today(),
    parts: AgingTreeParts = { distributor: false, region: false },
  ): Promise<Page<Aging & { tree?: Json | null }> & { totals: AgingFigures }> {
    const by = sort === AgingSort.OVERDUE ? 'overdue' : 'total';
    let after: { value: string; distributorId: string } | null = null;
    if (page.after) {
      const [value, distributorId] = decodeCursor(page.after, 2);
      if (!isFixed2(value) || typeof distributorId !== 'string' || !isUuid(distributorId))
        throw badInput('after', 'Invalid cursor');
      after = { value, distributorId };
    }
    const { rows, count, totals } = await agingPage(
      this.ds,
      scope,
      this.accountSet(scope, filter),
      on,
      page.first,
      after,
      by,
      agingRowTree(this.ds, scope, parts),
    );
    return { ...toPage(rows, page.first, count, (r) => [r[by], r.distributorId]), totals };
  }

  /** The same aging summed by province (a distributor in a city counts under its province). */
  async agingByRegion(
    scope: Scope,
    filter: AccountFilter = {},
    on: string = today(),
  ): Promise<Array<AgingFigures & { regionId: string }>> {
    const distributors = await this.accountIds(scope, filter);
    const regionIds = [...new Set(distributors.map((d) => d.regionId).filter((id): id is string => Boolean(id)))];
    const regions: Array<{ id: string; parent_id: string | null }> = regionIds.length
      ? await this.ds.query(`SELECT id, parent_id FROM region WHERE brand_id = $1 AND id = ANY($2)`, [
          scope.brandId,
          regionIds,
        ])
      : [];
    const provinceOf = new Map(regions.map((r) => [r.id, r.parent_id ?? r.id]));
    const regionOfDistributor = new Map(
      distributors.map((d) => [d.id, d.regionId ? (provinceOf.get(d.regionId) ?? d.regionId) : '']),
    );
    const rows = await agingOf(
      this.ds,
      scope,
      distributorsById(
        scope,
        distributors.map((d) => d.id),
      ),
      on,
    );
    return [...sumAging(rows, (id) => regionOfDistributor.get(id) ?? '')]
      .filter(([regionId]) => regionId)
      .map(([regionId, g]) => ({ regionId, ...g }))
      .sort((a, b) => new Decimal(b.total).comparedTo(a.total));
  }

  /** What falls due between two dates (and what is overdue before them), receivable by receivable. */
  async collectionPlan(scope: Scope, filter: AccountFilter, to: string): Promise<OpenItem[]> {
    const distributors = await this.accountIds(scope, filter);
    return (
      await openItems(
        this.ds.manager,
        scope,
        distributors.map((d) => d.id),
      )
    ).filter((i) => i.dueOn <= to);
  }

  /** One distributor's balance now, what is open and overdue, and what falls due next (the portal's account card). */
  async summary(
    scope: Scope,
    distributorId: string,
    on: string = today(),
  ): Promise<AccountFigures & { distributorId: string; paymentTermsDays: number }> {
    // the scope check, the account's terms and its figures: one statement
    const account = this.accountsQuery(scope, { distributorId })
      .select('d.id', 'id')
      .addSelect('d.payment_terms_days', 'payment_terms_days');
    const found =
      seesAccounts(scope) && isUuid(distributorId)
        ? await accountFigures(this.ds.manager, scope, { sql: account.getQuery(), params: account.getParameters() }, on)
        : null;
    if (!found) throw notFound('Distributor');
    return found;
  }

  /** The open receivables of an account (an AccountSummary's): earliest due first, the first `limit` of them. */
  openItemsOf(scope: Scope, distributorId: string, limit: number | null): Promise<OpenItem[]> {
    return openItems(this.ds.manager, scope, [distributorId], limit);
  }
}
