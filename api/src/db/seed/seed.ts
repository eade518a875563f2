import { DataSource, EntityManager } from 'typeorm';
import { Locale, Side, sideOfRole } from '@medchannel/shared-schema';
import { hashPassword } from '../../auth/password';
import { Brand } from '../../modules/brand';
import { Distributor } from '../../modules/distributor';
import { Region } from '../../modules/region';
import { Person, User, UserRegion } from '../../modules/user';
import { BRANDS, DEMO_PASSWORD, DISTRIBUTORS, REGIONS, USERS } from './demo-data';
import { AUTHORIZATIONS, QUALIFICATIONS } from './authorization-data';
import { HOSPITALS } from './hospital-data';
import { PRODUCTS, PRODUCT_LINES } from './catalog-data';
import { SeedCalendar, seedCalendar } from './seed-clock';
import { PriceListEntry, Product, ProductLine } from '../../modules/product';
import { Hospital, HospitalContact, HospitalDepartment } from '../../modules/hospital';
import { Qualification } from '../../modules/qualification';
import { AuthorizationGrant } from '../../modules/authorization';
import { modules } from '../../modules';

/**
 * Loads the demo data once; a database that already has brands is left alone. Every date and time
 * in it is a function of one instant, `anchor` (see seed-clock.ts): the brands are created at it.
 */
export async function seedDemo(ds: DataSource, anchor: Date = new Date()): Promise<boolean> {
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM brand`);
  if (count > 0) return false;
  const cal = seedCalendar(anchor);
  // Every demo user shares one password, so one (deliberately slow) hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (em) => {
    await em.insert(
      Brand,
      Object.values(BRANDS).map((b) => ({ ...b, createdAt: cal.anchor, updatedAt: cal.anchor })),
    );
    const regionId = (brandId: string, code: string) =>
      REGIONS.find((r) => r.brandId === brandId && r.code === code)!.id;
    for (const level of ['PROVINCE', 'CITY']) {
      const rows = REGIONS.filter((r) => r.level === level).map((r) => ({
        id: r.id,
        brandId: r.brandId,
        code: r.code,
        name: r.name,
        level: r.level,
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
          id: d.id,
          brandId: d.brandId,
          code: d.code,
          name: d.name,
          stage: d.stage,
          tier: d.tier,
          regionId: regionId(d.brandId, d.regionCode),
          parentId: d.parentCode ? distributorId(d.parentCode) : null,
        })),
      );
    }
    // one person per address (a person may hold a membership in each brand), then the memberships
    const emails = [...new Set(USERS.map((x) => x.email))];
    const persons = await em.insert(
      Person,
      emails.map((email) => ({ email, passwordHash })),
    );
    const personIds = new Map(emails.map((email, i) => [email, persons.identifiers[i].id as string]));
    await em.insert(
      User,
      USERS.map((x) => ({
        id: x.id,
        brandId: x.brandId,
        email: x.email,
        displayName: x.displayName,
        role: x.role,
        side: sideOfRole(x.role),
        personId: personIds.get(x.email)!,
        locale: Locale.ZH_CN,
        distributorId: x.distributorCode ? distributorId(x.distributorCode) : null,
      })),
    );
    await em.insert(
      UserRegion,
      USERS.filter((x) => sideOfRole(x.role) === Side.BRAND).flatMap((x) =>
        (x.regionCodes ?? []).map((code) => ({
          brandId: x.brandId,
          userId: x.id,
          regionId: regionId(x.brandId, code),
        })),
      ),
    );
    for (const d of DISTRIBUTORS.filter((d) => d.channelManagerEmail)) {
      await em.update(Distributor, { id: d.id }, { channelManagerId: userId(d.channelManagerEmail!) });
    }
    await seedCatalog(em, cal);
    // then each module's own demo data, in the modules' order
    for (const module of modules()) await module.seed?.(em, cal);
  });
  return true;
}

/** The catalog, hospitals, qualifications and authorizations, on top of the demo's brands and distributors. */
async function seedCatalog(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const dayFromToday = cal.fromToday;
  const lineId = (brandId: string, code: string) =>
    PRODUCT_LINES.find((l) => l.brandId === brandId && l.code === code)!.id;
  const regionId = (brandId: string, code: string) => REGIONS.find((r) => r.brandId === brandId && r.code === code)!.id;
  const distributor = (code: string) => DISTRIBUTORS.find((d) => d.code === code)!;
  const productId = (code: string) => PRODUCTS.find((p) => p.code === code)!.id;
  await em.insert(ProductLine, PRODUCT_LINES);
  await em.insert(
    Product,
    PRODUCTS.map((p) => ({
      id: p.id,
      brandId: p.brandId,
      productLineId: lineId(p.brandId, p.lineCode),
      code: p.code,
      name: p.name,
      kind: p.kind,
      deviceClass: p.deviceClass,
      registrationNo: p.registrationNo,
      registrationValidFrom: dayFromToday(p.from),
      registrationValidTo: dayFromToday(p.to),
      udiDi: p.udiDi,
      listPrice: p.listPrice,
      currency: 'CNY',
      requiresCertification: p.requiresCertification ?? false,
    })),
  );
  await em.insert(
    PriceListEntry,
    PRODUCTS.flatMap((p) =>
      Object.entries(p.tierPrices).map(([tier, price]) => ({
        brandId: p.brandId,
        productId: p.id,
        tier: Number(tier),
        price,
        currency: 'CNY',
        effectiveFrom: dayFromToday(-365),
        effectiveTo: null,
      })),
    ),
  );
  for (const h of HOSPITALS) {
    await em.insert(Hospital, {
      id: h.id,
      brandId: h.brandId,
      name: h.name,
      grade: h.grade,
      beds: h.beds,
      regionId: regionId(h.brandId, h.regionCode),
      address: h.address,
    });
    const depts = await em.save(
      h.departments.map((d) => em.create(HospitalDepartment, { ...d, brandId: h.brandId, hospitalId: h.id })),
    );
    if (h.contacts.length) {
      await em.insert(
        HospitalContact,
        h.contacts.map((c) => ({
          brandId: h.brandId,
          hospitalId: h.id,
          name: c.name,
          title: c.title,
          decisionRole: c.decisionRole,
          phone: null,
          departmentId: c.department ? depts.find((d) => d.name === c.department)!.id : null,
        })),
      );
    }
  }
  await em.insert(
    Qualification,
    QUALIFICATIONS.map((x) => ({
      id: x.id,
      brandId: distributor(x.distributorCode).brandId,
      distributorId: distributor(x.distributorCode).id,
      type: x.type,
      number: x.number,
      deviceClasses: x.deviceClasses,
      validFrom: dayFromToday(x.from),
      validTo: x.to === null ? null : dayFromToday(x.to),
    })),
  );
  await em.insert(
    AuthorizationGrant,
    AUTHORIZATIONS.map((a) => {
      const d = distributor(a.distributorCode);
      return {
        id: a.id,
        brandId: d.brandId,
        distributorId: d.id,
        kind: a.kind,
        exclusive: a.exclusive,
        productLineIds: a.lineCodes.map((c) => lineId(d.brandId, c)),
        productIds: a.productCodes.map(productId),
        regionIds: a.regionCodes.map((c) => regionId(d.brandId, c)),
        hospitalIds: a.hospitalIds,
        validFrom: dayFromToday(a.from),
        validTo: dayFromToday(a.to),
        revokedFrom: null,
        revokeReason: null,
      };
    }),
  );
}
