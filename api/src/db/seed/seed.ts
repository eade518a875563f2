import { DataSource } from 'typeorm';
import { Locale, Side, sideOfRole } from '@medchannel/shared-schema';
import { hashPassword } from '../../auth/password';
import { Brand } from '../../modules/brand/brand.entity';
import { Distributor } from '../../modules/distributor/distributor.entity';
import { Region } from '../../modules/region/region.entity';
import { User, UserRegion } from '../../modules/user/user.entity';
import { BRANDS, DEMO_PASSWORD, DISTRIBUTORS, REGIONS, USERS } from './demo-data';

/** Loads the demo data once; a database that already has brands is left alone. */
export async function seedDemo(ds: DataSource): Promise<boolean> {
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM brand`);
  if (count > 0) return false;
  // Every demo user shares one password, so one (deliberately slow) hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (em) => {
    await em.insert(Brand, Object.values(BRANDS));
    const regionId = (brandId: string, code: string) => REGIONS.find((r) => r.brandId === brandId && r.code === code)!.id;
    for (const level of ['PROVINCE', 'CITY']) {
      const rows = REGIONS.filter((r) => r.level === level).map((r) => ({
        id: r.id, brandId: r.brandId, code: r.code, name: r.name, level: r.level,
        parentId: r.parentCode ? regionId(r.brandId, r.parentCode) : null,
      }));
      await em.insert(Region, rows);
    }
    const distributorId = (code: string) => DISTRIBUTORS.find((d) => d.code === code)!.id;
    const userId = (email: string) => USERS.find((x) => x.email === email)!.id;
    // Distributors first (users point at them), then their channel managers once users exist.
    for (const secondTier of [false, true]) {
      await em.insert(
        Distributor,
        DISTRIBUTORS.filter((d) => Boolean(d.parentCode) === secondTier).map((d) => ({
          id: d.id, brandId: d.brandId, code: d.code, name: d.name, stage: d.stage, tier: d.tier,
          regionId: regionId(d.brandId, d.regionCode),
          parentId: d.parentCode ? distributorId(d.parentCode) : null,
        })),
      );
    }
    await em.insert(
      User,
      USERS.map((x) => ({
        id: x.id, brandId: x.brandId, email: x.email, displayName: x.displayName, role: x.role,
        side: sideOfRole(x.role), passwordHash, locale: Locale.ZH_CN,
        distributorId: x.distributorCode ? distributorId(x.distributorCode) : null,
      })),
    );
    await em.insert(
      UserRegion,
      USERS.filter((x) => sideOfRole(x.role) === Side.BRAND).flatMap((x) =>
        (x.regionCodes ?? []).map((code) => ({ brandId: x.brandId, userId: x.id, regionId: regionId(x.brandId, code) })),
      ),
    );
    for (const d of DISTRIBUTORS.filter((d) => d.channelManagerEmail)) {
      await em.update(Distributor, { id: d.id }, { channelManagerId: userId(d.channelManagerEmail!) });
    }
  });
  return true;
}
