import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';
import { DISTRIBUTORS, SeedDistributor, SeedUser, USERS } from '../../db/seed/demo-data';
import { foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { firstDistributor, notFoundEach, tag } from '../../../test/isolation/fixtures';

/** An owner's proposed renewals: proposing on his own documents, the brand's approval and rejection. */

const distributorOf = (user: SeedUser) =>
  firstDistributor(user) ?? DISTRIBUTORS.find((d) => d.brandId === user.brandId)!;

/** A fresh document of the distributor's (of a kind nobody else reads), so a proposal on it disturbs nothing. */
async function freshDocument(ds: DataSource, d: SeedDistributor): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to)
     VALUES ($1, $2, 'OTHER', $3, $4, $5) RETURNING id`,
    [d.brandId, d.id, `ISO-${tag()}`, addDays(today(), -300), addDays(today(), 20)],
  );
  return row.id;
}

/** A pending proposal, its scan uploaded, on a fresh document of the distributor's. */
async function pendingRenewal(ds: DataSource, d: SeedDistributor): Promise<{ id: string; version: number }> {
  const qualificationId = await freshDocument(ds, d);
  const proposer = USERS.find((u) => u.brandId === d.brandId && u.distributorCode === d.code) ?? USERS[0];
  const [row] = await ds.query(
    `INSERT INTO qualification_renewal (brand_id, distributor_id, qualification_id, type, number, valid_from, valid_to,
       file_key, file_name, file_mime, file_size, file_sha256, proposed_by, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'OTHER', $4, $5, $6, 'qualifications/none', 'scan.pdf', 'application/pdf', 10, $7, $8, $9, $7)
     RETURNING id, version`,
    [
      d.brandId,
      d.id,
      qualificationId,
      `ISO-${tag()}`,
      today(),
      addDays(today(), 700),
      '0'.repeat(64),
      proposer.id,
      randomUUID(),
    ],
  );
  return row;
}

const proposeInput = (qualificationId: string) => ({
  qualificationId,
  number: `ISO-${tag()}`,
  deviceClasses: [],
  validFrom: today(),
  validTo: addDays(today(), 700),
  idempotencyKey: randomUUID(),
});

const PROPOSE = `mutation($i: ProposeQualificationRenewalInput!) { proposeQualificationRenewal(input: $i) { id status version file { name } } }`;
const APPROVE = `mutation($i: DecideQualificationRenewalInput!) { approveQualificationRenewal(input: $i) { id status } }`;
const REJECT = `mutation($i: RejectQualificationRenewalInput!) { rejectQualificationRenewal(input: $i) { id status rejectReason } }`;

export const QUALIFICATION_RENEWAL_OPERATIONS: Record<string, OperationCase> = {
  proposeQualificationRenewal: {
    allowed: rolesFor('qualification.proposeRenewal'),
    own: async ({ user, ds }) => ({
      query: PROPOSE,
      variables: { i: proposeInput(await freshDocument(ds, distributorOf(user))) },
    }),
    foreign: async ({ user, ds }) => {
      const ids = await Promise.all(foreignDistributors(user).map((d) => freshDocument(ds, d)));
      return notFoundEach(ids, (id) => ({ query: PROPOSE, variables: { i: proposeInput(id) } }));
    },
    mutates: true,
  },
  approveQualificationRenewal: {
    allowed: rolesFor('qualification.approveRenewal'),
    own: async ({ user, ds }) => {
      const r = await pendingRenewal(ds, distributorOf(user));
      return { query: APPROVE, variables: { i: { renewalId: r.id, expectedVersion: r.version } } };
    },
    foreign: async ({ user, ds }) => {
      const rows = await Promise.all(foreignDistributors(user).map((d) => pendingRenewal(ds, d)));
      return notFoundEach(rows, (r) => ({
        query: APPROVE,
        variables: { i: { renewalId: r.id, expectedVersion: r.version } },
      }));
    },
    mutates: true,
  },
  rejectQualificationRenewal: {
    allowed: rolesFor('qualification.approveRenewal'),
    own: async ({ user, ds }) => {
      const r = await pendingRenewal(ds, distributorOf(user));
      return {
        query: REJECT,
        variables: { i: { renewalId: r.id, expectedVersion: r.version, reason: '扫描件不清晰' } },
      };
    },
    foreign: async ({ user, ds }) => {
      const rows = await Promise.all(foreignDistributors(user).map((d) => pendingRenewal(ds, d)));
      return notFoundEach(rows, (r) => ({
        query: REJECT,
        variables: { i: { renewalId: r.id, expectedVersion: r.version, reason: '扫描件不清晰' } },
      }));
    },
    mutates: true,
  },
};
