import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, distributorByCode } from '../../src/db/seed/demo-data';
import { HOSPITALS } from '../../src/db/seed/hospital-data';
import { PRODUCT_LINES } from '../../src/db/seed/catalog-data';
import { SEED_OPPORTUNITIES, type SeedOpportunity } from '../../src/modules/opportunity';
import { expectedDistributors } from '../personas';
import { firstDistributor, hospitalFor } from './fixtures';

/** The seeded opportunities a persona sees and does not, and opportunities of the matrix's own (the opportunity and tender tables share them). */

const regionCovers = (brandId: string, assigned: string[], regionCode: string) =>
  assigned.includes(regionCode) ||
  assigned.includes(REGIONS.find((r) => r.brandId === brandId && r.code === regionCode)?.parentCode ?? '');

/** Who sees a seeded opportunity, from the seed alone (docs/domain.md, rule 6), independently of the scope's SQL. */
function seesOpportunity(user: SeedUser, o: SeedOpportunity): boolean {
  const hospital = HOSPITALS.find((h) => h.id === o.hospitalId)!;
  if (hospital.brandId !== user.brandId) return false;
  const mine = new Set(expectedDistributors(user).map((d) => d.code));
  if (sideOfRole(user.role) === Side.PARTNER) return o.distributorCode !== null && mine.has(o.distributorCode);
  if (user.role === Role.ADMIN || o.owner === user.email) return true;
  return (
    regionCovers(hospital.brandId, user.regionCodes ?? [], hospital.regionCode) ||
    (o.distributorCode !== null && mine.has(o.distributorCode))
  );
}

export const foreignOpportunities = (user: SeedUser) => SEED_OPPORTUNITIES.filter((o) => !seesOpportunity(user, o));

/** The line the persona's distributor sells (华康's 超声影像 is covered for every seeded partner persona). */
export const lineOf = (user: SeedUser) => PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id;

export const departmentOf = async (ds: DataSource, hospitalId: string): Promise<string> =>
  (await ds.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 ORDER BY name LIMIT 1`, [hospitalId]))[0]
    .id;

/** The persona's own distributor (a partner), or the first it sees (a brand user). */
export const distributorOf = (user: SeedUser) =>
  user.distributorCode ? distributorByCode(user.distributorCode).id : (firstDistributor(user)?.id ?? null);

/** An opportunity of the matrix's own the persona sees: theirs, at a hospital they see, of their distributor. */
export async function opportunityFor(ds: DataSource, user: SeedUser): Promise<{ id: string; version: number }> {
  const hospital = hospitalFor(user);
  const distributorId = sideOfRole(user.role) === Side.PARTNER ? distributorOf(user) : null;
  const [o] = await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, created_by)
     VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, $6) RETURNING id, version`,
    [
      user.brandId,
      hospital.id,
      await departmentOf(ds, hospital.id),
      lineOf(user),
      `矩阵机会 ${randomUUID().slice(0, 8)}`,
      user.id,
      distributorId,
    ],
  );
  return o;
}
