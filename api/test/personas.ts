import { NoteVisibility, Role, Side, sideOfRole } from '@medchannel/shared-schema';
import { DISTRIBUTORS, REGIONS, SeedDistributor, SeedUser, USERS, userByEmail } from '../src/db/seed/demo-data';
import { AUTHORIZATIONS, QUALIFICATIONS } from '../src/db/seed/authorization-data';
import { HOSPITALS, SeedHospital } from '../src/db/seed/hospital-data';
import { PRODUCTS } from '../src/db/seed/catalog-data';
import { SEED_ORDERS, SeedOrder, seedShipmentIdOf } from '../src/db/seed/order-data';
import { REBATE_SEED } from '../src/modules/target';
import { SEED_CERTIFICATE, SEED_COURSES } from '../src/db/seed/training-data';
import {
  SEED_ACCOUNT_CODE,
  SEED_INVOICE_ID,
  SEED_INVOICE_NUMBER,
  SEED_PAYMENT_ID,
  SEED_PAYMENT_REF,
} from '../src/db/seed/finance-data';
import { SEED_CO_VISITS, SEED_VISIT_NOTES, SeedCoVisit, SeedVisitNote } from '../src/db/seed/visit-data';

/**
 * The people the isolation matrix runs every operation as: each brand role, owner and rep of
 * distributor A, owner of B, A's second tier, and a user of the other brand.
 */
const PERSONAS = {
  admin: 'admin@huakang.demo',
  regionalHead: 'zhao.rh@huakang.demo',
  channelManager: 'zhang.cm@huakang.demo',
  orderDesk: 'order@huakang.demo',
  finance: 'finance@huakang.demo',
  trainer: 'trainer@huakang.demo',
  engineer: 'engineer@huakang.demo',
  ownerA: 'boss@kangda.demo',
  repA: 'li.rep@kangda.demo',
  ownerSecondTier: 'boss@nbruikang.demo',
  ownerB: 'boss@huaning.demo',
  otherBrandAdmin: 'admin@ruiguang.demo',
} as const;

export type PersonaKey = keyof typeof PERSONAS;
export const PERSONA_KEYS = Object.keys(PERSONAS) as PersonaKey[];

export const personaUser = (key: PersonaKey): SeedUser => userByEmail(PERSONAS[key]);

const regionCovers = (brandId: string, assigned: string[], regionCode: string) =>
  assigned.includes(regionCode) ||
  assigned.includes(REGIONS.find((r) => r.brandId === brandId && r.code === regionCode)?.parentCode ?? '');

/**
 * What the domain rules (docs/domain.md, rule 6) say a user may see, written from the seed data alone
 * and independently of the SQL, so that the matrix can catch a scope condition that goes missing.
 */
export function expectedDistributors(user: SeedUser): SeedDistributor[] {
  return DISTRIBUTORS.filter((d) => {
    if (d.brandId !== user.brandId) return false;
    if (user.role === Role.ADMIN) return true;
    if (user.role === Role.OWNER) return d.code === user.distributorCode || d.parentCode === user.distributorCode;
    if (user.role === Role.REP) return d.code === user.distributorCode;
    return regionCovers(d.brandId, user.regionCodes ?? [], d.regionCode) || d.channelManagerEmail === user.email;
  });
}

function expectedUsers(user: SeedUser): SeedUser[] {
  const visible = expectedDistributors(user);
  const codes = new Set(visible.map((d) => d.code));
  return USERS.filter((x) => {
    if (x.brandId !== user.brandId) return false;
    if (x.distributorCode) return codes.has(x.distributorCode);
    if (sideOfRole(user.role) === Side.BRAND) return true;
    return visible.some((d) => d.channelManagerEmail === x.email);
  });
}

/** Hospitals: brand users by region; partner users those their live authorizations (started, not ended) name or cover. */
export function expectedHospitals(user: SeedUser): SeedHospital[] {
  return HOSPITALS.filter((h) => {
    if (h.brandId !== user.brandId) return false;
    if (user.role === Role.ADMIN) return true;
    if (sideOfRole(user.role) === Side.BRAND) return regionCovers(h.brandId, user.regionCodes ?? [], h.regionCode);
    const mine = new Set(expectedDistributors(user).map((d) => d.code));
    return AUTHORIZATIONS.some(
      (a) =>
        mine.has(a.distributorCode) &&
        a.from <= 0 &&
        a.to >= 0 &&
        (a.hospitalIds.includes(h.id) || regionCovers(h.brandId, a.regionCodes, h.regionCode)),
    );
  });
}

type SeededOrder = Pick<SeedOrder, 'id' | 'distributorCode' | 'placedBy' | 'shippedSerials' | 'rejectReason'>;

/** Every seeded order: the orders demo's, and the rebate demo's (苏州恒康's, of the closed quarter). */
const SEEDED_ORDERS: SeededOrder[] = [
  ...SEED_ORDERS,
  { id: REBATE_SEED.orderId, distributorCode: REBATE_SEED.distributorCode, placedBy: 'boss@hengkang.demo' },
];

/** Orders: brand users and owners as they see the distributor; a rep only the orders they placed. */
export function expectedOrders(user: SeedUser): SeededOrder[] {
  const codes = new Set(expectedDistributors(user).map((d) => d.code));
  return SEEDED_ORDERS.filter(
    (o) => codes.has(o.distributorCode) && (user.role !== Role.REP || o.placedBy === user.email),
  );
}

export const foreignOrders = (user: SeedUser): SeededOrder[] => {
  const see = new Set(expectedOrders(user).map((o) => o.id));
  return SEEDED_ORDERS.filter((o) => !see.has(o.id));
};

/** Ids, names, codes, emails and document numbers that must never appear in anything this user receives. */
export function foreignMarkers(user: SeedUser): string[] {
  const seeDistributors = new Set(expectedDistributors(user).map((d) => d.id));
  const seeUsers = new Set(expectedUsers(user).map((x) => x.id));
  const seeHospitals = new Set(expectedHospitals(user).map((h) => h.id));
  const foreignCodes = new Set(DISTRIBUTORS.filter((d) => !seeDistributors.has(d.id)).map((d) => d.code));
  const seenEmails = new Set(USERS.filter((x) => seeUsers.has(x.id)).map((x) => x.email));
  return [
    ...DISTRIBUTORS.filter((d) => !seeDistributors.has(d.id)).flatMap((d) => [d.id, d.name, d.code]),
    // people on the visit notes and plans a user reads are named to them there (never their emails)
    // a person in two brands is seen by their membership here: only the other membership's id is foreign
    ...USERS.filter((x) => !seeUsers.has(x.id)).flatMap((x) =>
      seenEmails.has(x.email) ? [x.id] : visitPeople(user).has(x.id) ? [x.email] : [x.id, x.email, x.displayName],
    ),
    ...HOSPITALS.filter((h) => !seeHospitals.has(h.id)).flatMap((h) => [h.id, h.name]),
    ...PRODUCTS.filter((p) => p.brandId !== user.brandId).flatMap((p) => [p.id, p.name, p.registrationNo]),
    ...AUTHORIZATIONS.filter((a) => foreignCodes.has(a.distributorCode)).map((a) => a.id),
    ...QUALIFICATIONS.filter((q) => foreignCodes.has(q.distributorCode)).flatMap((q) => [q.id, q.number]),
    ...(foreignCodes.has(SEED_ACCOUNT_CODE)
      ? [SEED_INVOICE_ID, SEED_INVOICE_NUMBER, SEED_PAYMENT_ID, SEED_PAYMENT_REF]
      : []),
    ...foreignOrders(user).flatMap((o) => [
      o.id,
      seedShipmentIdOf(o.id),
      ...(o.shippedSerials ?? []),
      ...(o.rejectReason ? [o.rejectReason] : []),
    ]),
    // 华康's courses are 华康's; a draft is the brand side's alone
    ...SEED_COURSES.filter(
      (c) =>
        user.brandId !== userByEmail('trainer@huakang.demo').brandId ||
        (!c.published && sideOfRole(user.role) === Side.PARTNER),
    ).flatMap((c) => [c.id, c.title]),
    ...(foreignCodes.has(SEED_CERTIFICATE.distributorCode) ? [SEED_CERTIFICATE.id] : []),
    ...visitMarkers(user),
  ];
}

export const foreignHospitals = (user: SeedUser) => {
  const see = new Set(expectedHospitals(user).map((h) => h.id));
  return HOSPITALS.filter((h) => !see.has(h.id));
};

export const foreignAuthorizations = (user: SeedUser) => {
  const see = new Set(expectedDistributors(user).map((d) => d.code));
  return AUTHORIZATIONS.filter((a) => !see.has(a.distributorCode));
};

export const foreignProducts = (user: SeedUser) => PRODUCTS.filter((p) => p.brandId !== user.brandId);

export const foreignDistributors = (user: SeedUser) => {
  const see = new Set(expectedDistributors(user).map((d) => d.id));
  return DISTRIBUTORS.filter((d) => !see.has(d.id));
};

export const foreignUsers = (user: SeedUser) => {
  const see = new Set(expectedUsers(user).map((x) => x.id));
  return USERS.filter((x) => !see.has(x.id));
};

/**
 * The visit rules (docs/domain.md, rule 7) written from the seed alone (independently of the SQL): who reads each seeded
 * visit note and co-visit, so the isolation matrix can catch a note reaching anyone else.
 */

/** The management chain: admins, and regional heads covering one of a (non-head) brand user's regions. */
export function manages(viewer: SeedUser, user: SeedUser): boolean {
  if (viewer.brandId !== user.brandId || sideOfRole(viewer.role) !== Side.BRAND || sideOfRole(user.role) !== Side.BRAND)
    return false;
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role !== Role.REGIONAL_HEAD || user.role === Role.ADMIN || user.role === Role.REGIONAL_HEAD) return false;
  return (user.regionCodes ?? []).some((code) => regionCovers(user.brandId, viewer.regionCodes ?? [], code));
}

function readsNote(viewer: SeedUser, n: SeedVisitNote): boolean {
  const author = userByEmail(n.author);
  if (viewer.brandId !== author.brandId) return false;
  const cc = n.cc.includes(viewer.email);
  if (sideOfRole(viewer.role) === Side.PARTNER) return n.visibility === NoteVisibility.SHARED && cc;
  return viewer.email === n.author || cc || manages(viewer, author);
}

function seesCoVisit(viewer: SeedUser, v: SeedCoVisit): boolean {
  if (v.participants.includes(viewer.email)) return true;
  if (viewer.role === Role.OWNER)
    return viewer.distributorCode === 'HK-KD' && userByEmail(v.participants[0]).brandId === viewer.brandId;
  return v.participants.some((p) => manages(viewer, userByEmail(p)));
}

export const foreignVisitNotes = (user: SeedUser) => SEED_VISIT_NOTES.filter((n) => !readsNote(user, n));
export const foreignCoVisits = (user: SeedUser) => SEED_CO_VISITS.filter((v) => !seesCoVisit(user, v));

/** People named on the notes and plans a user reads: their names are on the CC line for that user (never their emails). */
function visitPeople(user: SeedUser): Set<string> {
  const notes = SEED_VISIT_NOTES.filter((n) => readsNote(user, n)).flatMap((n) => [
    n.author,
    ...n.cc,
    ...n.tasks.map((t) => t.owner),
    ...n.comments.map((c) => c.by),
    ...(n.commitments.some((c) => c.status !== 'OPEN') ? ['boss@kangda.demo'] : []),
  ]);
  const visits = SEED_CO_VISITS.filter((v) => seesCoVisit(user, v)).flatMap((v) => [v.proposedBy, ...v.participants]);
  return new Set([...notes, ...visits].map((e) => userByEmail(e).id));
}

/** Ids and words of seeded notes and plans a user must never receive. */
function visitMarkers(user: SeedUser): string[] {
  return [
    ...foreignVisitNotes(user).flatMap((n) => [
      n.id,
      n.outcome,
      ...n.commitments.flatMap((c) => [c.id, c.description]),
      ...n.comments.map((c) => c.body),
      ...n.tasks.map((t) => t.title),
    ]),
    ...foreignCoVisits(user).flatMap((v) => [v.id, v.goal, ...v.slots.map((s) => s.id)]),
  ];
}

export const brandUsersOf = (brandId: string) =>
  USERS.filter((u) => u.brandId === brandId && sideOfRole(u.role) === Side.BRAND);
