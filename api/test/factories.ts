import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DistributorStage, RegionLevel, Role, Side } from '@medchannel/shared-schema';
import { hashPassword } from '../src/auth/password';
import { Scope, buildScope } from '../src/auth/scope';
import { DEMO_PASSWORD } from '../src/db/seed/demo-data';

export interface BrandFixture {
  brandId: string;
  adminEmail: string;
  ownerEmail: string;
  distributorIds: string[];
}

let passwordHash: Promise<string> | undefined;

/**
 * A brand of a test's own, with `distributors` distributors (each with a region, a channel
 * manager, a parent for every other one and a partner owner), so a test can grow data without
 * disturbing what other test files see of the seed.
 */
export async function createBrand(ds: DataSource, distributors: number): Promise<BrandFixture> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const brandId = randomUUID();
  return ds.transaction(async (em) => {
    await em.query(`INSERT INTO brand (id, code, name) VALUES ($1, $2, $3)`, [brandId, `T${tag}`, `测试品牌 ${tag}`]);
    const provinceId = randomUUID();
    const cityId = randomUUID();
    await em.query(`INSERT INTO region (id, brand_id, level, code, name) VALUES ($1, $2, $3, 'P', '测试省')`, [provinceId, brandId, RegionLevel.PROVINCE]);
    await em.query(`INSERT INTO region (id, brand_id, parent_id, level, code, name) VALUES ($1, $2, $3, $4, 'C', '测试市')`, [cityId, brandId, provinceId, RegionLevel.CITY]);
    const adminEmail = `admin-${tag}@test.demo`;
    const cmIds: string[] = [];
    await em.query(
      `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role) VALUES ($1, $2, $3, '管理员', $4, $5)`,
      [brandId, adminEmail, hash, Side.BRAND, Role.ADMIN],
    );
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      cmIds.push(id);
      await em.query(
        `INSERT INTO app_user (id, brand_id, email, password_hash, display_name, side, role) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, brandId, `cm${i}-${tag}@test.demo`, hash, `渠道经理${i}`, Side.BRAND, Role.CHANNEL_MANAGER],
      );
    }
    const distributorIds: string[] = [];
    for (let i = 0; i < distributors; i++) {
      const id = randomUUID();
      await em.query(
        `INSERT INTO distributor (id, brand_id, name, code, stage, tier, region_id, channel_manager_id, parent_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, brandId, `测试经销商 ${String(i).padStart(3, '0')}`, `D${i}`, DistributorStage.FORMAL, i % 2 ? 2 : 1,
          i % 2 ? cityId : provinceId, cmIds[i % cmIds.length], i % 2 ? distributorIds[i - 1] : null],
      );
      distributorIds.push(id);
    }
    const ownerEmail = `owner-${tag}@test.demo`;
    await em.query(
      `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role, distributor_id) VALUES ($1, $2, $3, '老板', $4, $5, $6)`,
      [brandId, ownerEmail, hash, Side.PARTNER, Role.OWNER, distributorIds[0]],
    );
    for (const [i, id] of distributorIds.entries()) {
      await em.query(
        `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role, distributor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [brandId, `rep${i}-${tag}@test.demo`, hash, `销售${i}`, Side.PARTNER, Role.REP, id],
      );
    }
    return { brandId, adminEmail, ownerEmail, distributorIds };
  });
}

export interface CatalogFixture {
  lineId: string;
  /** class II, registration valid */
  productII: string;
  /** class III, registration valid */
  productIII: string;
  /** class II whose registration expired yesterday */
  productExpired: string;
  provinceId: string;
  cityId: string;
  /** in the city */
  hospitalInCity: string;
  /** in the province itself */
  hospitalInProvince: string;
}

const day = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** Products, hospitals and full qualifications (business licence + class II/III licence) for a test brand. */
export async function createCatalog(ds: DataSource, brand: BrandFixture): Promise<CatalogFixture> {
  const [province] = await ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE'`, [brand.brandId]);
  const [city] = await ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'CITY'`, [brand.brandId]);
  const [line] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, 'L1', '测试产品线') RETURNING id`, [brand.brandId]);
  const product = async (code: string, cls: string, to: number) =>
    (await ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       VALUES ($1, $2, $3, $4, 'CONSUMABLE', $5, $6, $7, $8, '100.00') RETURNING id`,
      [brand.brandId, line.id, code, `测试产品 ${code}`, cls, `REG-${code}`, day(-400), day(to)],
    ))[0].id as string;
  const hospital = async (name: string, regionId: string) =>
    (await ds.query(`INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_3A', $3) RETURNING id`, [brand.brandId, name, regionId]))[0].id as string;
  const fixture: CatalogFixture = {
    lineId: line.id,
    productII: await product('P2', 'II', 400),
    productIII: await product('P3', 'III', 400),
    productExpired: await product('PX', 'II', -1),
    provinceId: province.id,
    cityId: city.id,
    hospitalInCity: await hospital('测试市医院', city.id),
    hospitalInProvince: await hospital('测试省医院', province.id),
  };
  for (const d of brand.distributorIds) {
    await ds.query(
      `INSERT INTO qualification (brand_id, distributor_id, type, number, device_classes, valid_from, valid_to) VALUES
       ($1, $2, 'BUSINESS_LICENSE', 'BL', '{}', $3, NULL), ($1, $2, 'OPERATING_LICENSE_III', 'OL', '{II,III}', $3, $4)`,
      [brand.brandId, d, day(-500), day(500)],
    );
  }
  return fixture;
}

/**
 * A new user just like a seeded one (same brand, role, distributor and regions), for tests that
 * change data as that kind of user: the isolation matrix, running in parallel on the same
 * database, counts what its seeded personas did, so other test files must not act as them.
 */
export async function cloneSeedUser(ds: DataSource, email: string): Promise<string> {
  const clone = `${email.split('@')[0]}-${randomUUID().slice(0, 8)}@test.demo`;
  const [row] = await ds.query(
    `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role, distributor_id, finance_access)
     SELECT brand_id, $2, password_hash, display_name || '（测试）', side, role, distributor_id, finance_access FROM app_user WHERE email = $1 RETURNING id`,
    [email, clone],
  );
  await ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) SELECT ur.brand_id, $2, ur.region_id FROM user_region ur JOIN app_user u ON u.id = ur.user_id WHERE u.email = $1`, [email, row.id]);
  return clone;
}

/** The scope of a fixture brand's admin, for tests that call services directly. */
export async function adminScopeOf(ds: DataSource, brand: BrandFixture): Promise<Scope> {
  const [admin] = await ds.query(`SELECT id, brand_id, role, side FROM app_user WHERE email = $1`, [brand.adminEmail]);
  return buildScope(ds.manager, { id: admin.id, brandId: admin.brand_id, role: admin.role as Role, side: admin.side as Side, distributorId: null });
}
