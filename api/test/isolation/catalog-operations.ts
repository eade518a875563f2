import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BRAND_ROLES, Role } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, USERS } from '../../src/db/seed/demo-data';
import { AUTHORIZATIONS, HOSPITALS, PRODUCTS, PRODUCT_LINES } from '../../src/db/seed/catalog-data';
import { addDays, today } from '../../src/common/dates';
import {
  PERSONA_KEYS,
  expectedDistributors,
  expectedHospitals,
  foreignAuthorizations,
  foreignDistributors,
  foreignHospitals,
  foreignProducts,
} from '../personas';
import { Call, CaseInput, OperationCase } from './types';

/** Part 3's operations: catalog, hospitals, lifecycle, qualifications, authorizations, compliance. */

const STAFF = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];
const tag = () => randomUUID().slice(0, 8);
const firstDistributor = (user: SeedUser) => expectedDistributors(user)[0];
const regionOf = (brandId: string, code: string) => REGIONS.find((r) => r.brandId === brandId && r.code === code)!.id;
const productOf = (user: SeedUser) => PRODUCTS.find((p) => p.brandId === user.brandId)!;
const hospitalFor = (user: SeedUser) => expectedHospitals(user)[0] ?? HOSPITALS.find((h) => h.brandId === user.brandId)!;

/**
 * A grant for the persona's first distributor that repeats one it already has, so changing it
 * (extend, revoke) changes nobody's visibility.
 */
async function redundantGrant(ds: DataSource, user: SeedUser): Promise<{ id: string; version: number }> {
  const d = firstDistributor(user);
  const [seed] = await ds.query(
    `SELECT product_line_ids, product_ids, region_ids, hospital_ids FROM authorization_grant WHERE id = $1`,
    [AUTHORIZATIONS.find((a) => a.distributorCode === d.code)!.id],
  );
  const [row] = await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, exclusive, product_line_ids, product_ids, region_ids, hospital_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', false, $3, $4, $5, $6, $7, $8) RETURNING id, version`,
    [d.brandId, d.id, seed.product_line_ids, seed.product_ids, seed.region_ids, seed.hospital_ids, addDays(today(), -5), addDays(today(), 30)],
  );
  return row;
}

/** A prospect placed where the persona's first distributor is, managed by the same manager: visible to the same people. */
async function prospectFor(ds: DataSource, user: SeedUser): Promise<{ id: string; version: number }> {
  const d = firstDistributor(user);
  const [row] = await ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, region_id, channel_manager_id)
     SELECT brand_id, $2, $3, 'PROSPECT', region_id, channel_manager_id FROM distributor WHERE id = $1 RETURNING id, version`,
    [d.id, `矩阵候选经销商 ${tag()}`, `MX-${tag()}`],
  );
  return row;
}

const versionOf = async (ds: DataSource, table: string, id: string): Promise<number> =>
  (await ds.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

const GRANT_FIELDS = `id kind exclusive status validFrom validTo revokedFrom version distributor { id name }
  productLines { id name } products { id name } regions { id name } hospitals { id name }`;

/** An empty previewed import of the persona's own, of a kind its role imports (or of another user, for the foreign calls). */
async function importFor(ds: DataSource, user: SeedUser): Promise<string> {
  const kind = user.role === Role.FINANCE ? 'PAYMENTS' : 'HOSPITALS';
  const [row] = await ds.query(
    `INSERT INTO import_job (brand_id, created_by, kind, status, total_rows, error_count, payload, summary)
     VALUES ($1, $2, $3, 'PREVIEWED', 0, 0, '[]'::jsonb, '{}'::jsonb) RETURNING id`,
    [user.brandId, user.id, kind],
  );
  return row.id;
}

const notFoundEach = <T>(rows: T[], call: (row: T) => Call): Call[] => rows.map(call);

export const CATALOG_OPERATIONS: Record<string, OperationCase> = {
  productLines: { allowed: 'any', own: () => ({ query: `{ productLines { id code name } }` }) },
  products: {
    allowed: 'any',
    own: () => ({ query: `{ products(first: 100) { totalCount nodes { id name code deviceClass listPrice { amount currency } productLine { name } } } }` }),
    foreign: ({ user }) =>
      foreignProducts(user).map((p) => ({
        query: `query($s: String) { products(first: 100, filter: { search: $s }) { totalCount nodes { id name } } }`,
        variables: { s: p.name },
        expect: 'LISTED' as const,
      })),
  },
  product: {
    allowed: 'any',
    own: ({ user }) => ({ query: `query($id: ID!) { product(id: $id) { id name registrationNo registrationValidTo } }`, variables: { id: productOf(user).id } }),
    foreign: ({ user }) => notFoundEach(foreignProducts(user), (p) => ({ query: `query($id: ID!) { product(id: $id) { id name } }`, variables: { id: p.id } })),
  },
  createProduct: {
    allowed: [Role.ADMIN],
    own: ({ user }) => ({
      query: `mutation($i: CreateProductInput!) { createProduct(input: $i) { id code } }`,
      variables: {
        i: {
          productLineId: PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id, code: `MX-${tag()}`, name: `矩阵产品 ${tag()}`,
          kind: 'CONSUMABLE', deviceClass: 'I', registrationNo: `浙械备${tag()}`, registrationValidFrom: today(),
          registrationValidTo: addDays(today(), 365), listPrice: '12.50', currency: 'CNY',
        },
      },
    }),
    foreign: ({ user }) => [{
      query: `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`,
      variables: {
        i: {
          productLineId: PRODUCT_LINES.find((l) => l.brandId !== user.brandId)!.id, code: `MX-${tag()}`, name: '越界产品', kind: 'CONSUMABLE',
          deviceClass: 'I', registrationNo: 'x', registrationValidFrom: today(), registrationValidTo: today(), listPrice: '1.00', currency: 'CNY',
        },
      },
      // another brand's product line answers like one that does not exist
    }],
    mutates: true,
  },
  setTierPrice: {
    allowed: [Role.ADMIN, Role.FINANCE],
    own: ({ user, key }) => ({
      query: `mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`,
      variables: { i: { productId: productOf(user).id, tier: 3 + (PERSONA_KEYS.indexOf(key) % 6), price: '99.00', effectiveFrom: addDays(today(), 2000 + Math.floor(Math.random() * 5000)) } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignProducts(user), (p) => ({
        query: `mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`,
        variables: { i: { productId: p.id, tier: 3, price: '1.00', effectiveFrom: addDays(today(), 9000) } },
      })),
    mutates: true,
  },
  hospitals: {
    allowed: 'any',
    own: () => ({
      query: `{ hospitals(first: 100) { totalCount nodes { id name grade beds region { name } departments { name yearlyVolume }
        servingDistributors { id name } } } }`,
    }),
    foreign: ({ user }) =>
      foreignHospitals(user).map((h) => ({
        query: `query($s: String) { hospitals(first: 100, filter: { search: $s }) { totalCount nodes { id name } } }`,
        variables: { s: h.name },
        expect: 'LISTED' as const,
      })),
  },
  hospital: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `query($id: ID!) { hospital(id: $id) { id name departments { name } servingDistributors { id name code } } }`,
      variables: { id: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({ query: `query($id: ID!) { hospital(id: $id) { id name } }`, variables: { id: h.id } })),
  },
  createHospital: {
    allowed: STAFF,
    own: ({ user }) => ({
      query: `mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id name departments { name } } }`,
      variables: {
        i: { name: `矩阵医院 ${tag()}`, grade: 'GRADE_2A', beds: 300, regionId: regionOf(user.brandId, firstDistributor(user).regionCode), departments: [{ name: '检验科', yearlyVolume: 1000, volumeKind: 'TEST' }] },
      },
    }),
    foreign: ({ user }) => [{
      query: `mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }`,
      variables: { i: { name: `越界医院 ${tag()}`, grade: 'GRADE_1', regionId: REGIONS.find((r) => r.brandId !== user.brandId)!.id, departments: [] } },
      // another brand's region answers like one that does not exist
    }],
    mutates: true,
  },
  addHospitalContact: {
    allowed: STAFF,
    own: ({ user }) => ({
      query: `mutation($h: ID!, $i: ContactInput!) { addHospitalContact(hospitalId: $h, input: $i) { id contacts { name decisionRole } } }`,
      variables: { h: hospitalFor(user).id, i: { name: `联系人${tag()}`, title: '采购办主任', decisionRole: 'PURCHASING' } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `mutation($h: ID!, $i: ContactInput!) { addHospitalContact(hospitalId: $h, input: $i) { id } }`,
        variables: { h: h.id, i: { name: '越界', decisionRole: 'OTHER' } },
      })),
    mutates: true,
  },
  createDistributor: {
    allowed: STAFF,
    own: ({ user }) => ({
      query: `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id name stage channelManager { id } } }`,
      variables: { i: { name: `矩阵新经销商 ${tag()}`, code: `MX-${tag()}`, regionId: regionOf(user.brandId, firstDistributor(user).regionCode), profile: { classifications: ['HIGHLY_PROFESSIONAL'] } } },
    }),
    foreign: ({ user }) => [{
      query: `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id } }`,
      variables: { i: { name: `越界经销商 ${tag()}`, code: `MX-${tag()}`, regionId: REGIONS.find((r) => r.brandId !== user.brandId)!.id } },
      // another brand's region answers like one that does not exist
    }],
    mutates: true,
  },
  updateDistributorProfile: {
    allowed: STAFF,
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      return {
        query: `mutation($id: ID!, $v: Int!, $i: DistributorProfileInput!) { updateDistributorProfile(id: $id, expectedVersion: $v, input: $i) { id contactPhone } }`,
        variables: { id: d.id, v: await versionOf(ds, 'distributor', d.id), i: { contactPhone: `0571-${String(Math.random()).slice(2, 10)}` } },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($id: ID!, $i: DistributorProfileInput!) { updateDistributorProfile(id: $id, expectedVersion: 1, input: $i) { id } }`,
        variables: { id: d.id, i: { contactPhone: '1' } },
      })),
    mutates: true,
  },
  moveDistributorStage: {
    allowed: STAFF,
    own: async ({ user, ds }) => {
      const p = await prospectFor(ds, user);
      return {
        query: `mutation($d: ID!, $v: Int!) { moveDistributorStage(distributorId: $d, toStage: SCREENING, reason: "资质初审通过", expectedVersion: $v) { id stage stageHistory { fromStage toStage reason } } }`,
        variables: { d: p.id, v: p.version },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($d: ID!) { moveDistributorStage(distributorId: $d, toStage: EXITING, reason: "越界", expectedVersion: 1) { id } }`,
        variables: { d: d.id },
      })),
    mutates: true,
  },
  expiringQualifications: {
    allowed: 'any',
    own: () => ({ query: `{ expiringQualifications(withinDays: 60) { id type number validTo expiry { level daysLeft } distributor { id name } } }` }),
  },
  addQualification: {
    allowed: [...STAFF, Role.OWNER],
    own: ({ user }) => ({
      query: `mutation($i: AddQualificationInput!) { addQualification(input: $i) { id number expiry { level } } }`,
      variables: { i: { distributorId: firstDistributor(user).id, type: 'OTHER', number: `MX-${tag()}`, deviceClasses: [], validFrom: today() } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: AddQualificationInput!) { addQualification(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, type: 'OTHER', number: 'x1', deviceClasses: [], validFrom: today() } },
      })),
    mutates: true,
  },
  authorizations: {
    allowed: 'any',
    own: () => ({ query: `{ authorizations { ${GRANT_FIELDS} } }` }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `query($d: ID) { authorizations(distributorId: $d) { id } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  grantAuthorization: {
    allowed: STAFF,
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      const [seed] = await ds.query(`SELECT product_line_ids, region_ids FROM authorization_grant WHERE id = $1`, [
        AUTHORIZATIONS.find((a) => a.distributorCode === d.code)!.id,
      ]);
      return {
        query: `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { ${GRANT_FIELDS} } }`,
        variables: {
          i: { distributorId: d.id, kind: 'TEMPORARY', exclusive: false, productLineIds: seed.product_line_ids.slice(0, 1), regionIds: seed.region_ids, validFrom: today(), validTo: addDays(today(), 30) },
        },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`,
        variables: {
          i: { distributorId: d.id, kind: 'TEMPORARY', productLineIds: [PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id],
            regionIds: [REGIONS.find((r) => r.brandId === user.brandId)!.id], validFrom: today(), validTo: addDays(today(), 10) },
        },
      })),
    mutates: true,
  },
  extendAuthorization: {
    allowed: STAFF,
    own: async ({ user, ds }) => {
      const g = await redundantGrant(ds, user);
      return { query: `mutation($id: ID!, $v: Int!, $to: LocalDate!) { extendAuthorization(id: $id, validTo: $to, expectedVersion: $v) { id validTo } }`, variables: { id: g.id, v: g.version, to: addDays(today(), 60) } };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignAuthorizations(user), (a) => ({
        query: `mutation($id: ID!, $to: LocalDate!) { extendAuthorization(id: $id, validTo: $to, expectedVersion: 1) { id } }`,
        variables: { id: a.id, to: addDays(today(), 900) },
      })),
    mutates: true,
  },
  revokeAuthorization: {
    allowed: [Role.ADMIN, Role.REGIONAL_HEAD],
    own: async ({ user, ds }) => {
      const g = await redundantGrant(ds, user);
      return {
        query: `mutation($id: ID!, $v: Int!, $from: LocalDate!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "重复授权", expectedVersion: $v) { id status revokedFrom } }`,
        variables: { id: g.id, v: g.version, from: addDays(today(), 1) },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignAuthorizations(user), (a) => ({
        query: `mutation($id: ID!, $from: LocalDate!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "越界", expectedVersion: 1) { id } }`,
        variables: { id: a.id, from: addDays(today(), 1) },
      })),
    mutates: true,
  },
  complianceCheck: {
    allowed: 'any',
    own: ({ user }: CaseInput) => ({
      query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed findings { reason message } } }`,
      variables: { d: firstDistributor(user).id, p: productOf(user).id, h: hospitalFor(user).id, on: today() },
    }),
    foreign: ({ user }) => [
      ...notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed } }`,
        variables: { d: d.id, p: productOf(user).id, h: hospitalFor(user).id, on: today() },
      })),
      ...notFoundEach(foreignProducts(user), (p) => ({
        query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed } }`,
        variables: { d: firstDistributor(user).id, p: p.id, h: hospitalFor(user).id, on: today() },
      })),
    ],
  },
  recordScreeningAssessment: {
    allowed: STAFF,
    own: ({ user }) => ({
      query: `mutation($i: AssessmentInput!) { recordScreeningAssessment(input: $i) { id fitScore } }`,
      variables: { i: { distributorId: firstDistributor(user).id, productsCarried: '超声、检验试剂', competingProducts: '迈瑞 DC-70', fitScore: 4, willingnessScore: 5, capabilityScore: 3 } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: AssessmentInput!) { recordScreeningAssessment(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, fitScore: 1, willingnessScore: 1, capabilityScore: 1 } },
      })),
    mutates: true,
  },
  addHospitalNote: {
    allowed: [...BRAND_ROLES],
    own: ({ user }) => ({
      query: `mutation($h: ID!) { addHospitalNote(hospitalId: $h, body: "设备科明年预算增加，关注彩超更新") { id body } }`,
      variables: { h: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({ query: `mutation($h: ID!) { addHospitalNote(hospitalId: $h, body: "越界") { id } }`, variables: { h: h.id } })),
    mutates: true,
  },
  reportHospitalServing: {
    allowed: [...BRAND_ROLES],
    own: ({ user }) => ({
      query: `mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "杭州某竞品经销商", products: "迈瑞彩超") { id distributorName } }`,
      variables: { h: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({ query: `mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "x") { id } }`, variables: { h: h.id } })),
    mutates: true,
  },
  importJob: {
    allowed: [...STAFF, Role.FINANCE],
    own: async ({ user, ds }) => ({ query: `query($id: ID!) { importJob(id: $id) { id status errorCount errors { row } } }`, variables: { id: await importFor(ds, user) } }),
    foreign: async ({ user, ds }) => [
      { query: `query($id: ID!) { importJob(id: $id) { id } }`, variables: { id: await importFor(ds, USERS.find((x) => x.brandId !== user.brandId && x.role === Role.ADMIN)!) } },
    ],
  },
  commitImport: {
    allowed: [...STAFF, Role.FINANCE],
    own: async ({ user, ds }) => ({ query: `mutation($id: ID!) { commitImport(id: $id) { id status } }`, variables: { id: await importFor(ds, user) } }),
    foreign: async ({ user, ds }) => [
      { query: `mutation($id: ID!) { commitImport(id: $id) { id } }`, variables: { id: await importFor(ds, USERS.find((x) => x.brandId !== user.brandId && x.role === Role.ADMIN)!) } },
    ],
    mutates: true,
  },
};
