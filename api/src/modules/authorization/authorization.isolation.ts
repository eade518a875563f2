import { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { REGIONS, SeedUser } from '../../db/seed/demo-data';
import { AUTHORIZATIONS } from '../../db/seed/authorization-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { addDays, today } from '../../common/dates';
import { foreignAuthorizations, foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

import { firstDistributor, notFoundEach } from '../../../test/isolation/fixtures';

/** Authorizations: the list, granting, extending and revoking. */

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
    [
      d.brandId,
      d.id,
      seed.product_line_ids,
      seed.product_ids,
      seed.region_ids,
      seed.hospital_ids,
      addDays(today(), -5),
      addDays(today(), 30),
    ],
  );
  return row;
}

const GRANT_FIELDS = `id kind exclusive status validFrom validTo revokedFrom version distributor { id name }
  productLines { id name } products { id name } regions { id name } hospitals { id name }`;

export const AUTHORIZATION_OPERATIONS: Record<string, OperationCase> = {
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
    allowed: rolesFor('authorization.grant'),
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      const [seed] = await ds.query(`SELECT product_line_ids, region_ids FROM authorization_grant WHERE id = $1`, [
        AUTHORIZATIONS.find((a) => a.distributorCode === d.code)!.id,
      ]);
      return {
        query: `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { ${GRANT_FIELDS} } }`,
        variables: {
          i: {
            distributorId: d.id,
            kind: 'TEMPORARY',
            exclusive: false,
            productLineIds: seed.product_line_ids.slice(0, 1),
            regionIds: seed.region_ids,
            validFrom: today(),
            validTo: addDays(today(), 30),
          },
        },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`,
        variables: {
          i: {
            distributorId: d.id,
            kind: 'TEMPORARY',
            productLineIds: [PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id],
            regionIds: [REGIONS.find((r) => r.brandId === user.brandId)!.id],
            validFrom: today(),
            validTo: addDays(today(), 10),
          },
        },
      })),
    mutates: true,
  },
  extendAuthorization: {
    allowed: rolesFor('authorization.grant'),
    own: async ({ user, ds }) => {
      const g = await redundantGrant(ds, user);
      return {
        query: `mutation($id: ID!, $v: Int!, $to: LocalDate!) { extendAuthorization(id: $id, validTo: $to, expectedVersion: $v) { id validTo } }`,
        variables: { id: g.id, v: g.version, to: addDays(today(), 60) },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignAuthorizations(user), (a) => ({
        query: `mutation($id: ID!, $to: LocalDate!) { extendAuthorization(id: $id, validTo: $to, expectedVersion: 1) { id } }`,
        variables: { id: a.id, to: addDays(today(), 900) },
      })),
    mutates: true,
  },
  revokeAuthorization: {
    allowed: rolesFor('authorization.revoke'),
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
};
