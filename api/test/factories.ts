import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Audience, DistributorStage, RegionLevel, Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { hashPassword } from '../src/auth/password';
import { Scope, buildScope } from '../src/auth/scope';
import { BRANDS, DEMO_PASSWORD, REGIONS, distributorByCode } from '../src/db/seed/demo-data';
import { GqlClient, TestApp } from './harness';

export interface BrandFixture {
  brandId: string;
  adminEmail: string;
  ownerEmail: string;
  distributorIds: string[];
}

let passwordHash: Promise<string> | undefined;

/**
 * Gives the person of an address the demo password: a membership inserted by hand joins the
 * person of its address (a trigger creates one, without a password, when there is none).
 */
export async function withDemoPassword(ds: Pick<DataSource, 'query'>, email: string): Promise<void> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  await ds.query(`UPDATE person SET password_hash = $2 WHERE email = $1`, [email.toLowerCase(), await passwordHash]);
}

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
    await em.query(`INSERT INTO region (id, brand_id, level, code, name) VALUES ($1, $2, $3, 'P', '测试省')`, [
      provinceId,
      brandId,
      RegionLevel.PROVINCE,
    ]);
    await em.query(
      `INSERT INTO region (id, brand_id, parent_id, level, code, name) VALUES ($1, $2, $3, $4, 'C', '测试市')`,
      [cityId, brandId, provinceId, RegionLevel.CITY],
    );
    const adminEmail = `admin-${tag}@test.demo`;
    const cmIds: string[] = [];
    await em.query(
      `INSERT INTO app_user (brand_id, email, display_name, side, role) VALUES ($1, $2, '管理员', $3, $4)`,
      [brandId, adminEmail, Side.BRAND, Role.ADMIN],
    );
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      cmIds.push(id);
      await em.query(
        `INSERT INTO app_user (id, brand_id, email, display_name, side, role) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, brandId, `cm${i}-${tag}@test.demo`, `渠道经理${i}`, Side.BRAND, Role.CHANNEL_MANAGER],
      );
    }
    const distributorIds: string[] = [];
    for (let i = 0; i < distributors; i++) {
      const id = randomUUID();
      await em.query(
        `INSERT INTO distributor (id, brand_id, name, code, stage, tier, region_id, channel_manager_id, parent_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          brandId,
          `测试经销商 ${String(i).padStart(3, '0')}`,
          `D${i}`,
          DistributorStage.FORMAL,
          i % 2 ? 2 : 1,
          i % 2 ? cityId : provinceId,
          cmIds[i % cmIds.length],
          i % 2 ? distributorIds[i - 1] : null,
        ],
      );
      distributorIds.push(id);
    }
    const ownerEmail = `owner-${tag}@test.demo`;
    await em.query(
      `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id) VALUES ($1, $2, '老板', $3, $4, $5)`,
      [brandId, ownerEmail, Side.PARTNER, Role.OWNER, distributorIds[0]],
    );
    for (const [i, id] of distributorIds.entries()) {
      await em.query(
        `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [brandId, `rep${i}-${tag}@test.demo`, `销售${i}`, Side.PARTNER, Role.REP, id],
      );
    }
    // each membership above joined a person of its own address (the database's trigger), without a password yet
    await em.query(
      `UPDATE person SET password_hash = $1 WHERE id IN (SELECT person_id FROM app_user WHERE brand_id = $2)`,
      [hash, brandId],
    );
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
  const [province] = await ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE'`, [
    brand.brandId,
  ]);
  const [city] = await ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'CITY'`, [brand.brandId]);
  const [line] = await ds.query(
    `INSERT INTO product_line (brand_id, code, name) VALUES ($1, 'L1', '测试产品线') RETURNING id`,
    [brand.brandId],
  );
  const product = async (code: string, cls: string, to: number) =>
    (
      await ds.query(
        `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       VALUES ($1, $2, $3, $4, 'CONSUMABLE', $5, $6, $7, $8, '100.00') RETURNING id`,
        [brand.brandId, line.id, code, `测试产品 ${code}`, cls, `REG-${code}`, day(-400), day(to)],
      )
    )[0].id as string;
  const hospital = async (name: string, regionId: string) =>
    (
      await ds.query(
        `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_3A', $3) RETURNING id`,
        [brand.brandId, name, regionId],
      )
    )[0].id as string;
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

/** A brand of a test's own with its admin signed in to the console, and another brand it must never reach. */
export interface BrandAndOtherFixture {
  brand: BrandFixture;
  other: BrandFixture;
  admin: GqlClient;
}

export async function brandAndOther(
  t: TestApp,
  distributors: number,
  othersDistributors: number,
): Promise<BrandAndOtherFixture> {
  const [brand, other] = [await createBrand(t.app.ds, distributors), await createBrand(t.app.ds, othersDistributors)];
  const admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  return { brand, other, admin };
}

/** The scope of the user signed in as `email`, as the session builds it, for tests that call services directly. */
export async function scopeOfEmail(ds: DataSource, email: string): Promise<Scope> {
  const [u] = await ds.query(
    `SELECT id, brand_id AS "brandId", role, side, distributor_id AS "distributorId" FROM app_user WHERE email = $1`,
    [email],
  );
  return buildScope(ds.manager, u);
}

/** The scope of a fixture brand's admin, for tests that call services directly. */
export async function adminScopeOf(ds: DataSource, brand: BrandFixture): Promise<Scope> {
  const [admin] = await ds.query(`SELECT id, brand_id, role, side FROM app_user WHERE email = $1`, [brand.adminEmail]);
  return buildScope(ds.manager, {
    id: admin.id,
    brandId: admin.brand_id,
    role: admin.role as Role,
    side: admin.side as Side,
    distributorId: null,
  });
}

/**
 * People of a visit test's own, in the seeded brand 华康 (its regions, distributors and hospitals).
 * The seeded users are the isolation matrix's personas, whose audit footprint the matrix watches
 * while other files run: visit tests act as these people, or as seeded users no persona is.
 */
export interface TestPerson {
  id: string;
  email: string;
  client: GqlClient;
}

export async function person(
  t: TestApp,
  label: string,
  role: Role,
  where: { regionCode?: string; distributorCode?: string },
): Promise<TestPerson> {
  const brandId = BRANDS.huakang.id;
  const email = `${label}-${randomUUID().slice(0, 8)}@visits.test`;
  const side = sideOfRole(role);
  const [u] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      brandId,
      email,
      `测试${label}`,
      side,
      role,
      where.distributorCode ? distributorByCode(where.distributorCode).id : null,
    ],
  );
  await withDemoPassword(t.app.ds, email);
  if (where.regionCode) {
    const region = REGIONS.find((r) => r.brandId === brandId && r.code === where.regionCode)!;
    await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
      brandId,
      u.id,
      region.id,
    ]);
  }
  const client = t.client(side === Side.BRAND ? Audience.CONSOLE : Audience.PORTAL);
  await client.login(email);
  return { id: u.id, email, client };
}

/** Every distributor of a fixture brand authorized (FORMAL, for the catalog's line) for the province and so its cities' hospitals. */
async function authorizeInProvince(ds: DataSource, brand: BrandFixture, cat: CatalogFixture): Promise<void> {
  for (const d of brand.distributorIds)
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.provinceId]],
    );
}

/**
 * A brand of a test's own with its catalog, every distributor authorized for the province, and a
 * laboratory (检验科) at the city's hospital.
 */
export interface ProvinceBrandFixture {
  brand: BrandFixture;
  cat: CatalogFixture;
  departmentId: string;
}

export async function provinceBrand(ds: DataSource, distributors: number): Promise<ProvinceBrandFixture> {
  const brand = await createBrand(ds, distributors);
  const cat = await createCatalog(ds, brand);
  await authorizeInProvince(ds, brand, cat);
  return { brand, cat, departmentId: await cityDepartment(ds, brand, cat) };
}

/** A department of the given name at the catalog's city hospital; its id. */
export async function cityDepartment(
  ds: DataSource,
  brand: BrandFixture,
  cat: CatalogFixture,
  name = '检验科',
): Promise<string> {
  const [dept] = await ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`,
    [brand.brandId, cat.hospitalInCity, name],
  );
  return dept.id;
}

/** A fixture brand's people signed in: its admin (console), its first owner and the reps of the given distributor indexes (portal). */
export interface BrandClients {
  admin: GqlClient;
  owner: GqlClient;
  reps: GqlClient[];
}

export async function brandClients(t: TestApp, brand: BrandFixture, repIndexes: number[]): Promise<BrandClients> {
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const login = async (audience: Audience, email: string) => {
    const c = t.client(audience);
    await c.login(email);
    return c;
  };
  const admin = await login(Audience.CONSOLE, brand.adminEmail);
  const owner = await login(Audience.PORTAL, brand.ownerEmail);
  const reps: GqlClient[] = [];
  for (const i of repIndexes) reps.push(await login(Audience.PORTAL, `rep${i}-${tag}@test.demo`));
  return { admin, owner, reps };
}
