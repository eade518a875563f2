import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { SeedUser, USERS, distributorByCode } from '../../src/db/seed/demo-data';
import { HOSPITALS } from '../../src/db/seed/catalog-data';
import { addDays, today } from '../../src/common/dates';
import { expectedDistributors, expectedHospitals, foreignDistributors, foreignHospitals, foreignUsers } from '../personas';
import { brandUsersOf, foreignCoVisits, foreignVisitNotes, manages } from '../visit-personas';
import { OperationCase } from './types';

/** Part 7's operations: co-visit plans, visit notes, tasks, comments and commitments. */

const VISITORS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ENGINEER];
const CO_VISITORS = [...VISITORS, Role.OWNER, Role.REP];
const HEADS = [Role.ADMIN, Role.REGIONAL_HEAD];

const isPartner = (u: SeedUser) => sideOfRole(u.role) === Side.PARTNER;
/** The distributor a persona's visits are about: its own, or the first it sees. */
const distributorOf = (u: SeedUser) => (u.distributorCode ? distributorByCode(u.distributorCode) : expectedDistributors(u)[0]);
const hospitalOf = (u: SeedUser) => expectedHospitals(u)[0] ?? HOSPITALS.find((h) => h.brandId === u.brandId)!;
/** Someone from the other side who goes along: the distributor's first person, or its channel manager. */
function counterpart(u: SeedUser): SeedUser {
  const d = distributorOf(u);
  if (isPartner(u)) return USERS.find((x) => x.email === d.channelManagerEmail) ?? brandUsersOf(u.brandId).find((x) => x.role === Role.CHANNEL_MANAGER)!;
  return USERS.find((x) => x.distributorCode === d.code)!;
}
/** A brand colleague in the persona's brand (someone to CC). */
const colleague = (u: SeedUser) => brandUsersOf(u.brandId).find((x) => x.id !== u.id && [Role.TRAINER, Role.ENGINEER].includes(x.role))!;
/** A brand author whose notes the persona reads by the chain (the persona itself for everyone else). */
const authorFor = (u: SeedUser) => (isPartner(u) ? counterpart(u) : u.role === Role.ADMIN || u.role === Role.REGIONAL_HEAD
  ? brandUsersOf(u.brandId).find((x) => manages(u, x) && x.role === Role.CHANNEL_MANAGER)!
  : u);

/** A co-visit with the persona on it, written straight to the database (a fixture, not the code under test). */
/** 12 minutes apart, 10 long: a day holds 120 plans of each status. */
const planCount = { PROPOSED: 0, CONFIRMED: 0 };
async function coVisitFor(ds: DataSource, u: SeedUser, status: 'PROPOSED' | 'CONFIRMED', checkedIn = false): Promise<{ id: string; version: number; slotId: string }> {
  const other = counterpart(u);
  const otherSide = sideOfRole(other.role);
  // Each plan a time of its own, so no persona is booked twice (an overlap is a warning the
  // matrix is not about); confirmed ones today, where check-in is open, proposed ones later.
  const n = planCount[status]++;
  const at = new Date(Date.parse(`${addDays(today(), status === 'CONFIRMED' ? 0 : 5)}T00:00:00+08:00`) + n * 12 * 60_000);
  const startsAt = at.toISOString();
  const [v] = await ds.query(
    `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, awaiting_side, starts_at, checked_in_at, proposed_by, idempotency_key, request_hash)
     VALUES ($1, $2, $3, '矩阵拜访', $4, $5, $6, $7, $8, gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
    [u.brandId, distributorOf(u).id, hospitalOf(u).id, status, status === 'PROPOSED' ? sideOfRole(u.role) : null, startsAt, checkedIn ? startsAt : null, other.id],
  );
  const [slot] = await ds.query(
    `INSERT INTO co_visit_slot (brand_id, co_visit_id, starts_at, ends_at, proposed_by, proposed_side) VALUES ($1, $2, $3, $3::timestamptz + interval '10 minutes', $4, $5) RETURNING id`,
    [u.brandId, v.id, startsAt, other.id, otherSide],
  );
  if (status === 'CONFIRMED') await ds.query(`UPDATE co_visit SET confirmed_slot_id = $2 WHERE id = $1`, [v.id, slot.id]);
  await ds.query(`INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, $4), ($1, $2, $5, $6)`,
    [u.brandId, v.id, u.id, sideOfRole(u.role), other.id, otherSide]);
  const [{ version }] = await ds.query(`SELECT version FROM co_visit WHERE id = $1`, [v.id]);
  return { id: v.id, version, slotId: slot.id };
}

/** A note the persona reads (a partner: SHARED, CC'd; a head: by the chain; others: their own), with a task they own and a commitment. */
async function noteFor(ds: DataSource, u: SeedUser, commitment: 'OPEN' | 'DISPUTED' = 'OPEN'): Promise<{ id: string; version: number; taskId: string; commitmentId: string; commitmentVersion: number }> {
  const author = authorFor(u);
  const [n] = await ds.query(
    `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, CURRENT_DATE, '矩阵纪要', gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
    [u.brandId, author.id, hospitalOf(u).id, distributorOf(u).id, isPartner(u) ? 'SHARED' : 'INTERNAL'],
  );
  if (author.id !== u.id) await ds.query(`INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $4)`, [u.brandId, n.id, u.id, author.id]);
  const [task] = await ds.query(`INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) VALUES ($1, $2, 1, '矩阵任务', $3) RETURNING id`, [u.brandId, n.id, u.id]);
  const [c] = await ds.query(
    `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, status, dispute_reason) VALUES ($1, $2, 1, 'SUPPORT', '矩阵承诺', $3, $4) RETURNING id, version`,
    [u.brandId, n.id, commitment, commitment === 'DISPUTED' ? '矩阵争议' : null],
  );
  return { id: n.id, version: n.version, taskId: task.id, commitmentId: c.id, commitmentVersion: c.version };
}

const PERSON = `id displayName side role`;
const CO_VISIT = `id status goal awaitingSide startsAt checkedInAt cancelReason version myTurn createdAt
  distributor { id name } hospital { id name } department { name } contacts { name } products { id name }
  slots { id startsAt endsAt proposedSide proposedBy { ${PERSON} } } confirmedSlot { id } participants { side checkedInAt user { ${PERSON} } }
  proposedBy { ${PERSON} } cancelledBy { ${PERSON} } notes { id outcome }`;
const NOTE = `id visibility visitedOn outcome nextSteps version createdAt author { ${PERSON} } hospital { id name visitNotes { id outcome } }
  department { name } contacts { name } distributor { id name } coVisit { id goal } cc { ${PERSON} }
  tasks { id itemNo title dueOn done doneAt version owner { ${PERSON} } }
  commitments { id itemNo kind description dueOn status disputeReason answeredAt resolution resolvedAt version createdAt amount { amount currency } answeredBy { ${PERSON} } resolvedBy { ${PERSON} } }
  comments { id body createdAt author { ${PERSON} } } attachments { id fileName fileMime fileSize url createdAt }`;
const COMMITMENT = `id kind description status version note { ${NOTE} }`;

const visitMove = (name: string, args = '', decl = '') => `mutation($id: ID!, $v: Int!${decl}) { ${name}(id: $id, expectedVersion: $v${args}) { ${CO_VISIT} } }`;

/** A co-visit move on a plan of the persona's, and the same move aimed at every seeded plan it may not see. */
function coVisitMove(name: string, status: 'PROPOSED' | 'CONFIRMED', opts: { args?: string; decl?: string; vars?: (slotId: string) => Record<string, unknown>; checkedIn?: boolean } = {}): OperationCase {
  const query = visitMove(name, opts.args, opts.decl);
  return {
    allowed: CO_VISITORS,
    own: async ({ user, ds }) => {
      const v = await coVisitFor(ds, user, status, opts.checkedIn);
      return { query, variables: { id: v.id, v: v.version, ...(opts.vars?.(v.slotId) ?? {}) } };
    },
    foreign: ({ user }) => foreignCoVisits(user).map((v) => ({ query, variables: { id: v.id, v: 1, ...(opts.vars?.(v.slots[0].id) ?? {}) } })),
    mutates: true,
  };
}

const slotInput = { startsAt: `${addDays(today(), 9)}T09:00:00+08:00`, endsAt: `${addDays(today(), 9)}T10:00:00+08:00` };
const seedCommitmentsNotSeen = (u: SeedUser) => foreignVisitNotes(u).flatMap((n) => n.commitments.map((c) => c.id));
const commitmentMove = (name: string, allowed: Role[], status: 'OPEN' | 'DISPUTED', extra = '', decl = '', vars: Record<string, unknown> = {}): OperationCase => {
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

export const VISIT_OPERATIONS: Record<string, OperationCase> = {
  myCoVisits: {
    allowed: 'any',
    own: () => ({ query: `query($f: LocalDate!, $t: LocalDate!) { myCoVisits(from: $f, to: $t) { ${CO_VISIT} } }`, variables: { f: addDays(today(), -7), t: addDays(today(), 14) } }),
  },
  teamCoVisits: {
    allowed: HEADS,
    own: () => ({ query: `{ teamCoVisits(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${CO_VISIT} } } }` }),
    foreign: ({ user }) => foreignUsers(user).slice(0, 3).map((x) => ({
      query: `query($u: ID) { teamCoVisits(first: 50, filter: { userId: $u }) { totalCount nodes { id goal } } }`, variables: { u: x.id }, expect: 'LISTED' as const,
    })),
  },
  coVisit: {
    allowed: 'any',
    own: async ({ user, ds }) => ({ query: `query($id: ID!) { coVisit(id: $id) { ${CO_VISIT} } }`, variables: { id: (await coVisitFor(ds, user, 'CONFIRMED')).id } }),
    foreign: ({ user }) => foreignCoVisits(user).map((v) => ({ query: `query($id: ID!) { coVisit(id: $id) { id goal } }`, variables: { id: v.id } })),
  },
  proposeCoVisit: {
    allowed: CO_VISITORS,
    own: ({ user }) => ({
      query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { ${CO_VISIT} } }`,
      variables: { i: { distributorId: distributorOf(user).id, hospitalId: hospitalOf(user).id, goal: '矩阵提议', slots: [slotInput], participantIds: [counterpart(user).id], idempotencyKey: randomUUID() } },
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, hospitalId: hospitalOf(user).id, goal: '越界', slots: [slotInput], participantIds: [counterpart(user).id], idempotencyKey: randomUUID() } },
      })),
      ...foreignHospitals(user).map((h) => ({
        query: `mutation($i: ProposeCoVisitInput!) { proposeCoVisit(input: $i) { id } }`,
        variables: { i: { distributorId: distributorOf(user).id, hospitalId: h.id, goal: '越界', slots: [slotInput], participantIds: [counterpart(user).id], idempotencyKey: randomUUID() } },
      })),
    ],
    mutates: true,
  },
  acceptCoVisitSlot: coVisitMove('acceptCoVisitSlot', 'PROPOSED', { args: ', slotId: $s', decl: ', $s: ID!', vars: (s) => ({ s }) }),
  proposeCoVisitSlot: coVisitMove('proposeCoVisitSlot', 'PROPOSED', { args: ', slot: $slot', decl: ', $slot: CoVisitSlotInput!', vars: () => ({ slot: slotInput }) }),
  declineCoVisit: coVisitMove('declineCoVisit', 'PROPOSED', { args: ', reason: "矩阵婉拒"' }),
  cancelCoVisit: coVisitMove('cancelCoVisit', 'CONFIRMED', { args: ', reason: "矩阵取消"' }),
  checkInCoVisit: coVisitMove('checkInCoVisit', 'CONFIRMED'),
  completeCoVisit: coVisitMove('completeCoVisit', 'CONFIRMED', { checkedIn: true }),
  visitNotes: {
    allowed: 'any',
    own: () => ({ query: `{ visitNotes(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${NOTE} } } }` }),
    foreign: ({ user }) => foreignVisitNotes(user).map((n) => ({
      query: `query($s: String) { visitNotes(first: 50, filter: { search: $s }) { totalCount nodes { id outcome } } }`, variables: { s: n.outcome.slice(0, 8) }, expect: 'LISTED' as const,
    })),
  },
  visitNote: {
    allowed: 'any',
    own: async ({ user, ds }) => ({ query: `query($id: ID!) { visitNote(id: $id) { ${NOTE} } }`, variables: { id: (await noteFor(ds, user)).id } }),
    foreign: ({ user }) => foreignVisitNotes(user).map((n) => ({ query: `query($id: ID!) { visitNote(id: $id) { id outcome } }`, variables: { id: n.id } })),
  },
  writeVisitNote: {
    allowed: VISITORS,
    own: ({ user }) => ({
      query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { ${NOTE} } }`,
      variables: { i: { hospitalId: hospitalOf(user).id, visibility: 'INTERNAL', outcome: '矩阵内部纪要', ccUserIds: [colleague(user).id], tasks: [{ title: '矩阵跟进' }], idempotencyKey: randomUUID() } },
    }),
    foreign: ({ user }) => [
      ...foreignHospitals(user).map((h) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: { i: { hospitalId: h.id, visibility: 'INTERNAL', outcome: '越界', idempotencyKey: randomUUID() } },
      })),
      ...foreignDistributors(user).map((d) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: { i: { hospitalId: hospitalOf(user).id, distributorId: d.id, visibility: 'SHARED', outcome: '越界', idempotencyKey: randomUUID() } },
      })),
      ...foreignUsers(user).map((x) => ({
        query: `mutation($i: WriteVisitNoteInput!) { writeVisitNote(input: $i) { id } }`,
        variables: { i: { hospitalId: hospitalOf(user).id, visibility: 'INTERNAL', outcome: '越界', ccUserIds: [x.id], idempotencyKey: randomUUID() } },
      })),
    ],
    mutates: true,
  },
  ccVisitNote: {
    allowed: VISITORS,
    own: async ({ user, ds }) => {
      const [n] = await ds.query(
        `INSERT INTO visit_note (brand_id, author_id, hospital_id, visibility, visited_on, outcome, idempotency_key, request_hash)
         VALUES ($1, $2, $3, 'INTERNAL', CURRENT_DATE, '矩阵抄送', gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
        [user.brandId, user.id, hospitalOf(user).id],
      );
      return { query: `mutation($id: ID!, $v: Int!, $u: [ID!]!) { ccVisitNote(id: $id, expectedVersion: $v, userIds: $u) { ${NOTE} } }`, variables: { id: n.id, v: n.version, u: [colleague(user).id] } };
    },
    foreign: ({ user }) => foreignVisitNotes(user).map((n) => ({
      query: `mutation($id: ID!, $u: [ID!]!) { ccVisitNote(id: $id, expectedVersion: 1, userIds: $u) { id } }`, variables: { id: n.id, u: [user.id] },
    })),
    mutates: true,
  },
  commentOnVisitNote: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `mutation($n: ID!, $k: ID!) { commentOnVisitNote(noteId: $n, body: "矩阵评论", idempotencyKey: $k) { id body createdAt author { ${PERSON} } } }`,
      variables: { n: (await noteFor(ds, user)).id, k: randomUUID() },
    }),
    foreign: ({ user }) => foreignVisitNotes(user).map((n) => ({
      query: `mutation($n: ID!, $k: ID!) { commentOnVisitNote(noteId: $n, body: "越界", idempotencyKey: $k) { id } }`, variables: { n: n.id, k: randomUUID() },
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
      const rows: Array<{ id: string }> = await ds.query(`SELECT id FROM visit_task WHERE note_id = ANY($1)`, [foreignVisitNotes(user).map((n) => n.id)]);
      return rows.map((r) => ({ query: `mutation($id: ID!) { setVisitTaskDone(id: $id, expectedVersion: 1, done: true) { id title } }`, variables: { id: r.id } }));
    },
    mutates: true,
  },
  commitmentInbox: {
    allowed: [Role.OWNER],
    own: () => ({ query: `{ commitmentInbox(first: 50, statuses: [OPEN, ACKNOWLEDGED, DISPUTED, RESOLVED]) { totalCount pageInfo { hasNextPage } nodes { ${COMMITMENT} } } }` }),
  },
  disputedCommitments: {
    allowed: HEADS,
    own: () => ({ query: `{ disputedCommitments(first: 50, filter: { statuses: [DISPUTED, RESOLVED] }) { totalCount pageInfo { hasNextPage } nodes { ${COMMITMENT} } } }` }),
  },
  acknowledgeCommitment: commitmentMove('acknowledgeCommitment', [Role.OWNER], 'OPEN'),
  disputeCommitment: commitmentMove('disputeCommitment', [Role.OWNER], 'OPEN', ', reason: $r', ', $r: String!', { r: '矩阵争议' }),
  resolveCommitment: commitmentMove('resolveCommitment', HEADS, 'DISPUTED', ', resolution: $r', ', $r: String!', { r: '矩阵解决' }),
};
