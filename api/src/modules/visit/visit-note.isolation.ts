import { randomUUID } from 'node:crypto';
import { Role, rolesFor } from '@medchannel/shared-schema';
import { SeedUser } from '../../db/seed/demo-data';
import { foreignDistributors, foreignHospitals, foreignUsers } from '../../../test/personas';
import { foreignVisitNotes } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { hospitalFor } from '../../../test/isolation/fixtures';

import { PERSON, colleague, noteFor } from '../../../test/isolation/visit-fixtures';

/** Visit notes' operations: the lists and one note, writing, CC, comments, tasks and commitments. */

const NOTE = `id visibility visitedOn outcome nextSteps version createdAt author { ${PERSON} } hospital { id name visitNotes { id outcome } }
  department { name } contacts { name } distributor { id name } coVisit { id goal } cc { ${PERSON} }
  tasks { id itemNo title dueOn done doneAt version owner { ${PERSON} } }
  commitments { id itemNo kind description dueOn status disputeReason answeredAt resolution resolvedAt version createdAt amount { amount currency } answeredBy { ${PERSON} } resolvedBy { ${PERSON} } }
  comments { id body createdAt author { ${PERSON} } } attachments { id fileName fileMime fileSize url createdAt }`;
const COMMITMENT = `id kind description status version note { ${NOTE} }`;

const seedCommitmentsNotSeen = (u: SeedUser) => foreignVisitNotes(u).flatMap((n) => n.commitments.map((c) => c.id));
const commitmentMove = (
  name: string,
  allowed: readonly Role[],
  status: 'OPEN' | 'DISPUTED',
  extra = '',
  decl = '',
  vars: Record<string, unknown> = {},
): OperationCase => {
  const query = `mutation($id: ID!, $v: Int!${decl}) { ${name}(id: $id, expectedVersion: $v${extra}) { ${COMMITMENT} } }`;
  return {
    allowed,
    own: async ({ user, ds }) => {
      const n = await noteFor(ds, user, status);
      return { query, variables: { id: n.commitmentId, v: n.commitmentVersion, ...vars } };
    },
    foreign: ({ user }) => seedCommitmentsNotSeen(user).map((id) => ({ query, variables: { id, v: 1, ...vars } })),
    mutates: true,
  };
};

export const VISIT_NOTE_OPERATIONS: Record<string, OperationCase> = {
  visitNotes: {
    allowed: 'any',
    own: () => ({
      query: `{ visitNotes(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${NOTE} } } }`,
    }),
    foreign: ({ user }) =>
      foreignVisitNotes(user).map((n) => ({
        query: `query($s: String) { visitNotes(first: 50, filter: { search: $s }) { totalCount nodes { id outcome } } }`,
        variables: { s: n.outcome.slice(0, 8) },
        expect: 'LISTED' as const,
      })),
  },
  visitNote: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { visitNote(id: $id) { ${NOTE} } }`,
      variables: { id: (await noteFor(ds, user)).id },
    }),
    foreign: ({ user }) =>
      foreignVisitNotes(user).map((n) => ({
        query: `query($id: ID!) { visitNote(id: $id) { id outcome } }`,
        variables: { id: n.id },
      })),
  },
  writeVisitNote: {
    allowed: rolesFor('visit.writeNote'),
    own: ({ user }) => ({
      query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { ${NOTE} } }`,
      variables: {
        i: {
          hospitalId: hospitalFor(user).id,
          visibility: 'INTERNAL',
          outcome: '矩阵内部纪要',
          ccUserIds: [colleague(user).id],
          tasks: [{ title: '矩阵跟进' }],
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) => [
      ...foreignHospitals(user).map((h) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: { i: { hospitalId: h.id, visibility: 'INTERNAL', outcome: '越界', idempotencyKey: randomUUID() } },
      })),
      ...foreignDistributors(user).map((d) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: {
          i: {
            hospitalId: hospitalFor(user).id,
            distributorId: d.id,
            visibility: 'SHARED',
            outcome: '越界',
            idempotencyKey: randomUUID(),
          },
        },
      })),
      ...foreignUsers(user).map((x) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: {
          i: {
            hospitalId: hospitalFor(user).id,
            visibility: 'INTERNAL',
            outcome: '越界',
            ccUserIds: [x.id],
            idempotencyKey: randomUUID(),
          },
        },
      })),
    ],
    mutates: true,
  },
  ccVisitNote: {
    allowed: rolesFor('visit.writeNote'),
    own: async ({ user, ds }) => {
      const [n] = await ds.query(
        `INSERT INTO visit_note (brand_id, author_id, hospital_id, visibility, visited_on, outcome, idempotency_key, request_hash)
         VALUES ($1, $2, $3, 'INTERNAL', CURRENT_DATE, '矩阵抄送', gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
        [user.brandId, user.id, hospitalFor(user).id],
      );
      return {
        query: `mutation($id: ID!, $v: Int!, $u: [ID!]!) { ccVisitNote(id: $id, expectedVersion: $v, userIds: $u) { ${NOTE} } }`,
        variables: { id: n.id, v: n.version, u: [colleague(user).id] },
      };
    },
    foreign: ({ user }) =>
      foreignVisitNotes(user).map((n) => ({
        query: `mutation($id: ID!, $u: [ID!]!) { ccVisitNote(id: $id, expectedVersion: 1, userIds: $u) { id } }`,
        variables: { id: n.id, u: [user.id] },
      })),
    mutates: true,
  },
  commentOnVisitNote: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `mutation($n: ID!, $k: ID!) { commentOnVisitNote(noteId: $n, body: "矩阵评论", idempotencyKey: $k) { id body createdAt author { ${PERSON} } } }`,
      variables: { n: (await noteFor(ds, user)).id, k: randomUUID() },
    }),
    foreign: ({ user }) =>
      foreignVisitNotes(user).map((n) => ({
        query: `mutation($n: ID!, $k: ID!) { commentOnVisitNote(noteId: $n, body: "越界", idempotencyKey: $k) { id } }`,
        variables: { n: n.id, k: randomUUID() },
      })),
    mutates: true,
  },
  setVisitTaskDone: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `mutation($id: ID!) { setVisitTaskDone(id: $id, expectedVersion: 1, done: true) { id title done doneAt version owner { ${PERSON} } } }`,
      variables: { id: (await noteFor(ds, user)).taskId },
    }),
    foreign: async ({ user, ds }) => {
      const rows: Array<{ id: string }> = await ds.query(`SELECT id FROM visit_task WHERE note_id = ANY($1)`, [
        foreignVisitNotes(user).map((n) => n.id),
      ]);
      return rows.map((r) => ({
        query: `mutation($id: ID!) { setVisitTaskDone(id: $id, expectedVersion: 1, done: true) { id title } }`,
        variables: { id: r.id },
      }));
    },
    mutates: true,
  },
  commitmentInbox: {
    allowed: rolesFor('commitment.inbox'),
    own: () => ({
      query: `{ commitmentInbox(first: 50, statuses: [OPEN, ACKNOWLEDGED, DISPUTED, RESOLVED]) { totalCount pageInfo { hasNextPage } nodes { ${COMMITMENT} } } }`,
    }),
  },
  disputedCommitments: {
    allowed: rolesFor('commitment.resolve'),
    own: () => ({
      query: `{ disputedCommitments(first: 50, filter: { statuses: [DISPUTED, RESOLVED] }) { totalCount pageInfo { hasNextPage } nodes { ${COMMITMENT} } } }`,
    }),
  },
  acknowledgeCommitment: commitmentMove('acknowledgeCommitment', rolesFor('commitment.answer'), 'OPEN'),
  disputeCommitment: commitmentMove(
    'disputeCommitment',
    rolesFor('commitment.answer'),
    'OPEN',
    ', reason: $r',
    ', $r: String!',
    { r: '矩阵争议' },
  ),
  resolveCommitment: commitmentMove(
    'resolveCommitment',
    rolesFor('commitment.resolve'),
    'DISPUTED',
    ', resolution: $r',
    ', $r: String!',
    { r: '矩阵解决' },
  ),
};
