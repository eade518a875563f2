import { DataSource } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { badInput, notFound } from '../../common/errors';
import { today } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginateTree } from '../../common/pagination';
import { Product, registeredOnSql } from '../product';
import { CatalogArgs } from './order.inputs';
import { CatalogHead, CatalogNode, CatalogPageParts, catalogPageTree } from './catalog-page';

/**
 * What a distributor may sell now: products with a valid registration under one of its live
 * authorizations (for the chosen hospital, when one is chosen), at the distributor's tier price.
 * Qualifications are not a filter here: the order review names a lapsed licence as a reason,
 * which tells the rep what to fix instead of hiding the product.
 */
export class CatalogService {
  constructor(private readonly ds: DataSource) {}

  /**
   * One statement besides the session: the page, its count and what each row names (catalog-page.ts),
   * with whether the distributor and the hospital are in the viewer's scope read in the same statement.
   */
  async list(scope: Scope, args: CatalogArgs, page: PageArgs, parts: CatalogPageParts): Promise<Page<CatalogNode>> {
    const distributorId = args.distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
    if (!distributorId) throw badInput('distributorId', 'Choose the distributor');
    const on = today();
    const qb = applyScope(this.ds.getRepository(Product).createQueryBuilder('p'), scope, 'brand').andWhere(
      registeredOnSql('p', ':on'),
      { on },
    );
    let coverage = '';
    if (args.hospitalId) {
      coverage = `AND (:hospital = ANY(g.hospital_ids) OR (SELECT ch.region_id FROM hospital ch WHERE ch.id = :hospital) = ANY(g.region_ids)
        OR (SELECT cr.parent_id FROM hospital ch JOIN region cr ON cr.id = ch.region_id WHERE ch.id = :hospital) = ANY(g.region_ids))`;
      qb.setParameter('hospital', args.hospitalId);
    }
    qb.andWhere(
      `EXISTS (SELECT 1 FROM authorization_grant g WHERE g.distributor_id = :distributor
        AND g.valid_from <= :on AND g.valid_to >= :on AND (g.revoked_from IS NULL OR g.revoked_from > :on)
        AND (p.id = ANY(g.product_ids) OR p.product_line_id = ANY(g.product_line_ids)) ${coverage})`,
      { distributor: distributorId },
    );
    if (args.search) {
      qb.andWhere('(p.name ILIKE :s OR p.code ILIKE :s OR p.udi_di ILIKE :s)', { s: containsPattern(args.search) });
    }
    if (args.productLineId) qb.andWhere('p.product_line_id = :line', { line: args.productLineId });
    const { head, ...found } = await paginateTree(
      qb,
      page,
      [
        { column: 'p.name', value: (p) => p.name },
        { column: 'p.id', value: (p) => p.id },
      ],
      'ASC',
      // the filter (a registration in force, a grant covering the product) is read for every product
      // whatever the page: counted and paged from one evaluation (BENCHMARKS.md, "The catalog counts and pages once")
      { ...catalogPageTree(this.ds, scope, parts, args.hospitalId ?? null), once: true },
      (n) => n.product,
    );
    const seen = head as unknown as CatalogHead;
    if (!seen.distributor) throw notFound('Distributor');
    if (!seen.hospital) throw notFound('Hospital');
    return found;
  }
}
