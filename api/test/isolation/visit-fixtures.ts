import { DataSource } from 'typeorm';
import { Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { SeedUser, USERS, distributorByCode } from '../../src/db/seed/demo-data';
import { addDays, today } from '../../src/common/dates';
import { expectedDistributors } from '../personas';
import { brandUsersOf, manages } from '../personas';
import { hospitalFor } from './fixtures';

/** People and records the visit module's isolation tables act on: the persona's counterpart, plans and notes written straight to the database. */

const isPartner = (u: SeedUser) => sideOfRole(u.role) === Side.PARTNER;
/** The distributor a persona's visits are about: its own, or the first it sees. */
export const distributorOf = (u: SeedUser) =>
  u.distributorCode ? distributorByCode(u.distributorCode) : expectedDistributors(u)[0];
/** Someone from the other side who goes along: the distributor's first person, or its channel manager. */
export function counterpart(u: SeedUser): SeedUser {
  const d = distributorOf(u);
  if (isPartner(u))
    return (
      USERS.find((x) => x.email === d.channelManagerEmail) ??
      brandUsersOf(u.brandId).find((x) => x.role === Role.CHANNEL_MANAGER)!
    );
  return USERS.find((x) => x.distributorCode === d.code)!;
}
/** A brand colleague in the persona's brand (someone to CC). */
export const colleague = (u: SeedUser) =>
  brandUsersOf(u.brandId).find((x) => x.id !== u.id && (x.role === Role.TRAINER || x.role === Role.ENGINEER))!;
/** A brand author whose notes the persona reads by the chain (the persona itself for everyone else). */
const authorFor = (u: SeedUser) =>
  isPartner(u)
    ? counterpart(u)
    : u.role === Role.ADMIN || u.role === Role.REGIONAL_HEAD
      ? brandUsersOf(u.brandId).find((x) => manages(u, x) && x.role === Role.CHANNEL_MANAGER)!
      : u;

/** A co-visit with the persona on it, written straight to the database (a fixture, not the code under test). */
/** 12 minutes apart, 10 long: a day holds 120 plans of each status. */
const planCount = { PROPOSED: 0, CONFIRMED: 0 };
export async function coVisitFor(
  ds: DataSource,
  u: SeedUser,
  status: 'PROPOSED' | 'CONFIRMED',
  checkedIn = false,
): Promise<{ id: string; version: number; slotId: string }> {
  const other = counterpart(u);
  const otherSide = sideOfRole(other.role);
  // Each plan a time of its own, so no persona is booked twice (an overlap is a warning the
  // matrix is not about); confirmed ones today, where check-in is open, proposed ones later.
  const n = planCount[status]++;
  const at = new Date(
    Date.parse(`${addDays(today(), status === 'CONFIRMED' ? 0 : 5)}T00:00:00+08:00`) + n * 12 * 60_000,
  );
  const startsAt = at.toISOString();
  const [v] = await ds.query(
    `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, awaiting_side, starts_at, checked_in_at, proposed_by, idempotency_key, request_hash)
     VALUES ($1, $2, $3, '矩阵拜访', $4, $5, $6, $7, $8, gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
    [
      u.brandId,
      distributorOf(u).id,
      hospitalFor(u).id,
      status,
      status === 'PROPOSED' ? sideOfRole(u.role) : null,
      startsAt,
      checkedIn ? startsAt : null,
      other.id,
    ],
  );
  const [slot] = await ds.query(
    `INSERT INTO co_visit_slot (brand_id, co_visit_id, starts_at, ends_at, proposed_by, proposed_side) VALUES ($1, $2, $3, $3::timestamptz + interval '10 minutes', $4, $5) RETURNING id`,
    [u.brandId, v.id, startsAt, other.id, otherSide],
  );
  if (status === 'CONFIRMED')
    await ds.query(`UPDATE co_visit SET confirmed_slot_id = $2 WHERE id = $1`, [v.id, slot.id]);
  await ds.query(
    `INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, $4), ($1, $2, $5, $6)`,
    [u.brandId, v.id, u.id, sideOfRole(u.role), other.id, otherSide],
  );
  const [{ version }] = await ds.query(`SELECT version FROM co_visit WHERE id = $1`, [v.id]);
  return { id: v.id, version, slotId: slot.id };
}

/** A note the persona reads (a partner: SHARED, CC'd; a head: by the chain; others: their own), with a task they own and a commitment. */
export async function noteFor(
  ds: DataSource,
  u: SeedUser,
  commitment: 'OPEN' | 'DISPUTED' = 'OPEN',
): Promise<{ id: string; version: number; taskId: string; commitmentId: string; commitmentVersion: number }> {
  const author = authorFor(u);
  const [n] = await ds.query(
    `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, CURRENT_DATE, '矩阵纪要', gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
    [u.brandId, author.id, hospitalFor(u).id, distributorOf(u).id, isPartner(u) ? 'SHARED' : 'INTERNAL'],
  );
  if (author.id !== u.id)
    await ds.query(`INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $4)`, [
      u.brandId,
      n.id,
      u.id,
      author.id,
    ]);
  const [task] = await ds.query(
    `INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) VALUES ($1, $2, 1, '矩阵任务', $3) RETURNING id`,
    [u.brandId, n.id, u.id],
  );
  const [c] = await ds.query(
    `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, status, dispute_reason) VALUES ($1, $2, 1, 'SUPPORT', '矩阵承诺', $3, $4) RETURNING id, version`,
    [u.brandId, n.id, commitment, commitment === 'DISPUTED' ? '矩阵争议' : null],
  );
  return { id: n.id, version: n.version, taskId: task.id, commitmentId: c.id, commitmentVersion: c.version };
}

export const PERSON = `id displayName side role`;
