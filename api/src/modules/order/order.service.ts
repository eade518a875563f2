import { DataSource, EntityManager } from 'typeorm';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { notFound } from '../../common/errors';
import { addMonths } from '../../common/dates';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, SortKey, containsPattern, paginateTree } from '../../common/pagination';
import { withinRegion } from '../region';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import { OrderFilter } from './order.inputs';
import { OrderTree, OrderTreeParts, orderTreeNode, orderTreeParts, readOrderTree } from './order-tree';
import { OrderSort, Side } from '@medchannel/shared-schema';

/** Reading orders and what hangs off them, inside the viewer's scope (placing: OrderPlacementService; the desk's moves: OrderDeskService). */
export class OrderService {
  constructor(private readonly ds: DataSource) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Order).createQueryBuilder('o'), scope, 'order');
  }

  /** `column IN (the orders the viewer may see)`, for rows that hang off an order. */
  ofVisibleOrders(scope: Scope, column: string): { sql: string; params: Record<string, unknown> } {
    const { sql, params } = scopeCondition(scope, 'order', 'vo');
    return { sql: `${column} IN (SELECT vo.id FROM purchase_order vo WHERE ${sql})`, params };
  }

  /** A page of orders with what the request asks of each (orderTreeParts): one statement (order-tree.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: OrderFilter = {},
    parts: OrderTreeParts = orderTreeParts({}),
  ): Promise<Page<OrderTree>> {
    const sort = filter.sort ?? OrderSort.NEWEST;
    // by time: numbers grow with time (date + sequence) and are unique within the brand; by total: the id breaks ties
    const first: SortKey<Order> =
      sort === OrderSort.TOTAL_HIGHEST || sort === OrderSort.TOTAL_LOWEST
        ? { column: 'o.total', value: (o) => o.total }
        : { column: 'o.number', value: (o) => o.number };
    const ascending = sort === OrderSort.OLDEST || sort === OrderSort.TOTAL_LOWEST;
    return paginateTree(
      this.listQuery(scope, filter),
      page,
      [first, { column: 'o.id', value: (o) => o.id }],
      ascending ? 'ASC' : 'DESC',
      orderTreeNode(this.ds, scope, parts),
      (n) => n.order,
    );
  }

  /** The orders list's rows before paging: what `orders(filter)` counts (the home page's to-dos count the same). */
  listQuery(scope: Scope, filter: OrderFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.statuses?.length) qb.andWhere('o.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.distributorId) qb.andWhere('o.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.hospitalId) qb.andWhere('o.hospital_id = :hospitalId', { hospitalId: filter.hospitalId });
    if (filter.regionId) {
      qb.andWhere(`o.distributor_id IN (SELECT fd.id FROM distributor fd WHERE ${withinRegion('fd.region_id')})`, {
        regionId: filter.regionId,
      });
    }
    if (filter.minAgeDays != null) {
      qb.andWhere(`o.submitted_at <= now() - make_interval(days => :age)`, { age: filter.minAgeDays });
    }
    if (filter.month) {
      // the month's first moment to the next month's, China time (the business calendar)
      const start = `${filter.month}-01`;
      qb.andWhere(`o.submitted_at >= :monthFrom::timestamptz AND o.submitted_at < :monthTo::timestamptz`, {
        monthFrom: `${start}T00:00:00+08:00`,
        monthTo: `${addMonths(start, 1)}T00:00:00+08:00`,
      });
    }
    if (filter.search) {
      const hospitals = scopeCondition(scope, 'hospital', 'sh');
      qb.andWhere(
        // a hospital matches by name only where the viewer may see it: its name says nothing otherwise
        `(o.number ILIKE :s OR o.hospital_id IN (SELECT sh.id FROM hospital sh WHERE ${hospitals.sql} AND sh.name ILIKE :s)
          OR o.distributor_id IN (SELECT sd.id FROM distributor sd WHERE sd.brand_id = o.brand_id AND sd.name ILIKE :s))`,
        { ...hospitals.params, s: containsPattern(filter.search) },
      );
    }
    return qb;
  }

  /**
   * A month's orders list counted per currency: `[{ currency, n, amount }]` in currency order, as one
   * `json_agg`. A viewer who sees the whole brand adds up the month's distributors in order_month,
   * which the orders' triggers keep equal to that list (migration 1772800000000), under the list's
   * own scope condition (the whole brand's names the distributor alone); any other viewer counts
   * the list itself. `month`: YYYY-MM.
   */
  monthTotals(scope: Scope, month: string): { sql: string; params: Record<string, unknown> } {
    if (scope.side === Side.BRAND && scope.allRegions) {
      const orders = scopeCondition(scope, 'order', 'm');
      return {
        sql: `SELECT COALESCE(json_agg(x), '[]'::json) FROM (
                SELECT m.currency, SUM(m.n)::int AS n, SUM(m.amount)::text AS amount FROM order_month m
                 WHERE m.month = :month::date AND ${orders.sql}
                 GROUP BY m.currency HAVING SUM(m.n) <> 0 ORDER BY m.currency) x`,
        params: { ...orders.params, month: `${month}-01` },
      };
    }
    const list = this.listQuery(scope, { month })
      .select('o.currency', 'currency')
      .addSelect('COUNT(*)::int', 'n')
      .addSelect('SUM(o.total)::text', 'amount')
      .groupBy('o.currency')
      .orderBy('o.currency');
    return {
      sql: `SELECT COALESCE(json_agg(x), '[]'::json) FROM (${list.getQuery()}) x`,
      params: list.getParameters(),
    };
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<Order> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('o.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Order');
    return found;
  }

  /** One order with the parts of its page the request asks for, in one statement (order-tree.ts). */
  tree(scope: Scope, id: string, parts: OrderTreeParts): Promise<OrderTree> {
    return readOrderTree(this.ds, scope, id, parts);
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Order[]> {
    return this.scoped(scope).andWhere('o.id = ANY(:ids)', { ids }).getMany();
  }

  linesByOrderIds(scope: Scope, orderIds: readonly string[]): Promise<OrderLine[]> {
    const visible = this.ofVisibleOrders(scope, 'l.order_id');
    return this.ds
      .getRepository(OrderLine)
      .createQueryBuilder('l')
      .where('l.order_id = ANY(:orderIds)', { orderIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('l.line_no')
      .getMany();
  }

  linesByIds(scope: Scope, ids: readonly string[]): Promise<OrderLine[]> {
    const visible = this.ofVisibleOrders(scope, 'l.order_id');
    return this.ds
      .getRepository(OrderLine)
      .createQueryBuilder('l')
      .where('l.id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .getMany();
  }

  eventsByOrderIds(scope: Scope, orderIds: readonly string[]): Promise<OrderEvent[]> {
    const visible = this.ofVisibleOrders(scope, 'e.order_id');
    return this.ds
      .getRepository(OrderEvent)
      .createQueryBuilder('e')
      .where('e.order_id = ANY(:orderIds)', { orderIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('e.created_at')
      .addOrderBy('e.id')
      .getMany();
  }

  adjustmentsByLineIds(scope: Scope, lineIds: readonly string[]): Promise<OrderPriceAdjustment[]> {
    const visible = this.ofVisibleOrders(scope, 'a.order_id');
    return this.ds
      .getRepository(OrderPriceAdjustment)
      .createQueryBuilder('a')
      .where('a.order_line_id = ANY(:lineIds)', { lineIds })
      .andWhere(visible.sql, visible.params)
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }
}
