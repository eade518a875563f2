import { randomUUID } from 'node:crypto';
import { Audience, Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { hashPassword } from '../src/auth/password';
import { BRANDS, DEMO_PASSWORD, REGIONS, distributorByCode } from '../src/db/seed/demo-data';
import { GqlClient, TestApp } from './harness';

/**
 * People of a visit test's own, in the seeded brand 华康 (its regions, distributors and hospitals).
 * The seeded users are the isolation matrix's personas, whose audit footprint the matrix watches
 * while other files run: visit tests act as these people, or as seeded users no persona is.
 */
export interface TestPerson { id: string; email: string; client: GqlClient }

let hash: Promise<string> | undefined;

export async function person(t: TestApp, label: string, role: Role, where: { regionCode?: string; distributorCode?: string }): Promise<TestPerson> {
  hash ??= hashPassword(DEMO_PASSWORD);
  const brandId = BRANDS.huakang.id;
  const email = `${label}-${randomUUID().slice(0, 8)}@visits.test`;
  const side = sideOfRole(role);
  const [u] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role, distributor_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [brandId, email, await hash, `测试${label}`, side, role, where.distributorCode ? distributorByCode(where.distributorCode).id : null],
  );
  if (where.regionCode) {
    const region = REGIONS.find((r) => r.brandId === brandId && r.code === where.regionCode)!;
    await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [brandId, u.id, region.id]);
  }
  const client = t.client(side === Side.BRAND ? Audience.CONSOLE : Audience.PORTAL);
  await client.login(email);
  return { id: u.id, email, client };
}
