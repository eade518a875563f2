import { DataSource } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { notFound } from '../../common/errors';
import { today } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { Product, registeredOnSql } from '../product';
import type { ProductService } from '../product';
import type { HospitalService } from '../hospital';
import type { OrderPlacementService } from './order-placement.service';
import type { CertificationGap, CertificationService } from '../training';
import { CatalogArgs } from './order.inputs';

export interface CatalogItem {
  product: Product;
  unitPrice: { amount: string; currency: string };
  /** what the viewer lacks to order it (distributor staff, for products that need a certified person) */
  certification: CertificationGap | null;
}

/**
 * What a distributor may sell now: products with a valid registration under one of its live
 * authorizations (for the chosen hospital, when one is chosen), at the distributor's tier price.
 * Qualifications are not a filter here: the order review names a lapsed licence as a reason,
 * which tells the rep what to fix instead of hiding the product.
 */
export class CatalogService {
  constructor(
    private readonly ds: DataSource,
    private readonly placement: OrderPlacementService,
    private readonly products: ProductService,
    private readonly hospitals: HospitalService,
    private readonly certifications: CertificationService,
  ) {}

  async list(scope: Scope, args: CatalogArgs, page: PageArgs): Promise<Page<CatalogItem>> {
    const distributor = await this.placement.orderingDistributor(scope, args.distributorId);
    const on = today();
    const qb = applyScope(this.ds.getRepository(Product).createQueryBuilder('p'), scope, 'brand').andWhere(
      registeredOnSql('p', ':on'),
      { on },
    );
    let coverage = '';
    if (args.hospitalId) {
      const [hospital] = await this.hospitals.byIds(scope, [args.hospitalId]);
      if (!hospital) throw notFound('Hospital');
      coverage = `AND (:hospital = ANY(g.hospital_ids) OR (SELECT ch.region_id FROM hospital ch WHERE ch.id = :hospital) = ANY(g.region_ids)
        OR (SELECT cr.parent_id FROM hospital ch JOIN region cr ON cr.id = ch.region_id WHERE ch.id = :hospital) = ANY(g.region_ids))`;
      qb.setParameter('hospital', hospital.id);
    }
    qb.andWhere(
      `EXISTS (SELECT 1 FROM authorization_grant g WHERE g.distributor_id = :distributor
        AND g.valid_from <= :on AND g.valid_to >= :on AND (g.revoked_from IS NULL OR g.revoked_from > :on)
        AND (p.id = ANY(g.product_ids) OR p.product_line_id = ANY(g.product_line_ids)) ${coverage})`,
      { distributor: distributor.id },
    );
    if (args.search) {
      qb.andWhere('(p.name ILIKE :s OR p.code ILIKE :s OR p.udi_di ILIKE :s)', { s: containsPattern(args.search) });
    }
    if (args.productLineId) qb.andWhere('p.product_line_id = :line', { line: args.productLineId });
    const found = await paginate(qb, page, [
      { column: 'p.name', value: (p) => p.name },
      { column: 'p.id', value: (p) => p.id },
    ]);
    const prices = await this.products.sellingPrices(scope, found.nodes, distributor.id, on);
    const gaps =
      scope.side === Side.PARTNER
        ? await this.certifications.gaps(this.ds.manager, scope.brandId, scope.userId, found.nodes)
        : new Map<string, CertificationGap>();
    return {
      ...found,
      nodes: found.nodes.map((product) => {
        const price = prices.get(product.id)!;
        return {
          product,
          unitPrice: { amount: price.price, currency: price.currency },
          certification: gaps.get(product.id) ?? null,
        };
      }),
    };
  }
}
