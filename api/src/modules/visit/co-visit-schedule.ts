import { EntityManager } from 'typeorm';
import { CoVisitStatus, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { AppError } from '../../common/errors';
import { today } from '../../common/dates';
import { CoVisit } from './co-visit.entity';

interface Span {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Refuses, as a warning the user may override, times that overlap a confirmed co-visit of anyone
 * on the plan (the same person cannot be at two hospitals at 10:00). The answer names which of
 * the given times clash and, of the clashing visits, only those the viewer may see: of the
 * others it says no more than "a confirmed visit at that time".
 */
export async function refuseOverlaps(
  em: EntityManager,
  scope: Scope,
  userIds: string[],
  spans: Span[],
  field: string,
  exceptCoVisitId: string | null,
): Promise<void> {
  if (!userIds.length || !spans.length) return;
  const clashes: Array<{ id: string; slot: number }> = await em.query(
    `SELECT DISTINCT cv.id, x.i - 1 AS slot
       FROM co_visit cv
       JOIN co_visit_slot s ON s.id = cv.confirmed_slot_id
       JOIN unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS x(st, en, i) ON s.starts_at < x.en AND x.st < s.ends_at
      WHERE cv.brand_id = $1 AND cv.status = $5 AND cv.id IS DISTINCT FROM $6::uuid
        AND EXISTS (SELECT 1 FROM co_visit_participant p WHERE p.co_visit_id = cv.id AND p.user_id = ANY($2::uuid[]))
      ORDER BY 2, 1`,
    [
      scope.brandId,
      [...new Set(userIds)],
      spans.map((s) => s.startsAt.toISOString()),
      spans.map((s) => s.endsAt.toISOString()),
      CoVisitStatus.CONFIRMED,
      exceptCoVisitId,
    ],
  );
  if (!clashes.length) return;
  const ids = [...new Set(clashes.map((c) => c.id))];
  const visible = await applyScope(em.getRepository(CoVisit).createQueryBuilder('cv'), scope, 'coVisit')
    .select('cv.id')
    .andWhere('cv.id = ANY(:ids)', { ids })
    .getMany();
  const seen = new Set(visible.map((v) => v.id));
  throw new AppError(
    ErrorCode.CONFLICT,
    'Someone on this plan has a confirmed visit at that time: confirm to go ahead anyway',
    field,
    ErrorReason.SCHEDULE_OVERLAP,
    { slots: [...new Set(clashes.map((c) => Number(c.slot)))], coVisitIds: ids.filter((id) => seen.has(id)) },
  );
}

/** Check-in is open on the visit's day only, in China time (where the hospitals are). */
export const checkInOpen = (startsAt: Date, now: Date): boolean => today(startsAt) === today(now);
