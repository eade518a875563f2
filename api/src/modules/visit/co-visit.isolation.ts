import { randomUUID } from 'node:crypto';
import { rolesFor } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';
import { foreignDistributors, foreignHospitals, foreignUsers } from '../../../test/personas';
import { foreignCoVisits } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { hospitalFor } from '../../../test/isolation/fixtures';

import { PERSON, coVisitFor, counterpart, distributorOf } from '../../../test/isolation/visit-fixtures';

/** Co-visit plans' operations: the calendars, one plan, proposing and every move on a plan. */

const CO_VISIT = `id status goal awaitingSide startsAt checkedInAt cancelReason version myTurn createdAt
  distributor { id name } hospital { id name } department { name } contacts { name } products { id name }
  slots { id startsAt endsAt proposedSide proposedBy { ${PERSON} } } confirmedSlot { id } participants { side checkedInAt user { ${PERSON} } }
  proposedBy { ${PERSON} } cancelledBy { ${PERSON} } notes { id outcome }`;

const visitMove = (name: string, args = '', decl = '') =>
  `mutation($id: ID!, $v: Int!${decl}) { ${name}(id: $id, expectedVersion: $v${args}) { ${CO_VISIT} } }`;

/** A co-visit move on a plan of the persona's, and the same move aimed at every seeded plan it may not see. */
function coVisitMove(
  name: string,
  status: 'PROPOSED' | 'CONFIRMED',
  opts: { args?: string; decl?: string; vars?: (slotId: string) => Record<string, unknown>; checkedIn?: boolean } = {},
): OperationCase {
  const query = visitMove(name, opts.args, opts.decl);
  return {
    allowed: rolesFor('coVisit.plan'),
    own: async ({ user, ds }) => {
      const v = await coVisitFor(ds, user, status, opts.checkedIn);
      return { query, variables: { id: v.id, v: v.version, ...(opts.vars?.(v.slotId) ?? {}) } };
    },
    foreign: ({ user }) =>
      foreignCoVisits(user).map((v) => ({
        query,
        variables: { id: v.id, v: 1, ...(opts.vars?.(v.slots[0].id) ?? {}) },
      })),
    mutates: true,
  };
}

const slotInput = {
  startsAt: `${addDays(today(), 9)}T09:00:00+08:00`,
  endsAt: `${addDays(today(), 9)}T10:00:00+08:00`,
};

export const CO_VISIT_OPERATIONS: Record<string, OperationCase> = {
  myCoVisits: {
    allowed: 'any',
    own: () => ({
      query: `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { ${CO_VISIT} } }`,
      variables: { f: addDays(today(), -7), t: addDays(today(), 14) },
    }),
  },
  teamCoVisits: {
    allowed: rolesFor('coVisit.team'),
    own: () => ({
      query: `{ teamCoVisits(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${CO_VISIT} } } }`,
    }),
    foreign: ({ user }) =>
      foreignUsers(user)
        .slice(0, 3)
        .map((x) => ({
          query: `query($u: ID) { teamCoVisits(first: 50, filter: { userId: $u }) { totalCount nodes { id goal } } }`,
          variables: { u: x.id },
          expect: 'LISTED' as const,
        })),
  },
  coVisit: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { coVisit(id: $id) { ${CO_VISIT} } }`,
      variables: { id: (await coVisitFor(ds, user, 'CONFIRMED')).id },
    }),
    foreign: ({ user }) =>
      foreignCoVisits(user).map((v) => ({
        query: `query($id: ID!) { coVisit(id: $id) { id goal } }`,
        variables: { id: v.id },
      })),
  },
  proposeCoVisit: {
    allowed: rolesFor('coVisit.plan'),
    own: ({ user }) => ({
      query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${CO_VISIT} } }`,
      variables: {
        i: {
          distributorId: distributorOf(user).id,
          hospitalId: hospitalFor(user).id,
          goal: '矩阵提议',
          slots: [slotInput],
          participantIds: [counterpart(user).id],
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { id } }`,
        variables: {
          i: {
            distributorId: d.id,
            hospitalId: hospitalFor(user).id,
            goal: '越界',
            slots: [slotInput],
            participantIds: [counterpart(user).id],
            idempotencyKey: randomUUID(),
          },
        },
      })),
      ...foreignHospitals(user).map((h) => ({
        query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { id } }`,
        variables: {
          i: {
            distributorId: distributorOf(user).id,
            hospitalId: h.id,
            goal: '越界',
            slots: [slotInput],
            participantIds: [counterpart(user).id],
            idempotencyKey: randomUUID(),
          },
        },
      })),
    ],
    mutates: true,
  },
  acceptCoVisitSlot: coVisitMove('acceptCoVisitSlot', 'PROPOSED', {
    args: ', slotId: $s',
    decl: ', $s: ID!',
    vars: (s) => ({ s }),
  }),
  proposeCoVisitSlot: coVisitMove('proposeCoVisitSlot', 'PROPOSED', {
    args: ', slot: $slot',
    decl: ', $slot: CoVisitSlotInput!',
    vars: () => ({ slot: slotInput }),
  }),
  declineCoVisit: coVisitMove('declineCoVisit', 'PROPOSED', { args: ', reason: "矩阵婉拒"' }),
  cancelCoVisit: coVisitMove('cancelCoVisit', 'CONFIRMED', { args: ', reason: "矩阵取消"' }),
  checkInCoVisit: coVisitMove('checkInCoVisit', 'CONFIRMED'),
  completeCoVisit: coVisitMove('completeCoVisit', 'CONFIRMED', { checkedIn: true }),
};
