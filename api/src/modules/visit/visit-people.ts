import { EntityManager } from 'typeorm';
import { ErrorCode, ErrorReason, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { AppError, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Hospital, HospitalContact, HospitalDepartment } from '../hospital/hospital.entity';
import { Distributor } from '../distributor/distributor.entity';
import { User } from '../user/user.entity';

/** Checks shared by co-visits and notes, all on the caller's transaction (PGlite serves one at a time). */

export const sideOf = (scope: Scope): Side => scope.side;
export const otherSide = (side: Side): Side => (side === Side.BRAND ? Side.PARTNER : Side.BRAND);

export const notAParticipant = (what: string) =>
  new AppError(ErrorCode.FORBIDDEN, `Only the people on this ${what} may do this`, undefined, ErrorReason.NOT_A_PARTICIPANT);

export const illegal = (message: string) => new AppError(ErrorCode.CONFLICT, message, undefined, ErrorReason.ILLEGAL_TRANSITION);

/**
 * People named on a plan or note: each must be an active user the viewer may see, and a partner
 * user must belong to the visit's distributor (never another distributor's people).
 */
export async function namedPeople(
  em: EntityManager, scope: Scope, ids: string[], distributorId: string | null, field: string, brandOnly = false,
): Promise<User[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (!unique.every(isUuid)) throw notFound('User');
  const users = await applyScope(em.getRepository(User).createQueryBuilder('u'), scope, 'user')
    .andWhere('u.id = ANY(:ids)', { ids: unique }).andWhere('u.disabled_at IS NULL').getMany();
  if (users.length !== unique.length) throw notFound('User');
  for (const u of users.filter((x) => x.side === Side.PARTNER)) {
    if (brandOnly) throw badInput(field, 'An internal note is for brand colleagues only: share it to CC the distributor');
    if (!distributorId) throw badInput(field, 'Name the distributor before adding its people');
    if (u.distributorId !== distributorId) throw badInput(field, `${u.displayName} works for another distributor than the one this visit is about`);
  }
  return users;
}

export async function visibleDistributor(em: EntityManager, scope: Scope, id: string): Promise<Distributor> {
  const found = isUuid(id) ? await applyScope(em.getRepository(Distributor).createQueryBuilder('d'), scope, 'distributor').andWhere('d.id = :id', { id }).getOne() : null;
  if (!found) throw notFound('Distributor');
  return found;
}

/** The hospital (visible to the viewer), and the department and contacts named, which must be the hospital's own. */
export async function visiblePlace(
  em: EntityManager, scope: Scope, hospitalId: string, departmentId: string | null | undefined, contactIds: string[],
): Promise<Hospital> {
  const hospital = isUuid(hospitalId)
    ? await applyScope(em.getRepository(Hospital).createQueryBuilder('h'), scope, 'hospital').andWhere('h.id = :id', { id: hospitalId }).getOne()
    : null;
  if (!hospital) throw notFound('Hospital');
  if (departmentId && (!isUuid(departmentId) || !(await em.count(HospitalDepartment, { where: { id: departmentId, hospitalId } })))) throw notFound('Department');
  const contacts = [...new Set(contactIds)];
  if (!contacts.every(isUuid)) throw notFound('Contact');
  if (contacts.length) {
    const n = await em.getRepository(HospitalContact).createQueryBuilder('c')
      .where('c.hospital_id = :hospitalId AND c.id = ANY(:contacts)', { hospitalId, contacts }).getCount();
    if (n !== contacts.length) throw notFound('Contact');
  }
  return hospital;
}

/**
 * The regional heads above a brand user, by the same rule as the scope's management chain
 * (a head whose regions cover one of the user's; none for heads and admins); when there is no
 * such head, the brand's admins. Who hears of a disputed commitment.
 */
export async function headsOf(em: EntityManager, brandId: string, userId: string): Promise<string[]> {
  const heads: Array<{ id: string }> = await em.query(
    `SELECT DISTINCT rh.id FROM app_user rh
       JOIN user_region rr ON rr.user_id = rh.id
       JOIN user_region ar ON ar.user_id = $2
       JOIN region r ON r.id = ar.region_id
       JOIN app_user au ON au.id = $2
      WHERE rh.brand_id = $1 AND rh.role = $3 AND rh.disabled_at IS NULL AND rh.id <> $2
        AND au.role NOT IN ($3, $4) AND (rr.region_id = r.id OR rr.region_id = r.parent_id)`,
    [brandId, userId, Role.REGIONAL_HEAD, Role.ADMIN],
  );
  if (heads.length) return heads.map((h) => h.id);
  const admins: Array<{ id: string }> = await em.query(
    `SELECT id FROM app_user WHERE brand_id = $1 AND role = $2 AND disabled_at IS NULL AND id <> $3`,
    [brandId, Role.ADMIN, userId],
  );
  return admins.map((a) => a.id);
}
