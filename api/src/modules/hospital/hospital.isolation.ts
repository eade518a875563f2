import { randomUUID } from 'node:crypto';
import { rolesFor } from '@medchannel/shared-schema';
import { REGIONS } from '../../db/seed/demo-data';
import { today } from '../../common/dates';
import { foreignHospitals } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

import {
  firstDistributor,
  hospitalFor,
  regionOf,
  tag,
  notFoundEach,
  versionOf,
} from '../../../test/isolation/fixtures';
import type { DataSource } from 'typeorm';
import type { SeedHospital } from '../../db/seed/hospital-data';

/** A department of the matrix's own at a hospital, so that editing it disturbs nothing the seed's readers count on. */
const departmentAt = async (ds: DataSource, h: SeedHospital): Promise<{ id: string; version: number }> =>
  (
    await ds.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id, version`,
      [h.brandId, h.id, `矩阵科 ${tag()}`],
    )
  )[0];

/** Likewise a contact of the matrix's own. */
const contactAt = async (ds: DataSource, h: SeedHospital): Promise<{ id: string; version: number }> =>
  (
    await ds.query(
      `INSERT INTO hospital_contact (brand_id, hospital_id, name, decision_role) VALUES ($1, $2, $3, 'OTHER') RETURNING id, version`,
      [h.brandId, h.id, `矩阵联系人 ${tag()}`],
    )
  )[0];

const UPDATE_HOSPITAL = `mutation($id: ID!, $i: UpdateHospitalInput!) { updateHospital(id: $id, input: $i) { id version } }`;
const UPDATE_DEPARTMENT = `mutation($id: ID!, $i: DepartmentInput!, $v: Int!) { updateHospitalDepartment(id: $id, input: $i, expectedVersion: $v) { id departments { id yearlyVolume } } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $i: UpdateContactInput!) { updateHospitalContact(id: $id, input: $i) { id relation history { kind } } }`;
const RETIRE_CONTACT = `mutation($id: ID!, $i: RetireContactInput!) { retireHospitalContact(id: $id, input: $i) { id retiredOn } }`;

/** The hospital operations: the list and one hospital, new hospitals and contacts, notes and who serves it. */

export const HOSPITAL_OPERATIONS: Record<string, OperationCase> = {
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
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `query($id: ID!) { hospital(id: $id) { id name } }`,
        variables: { id: h.id },
      })),
  },
  hospitalRegions: {
    allowed: rolesFor('hospital.edit'),
    own: () => ({ query: `{ hospitalRegions { id name parent { name } } }` }),
  },
  createHospital: {
    allowed: rolesFor('hospital.edit'),
    own: ({ user }) => ({
      query: `mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id name departments { name } } }`,
      variables: {
        i: {
          name: `矩阵医院 ${tag()}`,
          grade: 'GRADE_2A',
          beds: 300,
          regionId: regionOf(user.brandId, firstDistributor(user).regionCode),
          departments: [{ name: '检验科', yearlyVolume: 1000, volumeKind: 'TEST' }],
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) => [
      {
        query: `mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }`,
        variables: {
          i: {
            name: `越界医院 ${tag()}`,
            grade: 'GRADE_1',
            regionId: REGIONS.find((r) => r.brandId !== user.brandId)!.id,
            departments: [],
          },
        },
        // another brand's region answers like one that does not exist
      },
    ],
    mutates: true,
  },
  addHospitalContact: {
    allowed: rolesFor('hospital.edit'),
    own: ({ user }) => ({
      query: `mutation($h: ID!, $i: ContactInput!) { addHospitalContact(hospitalId: $h, input: $i) { id contacts { name decisionRole } } }`,
      variables: {
        h: hospitalFor(user).id,
        i: { name: `联系人${tag()}`, title: '采购办主任', decisionRole: 'PURCHASING' },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `mutation($h: ID!, $i: ContactInput!) { addHospitalContact(hospitalId: $h, input: $i) { id } }`,
        variables: { h: h.id, i: { name: '越界', decisionRole: 'OTHER' } },
      })),
    mutates: true,
  },
  updateHospital: {
    allowed: rolesFor('hospital.edit'),
    own: async ({ user, ds }) => {
      const h = hospitalFor(user);
      return {
        query: UPDATE_HOSPITAL,
        variables: {
          id: h.id,
          i: {
            name: h.name,
            grade: h.grade,
            beds: h.beds,
            address: h.address,
            regionId: regionOf(h.brandId, h.regionCode),
            expectedVersion: await versionOf(ds, 'hospital', h.id),
          },
        },
      };
    },
    foreign: ({ user, ds }) =>
      Promise.all(
        foreignHospitals(user).map(async (h) => ({
          query: UPDATE_HOSPITAL,
          variables: {
            id: h.id,
            i: {
              name: h.name,
              grade: h.grade,
              regionId: regionOf(h.brandId, h.regionCode),
              expectedVersion: await versionOf(ds, 'hospital', h.id),
            },
          },
        })),
      ),
    mutates: true,
  },
  addHospitalDepartment: {
    allowed: rolesFor('hospital.edit'),
    own: ({ user }) => ({
      query: `mutation($h: ID!, $i: DepartmentInput!) { addHospitalDepartment(hospitalId: $h, input: $i) { id departments { name } } }`,
      variables: { h: hospitalFor(user).id, i: { name: `矩阵科 ${tag()}`, yearlyVolume: 500, volumeKind: 'SURGERY' } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `mutation($h: ID!, $i: DepartmentInput!) { addHospitalDepartment(hospitalId: $h, input: $i) { id } }`,
        variables: { h: h.id, i: { name: `越界科 ${tag()}` } },
      })),
    mutates: true,
  },
  updateHospitalDepartment: {
    allowed: rolesFor('hospital.edit'),
    own: async ({ user, ds }) => {
      const d = await departmentAt(ds, hospitalFor(user));
      return {
        query: UPDATE_DEPARTMENT,
        variables: { id: d.id, v: d.version, i: { name: `矩阵科 ${tag()}`, yearlyVolume: 800 } },
      };
    },
    foreign: async ({ user, ds }) => {
      const d = await departmentAt(ds, foreignHospitals(user)[0]);
      return [
        { query: UPDATE_DEPARTMENT, variables: { id: d.id, v: d.version, i: { name: '越界科', yearlyVolume: 1 } } },
      ];
    },
    mutates: true,
  },
  updateHospitalContact: {
    allowed: rolesFor('hospital.edit'),
    own: async ({ user, ds }) => {
      const c = await contactAt(ds, hospitalFor(user));
      return {
        query: UPDATE_CONTACT,
        variables: {
          id: c.id,
          i: {
            name: `联系人${tag()}`,
            decisionRole: 'PURCHASING',
            relation: 'SUPPORTER',
            note: '调岗',
            expectedVersion: c.version,
          },
        },
      };
    },
    foreign: async ({ user, ds }) => {
      const c = await contactAt(ds, foreignHospitals(user)[0]);
      return [
        {
          query: UPDATE_CONTACT,
          variables: { id: c.id, i: { name: '越界', decisionRole: 'OTHER', expectedVersion: c.version } },
        },
      ];
    },
    mutates: true,
  },
  retireHospitalContact: {
    allowed: rolesFor('hospital.edit'),
    own: async ({ user, ds }) => {
      const c = await contactAt(ds, hospitalFor(user));
      return { query: RETIRE_CONTACT, variables: { id: c.id, i: { on: today(), expectedVersion: c.version } } };
    },
    foreign: async ({ user, ds }) => {
      const c = await contactAt(ds, foreignHospitals(user)[0]);
      return [{ query: RETIRE_CONTACT, variables: { id: c.id, i: { on: today(), expectedVersion: c.version } } }];
    },
    mutates: true,
  },
  addHospitalNote: {
    allowed: rolesFor('hospital.intel'),
    own: ({ user }) => ({
      query: `mutation($h: ID!) { addHospitalNote(hospitalId: $h, body: "设备科明年预算增加，关注彩超更新") { id body } }`,
      variables: { h: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `mutation($h: ID!) { addHospitalNote(hospitalId: $h, body: "越界") { id } }`,
        variables: { h: h.id },
      })),
    mutates: true,
  },
  reportHospitalServing: {
    allowed: rolesFor('hospital.intel'),
    own: ({ user }) => ({
      query: `mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "杭州某竞品经销商", products: "迈瑞彩超") { id distributorName } }`,
      variables: { h: hospitalFor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user), (h) => ({
        query: `mutation($h: ID!) { reportHospitalServing(hospitalId: $h, distributorName: "x") { id } }`,
        variables: { h: h.id },
      })),
    mutates: true,
  },
};
