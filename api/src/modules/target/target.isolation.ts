import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { SeedUser, distributorByCode } from '../../db/seed/demo-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { expectedDistributors, foreignDistributors, foreignHospitals } from '../../../test/personas';
import { firstDistributor, hospitalFor, notFoundEach } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { SEED_TARGET_ID } from './target.seed';
import { REBATE_SEED } from './rebate.seed-data';

/** The potential and target operations: reads by hospital, distributor and region; edits, proposals and answers. */

const POTENTIAL = `id version beds yearlyVolume usagePerProcedure consumables { amount currency } equipment { amount }
  total { amount } department { id name } productLine { id name } history { version }`;
const ROLLUP = `hospitals consumables { amount } equipment { amount } total { amount currency } productLine { id name } region { id name }`;
const TARGET = `id year status version agreedAt distributor { id name } productLine { id name }
  current { number kind share reason yearly { amount } quarters { amount } potential { amount } }
  versions { number kind } progress { total { amount } attainment months { month amount { amount } } }`;

const lineOf = (user: SeedUser) => PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id;

/** The seeded targets (杭州康达's, 苏州恒康's) whose distributor is out of the persona's sight. */
const foreignTargets = (user: SeedUser) =>
  [
    { code: 'HK-KD', id: SEED_TARGET_ID },
    { code: REBATE_SEED.distributorCode, id: REBATE_SEED.targetId },
  ]
    .filter(({ code }) => !expectedDistributors(user).some((d) => d.id === distributorByCode(code).id))
    .map(({ id }) => id);

/** A department of the matrix's own at a hospital the persona sees (or of its brand). */
async function departmentFor(ds: DataSource, user: SeedUser): Promise<string> {
  const h = hospitalFor(user);
  const [d] = await ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`,
    [h.brandId, h.id, `矩阵潜力科 ${randomUUID().slice(0, 8)}`],
  );
  return d.id;
}

/** A product line of the matrix's own, so that each call's target (one per distributor, line and year) is new. */
async function freshLine(ds: DataSource, user: SeedUser): Promise<string> {
  const code = `MX${randomUUID().slice(0, 8)}`;
  const [l] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [
    user.brandId,
    code,
  ]);
  return l.id;
}

/** A target of the matrix's own for the persona's first distributor, at a status, with its one version. */
async function targetFor(ds: DataSource, user: SeedUser, status: 'PROPOSED' | 'COUNTERED'): Promise<string> {
  const d = firstDistributor(user);
  const [t] = await ds.query(
    `INSERT INTO sales_target (brand_id, distributor_id, product_line_id, year, status, currency, created_by)
     VALUES ($1, $2, $3, $4, $5, 'CNY', $6) RETURNING id`,
    [d.brandId, d.id, await freshLine(ds, user), 2030, status, user.id],
  );
  await ds.query(
    `INSERT INTO sales_target_version (brand_id, target_id, number, kind, yearly, q1, q2, q3, q4, currency, reason, created_by, request_key, request_hash)
     VALUES ($1, $2, 1, $3, '400.00', '100.00', '100.00', '100.00', '100.00', 'CNY', $4, $5, $6, repeat('0', 64))`,
    [
      d.brandId,
      t.id,
      status === 'COUNTERED' ? 'COUNTER' : 'PROPOSAL',
      status === 'COUNTERED' ? '矩阵' : null,
      user.id,
      randomUUID(),
    ],
  );
  return t.id;
}

const COUNTER = `mutation($id: ID!, $i: CounterTargetInput!) { counterTarget(id: $id, input: $i) { ${TARGET} } }`;
const counterInput = () => ({
  expectedVersion: 1,
  quarters: ['90.00', '90.00', '90.00', '90.00'],
  reason: '矩阵还价',
  idempotencyKey: randomUUID(),
});

export const TARGET_OPERATIONS: Record<string, OperationCase> = {
  departmentPotentials: {
    allowed: rolesFor('potential.read'),
    own: ({ user }) => ({
      query: `query($h: ID!) { departmentPotentials(hospitalId: $h) { ${POTENTIAL} } }`,
      variables: { h: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `query($h: ID!) { departmentPotentials(hospitalId: $h) { id } }`,
        variables: { h: h.id },
      })),
  },
  distributorPotential: {
    allowed: rolesFor('potential.read'),
    own: ({ user }) => ({
      query: `query($d: ID!) { distributorPotential(distributorId: $d) { ${ROLLUP} } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!) { distributorPotential(distributorId: $d) { hospitals } }`,
        variables: { d: d.id },
      })),
  },
  regionPotentials: {
    allowed: rolesFor('potential.read'),
    own: () => ({ query: `{ regionPotentials { ${ROLLUP} } }` }),
  },
  salesTargets: {
    allowed: rolesFor('target.read'),
    own: () => ({
      query: `query($f: TargetFilter!) { salesTargets(filter: $f) { ${TARGET} } }`,
      variables: { f: { year: new Date().getUTCFullYear() } },
    }),
    foreign: ({ user }) => [
      ...notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($f: TargetFilter!) { salesTargets(filter: $f) { id } }`,
        variables: { f: { year: 2030, distributorId: d.id } },
      })),
    ],
  },
  setDepartmentPotential: {
    allowed: rolesFor('potential.edit'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: `mutation($i: SetPotentialInput!) { setDepartmentPotential(input: $i) { ${POTENTIAL} } }`,
      variables: {
        i: {
          departmentId: await departmentFor(ds, user),
          productLineId: lineOf(user),
          beds: 500,
          yearlyVolume: 10000,
          usagePerProcedure: '0.5',
          consumableUnitPrice: '10.00',
          bedsPerEquipment: 100,
          equipmentUnitPrice: '1000.00',
          equipmentLifeYears: 5,
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: async ({ user, ds }) => {
      const rows: Array<{ id: string }> = await ds.query(
        `SELECT id FROM hospital_department WHERE hospital_id = ANY($1) LIMIT 2`,
        [foreignHospitals(user).map((h) => h.id)],
      );
      return rows.map((d) => ({
        query: `mutation($i: SetPotentialInput!) { setDepartmentPotential(input: $i) { id } }`,
        variables: {
          i: {
            departmentId: d.id,
            productLineId: lineOf(user),
            beds: 1,
            yearlyVolume: 1,
            usagePerProcedure: '1',
            consumableUnitPrice: '1.00',
            bedsPerEquipment: 1,
            equipmentUnitPrice: '1.00',
            equipmentLifeYears: 1,
            idempotencyKey: randomUUID(),
          },
        },
      }));
    },
  },
  proposeTarget: {
    allowed: rolesFor('target.propose'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: `mutation($i: ProposeTargetInput!) { proposeTarget(input: $i) { ${TARGET} } }`,
      variables: {
        i: {
          distributorId: firstDistributor(user).id,
          productLineId: await freshLine(ds, user),
          year: 2030,
          share: '0.3',
          yearlyAmount: '1200.00',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: ProposeTargetInput!) { proposeTarget(input: $i) { id } }`,
        variables: {
          i: {
            distributorId: d.id,
            productLineId: lineOf(user),
            year: 2039,
            share: '0.3',
            yearlyAmount: '1.00',
            idempotencyKey: randomUUID(),
          },
        },
      })),
  },
  agreeTarget: {
    allowed: rolesFor('target.propose'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!, $v: Int!) { agreeTarget(id: $id, expectedVersion: $v) { ${TARGET} } }`,
      variables: { id: await targetFor(ds, user, 'COUNTERED'), v: 1 },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTargets(user), (id) => ({
        query: `mutation($id: ID!, $v: Int!) { agreeTarget(id: $id, expectedVersion: $v) { id } }`,
        variables: { id, v: 2 },
      })),
  },
  acceptTarget: {
    allowed: rolesFor('target.respond'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!, $v: Int!) { acceptTarget(id: $id, expectedVersion: $v) { ${TARGET} } }`,
      variables: { id: await targetFor(ds, user, 'PROPOSED'), v: 1 },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTargets(user), (id) => ({
        query: `mutation($id: ID!, $v: Int!) { acceptTarget(id: $id, expectedVersion: $v) { id } }`,
        variables: { id, v: 2 },
      })),
  },
  counterTarget: {
    allowed: rolesFor('target.respond'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: COUNTER,
      variables: { id: await targetFor(ds, user, 'PROPOSED'), i: counterInput() },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTargets(user), (id) => ({ query: COUNTER, variables: { id, i: counterInput() } })),
  },
};
