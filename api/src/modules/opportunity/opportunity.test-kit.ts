import type { TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * A brand of a test's own for opportunities: `distributors` distributors (every other one the
 * previous one's second tier), each authorized for the line at the city and the province hospital,
 * with a 超声科 at the city's and a 检验科 at the province's. `tag`: the part of its users' e-mails
 * that tells them from other tests' (`rep0-<tag>@test.demo`).
 */
export interface OpportunityWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  tag: string;
  departments: { city: string; province: string };
}

export async function opportunityWorld(t: TestApp, distributors: number): Promise<OpportunityWorld> {
  const brand = await createBrand(t.app.ds, distributors);
  const cat = await createCatalog(t.app.ds, brand);
  for (const d of brand.distributorIds)
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.hospitalInCity, cat.hospitalInProvince]],
    );
  const department = async (hospitalId: string, name: string): Promise<string> =>
    (
      await t.app.ds.query(
        `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`,
        [brand.brandId, hospitalId, name],
      )
    )[0].id;
  return {
    brand,
    cat,
    tag: brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8),
    departments: {
      city: await department(cat.hospitalInCity, '超声科'),
      province: await department(cat.hospitalInProvince, '检验科'),
    },
  };
}
