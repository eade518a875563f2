import { EntityManager } from 'typeorm';
import { AuthorizationGrant } from './authorization.entity';

type Cover = Pick<AuthorizationGrant, 'productLineIds' | 'productIds' | 'regionIds' | 'hospitalIds'>;

/** What the brand's reference data says about the ids grants name: lines of products, cities of provinces, regions of hospitals. */
export interface CoverageFacts {
  lineOfProduct: Map<string, string>;
  childrenOfRegion: Map<string, string[]>;
  regionOfHospital: Map<string, string>;
}

export async function loadCoverageFacts(em: EntityManager, brandId: string, grants: Cover[]): Promise<CoverageFacts> {
  const productIds = [...new Set(grants.flatMap((g) => g.productIds))];
  const hospitalIds = [...new Set(grants.flatMap((g) => g.hospitalIds))];
  const products: Array<{ id: string; line: string }> = productIds.length
    ? await em.query(`SELECT id, product_line_id AS line FROM product WHERE brand_id = $1 AND id = ANY($2)`, [
        brandId,
        productIds,
      ])
    : [];
  const hospitals: Array<{ id: string; region: string }> = hospitalIds.length
    ? await em.query(`SELECT id, region_id AS region FROM hospital WHERE brand_id = $1 AND id = ANY($2)`, [
        brandId,
        hospitalIds,
      ])
    : [];
  const regions: Array<{ id: string; parent: string | null }> = await em.query(
    `SELECT id, parent_id AS parent FROM region WHERE brand_id = $1`,
    [brandId],
  );
  const childrenOfRegion = new Map<string, string[]>();
  for (const r of regions)
    if (r.parent) childrenOfRegion.set(r.parent, [...(childrenOfRegion.get(r.parent) ?? []), r.id]);
  return {
    lineOfProduct: new Map(products.map((p) => [p.id, p.line])),
    childrenOfRegion,
    regionOfHospital: new Map(hospitals.map((h) => [h.id, h.region])),
  };
}

const intersects = (a: Iterable<string>, b: Set<string>) => [...a].some((x) => b.has(x));

function territory(g: Cover, facts: CoverageFacts): { regions: Set<string>; hospitals: Set<string> } {
  const regions = new Set(g.regionIds.flatMap((r) => [r, ...(facts.childrenOfRegion.get(r) ?? [])]));
  return { regions, hospitals: new Set(g.hospitalIds) };
}

/** Do two grants cover some product in some place at all? (Periods are compared by the caller.) */
export function coverageOverlaps(a: Cover, b: Cover, facts: CoverageFacts): boolean {
  const productsOverlap =
    intersects(a.productLineIds, new Set(b.productLineIds)) ||
    intersects(a.productIds, new Set(b.productIds)) ||
    intersects(
      b.productIds.map((p) => facts.lineOfProduct.get(p) ?? ''),
      new Set(a.productLineIds),
    ) ||
    intersects(
      a.productIds.map((p) => facts.lineOfProduct.get(p) ?? ''),
      new Set(b.productLineIds),
    );
  if (!productsOverlap) return false;
  const ta = territory(a, facts);
  const tb = territory(b, facts);
  const inRegions = (hospitals: Set<string>, regions: Set<string>) =>
    [...hospitals].some((h) => regions.has(facts.regionOfHospital.get(h) ?? ''));
  return (
    intersects(ta.regions, tb.regions) ||
    intersects(ta.hospitals, tb.hospitals) ||
    inRegions(ta.hospitals, tb.regions) ||
    inRegions(tb.hospitals, ta.regions)
  );
}
