import { NoteVisibility, Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, USERS, distributorByCode, userByEmail } from '../src/db/seed/demo-data';
import { SEED_CO_VISITS, SEED_VISIT_NOTES, SeedCoVisit, SeedVisitNote } from '../src/db/seed/visit-data';

/**
 * Part 7's rules written from the seed alone (independently of the SQL): who reads each seeded
 * visit note and co-visit, so the isolation matrix can catch a note reaching anyone else.
 */

const covers = (brandId: string, headRegions: string[], regionCode: string) =>
  headRegions.includes(regionCode) || headRegions.includes(REGIONS.find((r) => r.brandId === brandId && r.code === regionCode)?.parentCode ?? '');

/** The management chain: admins, and regional heads covering one of a (non-head) brand user's regions. */
export function manages(viewer: SeedUser, user: SeedUser): boolean {
  if (viewer.brandId !== user.brandId || sideOfRole(viewer.role) !== Side.BRAND || sideOfRole(user.role) !== Side.BRAND) return false;
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role !== Role.REGIONAL_HEAD || [Role.ADMIN, Role.REGIONAL_HEAD].includes(user.role)) return false;
  return (user.regionCodes ?? []).some((code) => covers(user.brandId, viewer.regionCodes ?? [], code));
}

export function readsNote(viewer: SeedUser, n: SeedVisitNote): boolean {
  const author = userByEmail(n.author);
  if (viewer.brandId !== author.brandId) return false;
  const cc = n.cc.includes(viewer.email);
  if (sideOfRole(viewer.role) === Side.PARTNER) return n.visibility === NoteVisibility.SHARED && cc;
  return viewer.email === n.author || cc || manages(viewer, author);
}

export function seesCoVisit(viewer: SeedUser, v: SeedCoVisit): boolean {
  if (v.participants.includes(viewer.email)) return true;
  if (viewer.role === Role.OWNER) return viewer.distributorCode === 'HK-KD' && userByEmail(v.participants[0]).brandId === viewer.brandId;
  return v.participants.some((p) => manages(viewer, userByEmail(p)));
}

export const foreignVisitNotes = (user: SeedUser) => SEED_VISIT_NOTES.filter((n) => !readsNote(user, n));
export const foreignCoVisits = (user: SeedUser) => SEED_CO_VISITS.filter((v) => !seesCoVisit(user, v));

/** People named on the notes and plans a user reads: their names are on the CC line for that user (never their emails). */
export function visitPeople(user: SeedUser): Set<string> {
  const notes = SEED_VISIT_NOTES.filter((n) => readsNote(user, n))
    .flatMap((n) => [n.author, ...n.cc, ...n.tasks.map((t) => t.owner), ...n.comments.map((c) => c.by), ...(n.commitments.some((c) => c.status !== 'OPEN') ? ['boss@kangda.demo'] : [])]);
  const visits = SEED_CO_VISITS.filter((v) => seesCoVisit(user, v)).flatMap((v) => [v.proposedBy, ...v.participants]);
  return new Set([...notes, ...visits].map((e) => userByEmail(e).id));
}

/** Ids and words of seeded notes and plans a user must never receive. */
export function visitMarkers(user: SeedUser): string[] {
  return [
    ...foreignVisitNotes(user).flatMap((n) => [
      n.id, n.outcome, ...n.commitments.flatMap((c) => [c.id, c.description]), ...n.comments.map((c) => c.body), ...n.tasks.map((t) => t.title),
    ]),
    ...foreignCoVisits(user).flatMap((v) => [v.id, v.goal, ...v.slots.map((s) => s.id)]),
  ];
}

export const KD = () => distributorByCode('HK-KD');
export const brandUsersOf = (brandId: string) => USERS.filter((u) => u.brandId === brandId && sideOfRole(u.role) === Side.BRAND);
