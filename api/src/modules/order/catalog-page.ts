import type { DataSource } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { tierOnSql } from '../distributor';
import { Product, ProductLine } from '../product';
import { CertificationGap, certificationGate, gateParams } from '../training';

/**
 * A page of the catalog with what each row names (the product, its line, the distributor's tier
 * price, the viewer's certification gap), built with the page in one statement (paginateTree):
 * the line and the gap only when the request's selection under `nodes` asks for them, the line
 * under the scope helper's own condition. The statement's head says whether the distributor (and
 * the hospital, when one is chosen) are in the viewer's scope, so the page needs no lookup first.
 * The request's loaders are primed with the lines, so the product's field resolvers answer from memory.
 */
export interface CatalogPageParts {
  productLine: boolean;
  /** distributor staff only: the brand is not gated */
  certification: boolean;
}

export const catalogPageParts = (scope: Scope, nodes: Selection | undefined): CatalogPageParts => ({
  productLine: asks(nodes?.product, 'productLine'),
  certification: scope.side === Side.PARTNER && asks(nodes, 'certification'),
});

export interface CatalogItem {
  product: Product;
  unitPrice: { amount: string; currency: string };
  /** what the viewer lacks to order it (distributor staff, for products that need a certified person) */
  certification: CertificationGap | null;
}

export interface CatalogNode extends CatalogItem {
  parts: CatalogPageParts;
  productLine: ProductLine | null;
}

interface NodeJson {
  row: Json;
  price: { price: string; currency: string } | null;
  productLine?: Json | null;
  certification?: CertificationGap | null;
}

/** Whether the records the catalog's arguments name are in the viewer's scope. */
export interface CatalogHead {
  distributor: boolean;
  hospital: boolean;
}

/**
 * The page's node over product `p`, for paginateTree, for the distributor `:distributor` on the day
 * `:on` (the query's own parameters); `hospital` is the chosen hospital's id, if any.
 */
export function catalogPageTree(
  ds: DataSource,
  scope: Scope,
  parts: CatalogPageParts,
  hospital: string | null,
): PageTree<CatalogNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, fields, one, inScope, entity } = kit;
  const gate = certificationGate('p.product_line_id');
  // the tier's price entry in force (the latest that started), else the list price
  const price = `(SELECT json_build_object('price', e.price::text, 'currency', e.currency) FROM price_list_entry e
      WHERE e.product_id = p.id AND e.tier = ${tierOnSql(':distributor', ':on')}
        AND e.effective_from <= :on AND (e.effective_to IS NULL OR e.effective_to >= :on) AND ${inScope('brand', 'e')}
      ORDER BY e.effective_from DESC LIMIT 1)`;
  const node = fields([
    ['row', row(Product, 'p')],
    ['price', price],
    parts.productLine && ['productLine', one(ProductLine, 'product_line', 'cpl', 'p.product_line_id', 'brand')],
    parts.certification && [
      'certification',
      `CASE WHEN p.requires_certification AND NOT ${gate.held}
         THEN json_build_object('productLineId', p.product_line_id, 'course', ${gate.course}) END`,
    ],
  ]);
  const head = fields([
    [
      'distributor',
      `EXISTS (SELECT 1 FROM distributor hd WHERE hd.id = :distributor AND ${inScope('distributor', 'hd')})`,
    ],
    [
      'hospital',
      hospital
        ? `EXISTS (SELECT 1 FROM hospital hh WHERE hh.id = :head_hospital AND ${inScope('hospital', 'hh')})`
        : 'true',
    ],
  ]);
  return {
    node,
    head,
    params: {
      ...kit.params,
      ...(parts.certification ? gateParams(scope.brandId, scope.userId) : {}),
      ...(hospital ? { head_hospital: hospital } : {}),
    },
    read: (json) => {
      const n = json as unknown as NodeJson;
      const product = fromJsonRow(ds, Product, n.row);
      return {
        product,
        unitPrice: n.price
          ? { amount: n.price.price, currency: n.price.currency }
          : { amount: product.listPrice, currency: product.currency },
        certification: n.certification ?? null,
        parts,
        productLine: entity(ProductLine, n.productLine),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a line the scope hid as null); returns the items. */
export function primeCatalogPage(loaders: Loaders, nodes: CatalogNode[]): CatalogItem[] {
  return nodes.map(({ product, unitPrice, certification, parts, productLine }) => {
    if (parts.productLine) loaders.productLineById.prime(product.productLineId, productLine);
    return { product, unitPrice, certification };
  });
}
