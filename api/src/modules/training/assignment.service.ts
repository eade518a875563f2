import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind, PARTNER_ROLES, Role, Side } from '@medchannel/shared-schema';
import { visibleIds } from '../../auth/scoped-ids';
import { Scope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { JsonTreeKit, jsonTreeKit } from '../../db/json-tree';
import { AppError, ErrorCode, ErrorReason, badInput } from '../../common/errors';
import { today } from '../../common/dates';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { NotificationService } from '../notification';
import type { CourseService } from './course.service';
import { CourseAssignment } from './training.entity';
import { AssignCourseInput } from './training.inputs';

/** A reminder is sent again after this many days while the course stays overdue. */
const REMINDER_INTERVAL_DAYS = 7;

/**
 * Which assignments the viewer may see, as SQL over assignment `a`: they are the brand's, so a
 * partner sees none, a brand user those of courses the scope's `course` rule lets them see.
 * assignmentsByCourseId and the courses page (course-page.ts) read them by it alike.
 */
export function assignmentInScope(scope: Scope, a: string, inScope: JsonTreeKit['inScope']): string {
  if (scope.side !== Side.BRAND) return 'FALSE';
  return `${a}.course_id IN (SELECT ${a}_c.id FROM course ${a}_c WHERE ${inScope('course', `${a}_c`)})`;
}

/** A course's assignments newest first, over assignment `a`: their loader and the courses page order them alike. */
export const assignmentOrder = (a: string): Record<string, 'DESC'> => ({
  [`${a}.created_at`]: 'DESC',
  [`${a}.id`]: 'DESC',
});

/**
 * Assigning a course fans it out, in one transaction, to every person it reaches: the partner
 * users (of the roles given) of the distributors the viewer may see that match every criterion
 * given — named distributors, tiers, or a live authorization for one of the product lines (a
 * new-product campaign). Someone already on the course keeps their progress and the earlier due
 * date; someone who passed it is left alone. Each person reached is notified.
 */
export class AssignmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CourseService,
    private readonly notifications: NotificationService,
  ) {}

  listForCourse(scope: Scope, courseIds: readonly string[]): Promise<CourseAssignment[]> {
    const { inScope, params } = jsonTreeKit(this.ds, scope);
    return this.ds
      .getRepository(CourseAssignment)
      .createQueryBuilder('a')
      .where('a.course_id = ANY(:courseIds)', { courseIds })
      .andWhere(assignmentInScope(scope, 'a', inScope), params)
      .orderBy(assignmentOrder('a'))
      .getMany();
  }

  async assign(scope: Scope, input: AssignCourseInput): Promise<CourseAssignment> {
    const { idempotencyKey, ...request } = input;
    const write: IdempotentWrite<CourseAssignment> = {
      hash: fingerprint({
        ...request,
        distributorIds: [...request.distributorIds].sort(),
        tiers: [...request.tiers].sort(),
        productLineIds: [...request.productLineIds].sort(),
        roles: [...request.roles].sort(),
      }),
      constraint: 'course_assignment_idempotency',
      earlier: (em) => this.byKey(em, scope.userId, idempotencyKey),
      reused: () => keyReused('This request key was already used for another assignment'),
    };
    if (!input.distributorIds.length && !input.tiers.length && !input.productLineIds.length) {
      throw badInput('distributorIds', 'Choose distributors, tiers or product lines to assign the course to');
    }
    if (input.dueOn < today()) throw badInput('dueOn', 'The due date is in the past');
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const course = await this.courses.get(scope, input.courseId, em);
        if (!course.publishedVersion || course.archivedAt) {
          throw new AppError(
            ErrorCode.CONFLICT,
            'Publish the course before assigning it',
            'courseId',
            ErrorReason.ILLEGAL_TRANSITION,
          );
        }
        await visibleIds(em, scope, 'distributor', input.distributorIds, 'distributorIds');
        await visibleIds(em, scope, 'productLine', input.productLineIds, 'productLineIds');
        const people = await this.reach(em, scope, input);
        const assignment = await em.save(
          em.create(CourseAssignment, {
            brandId: scope.brandId,
            courseId: course.id,
            distributorIds: [...new Set(input.distributorIds)],
            tiers: [...new Set(input.tiers)],
            roles: [...new Set(input.roles)],
            productLineIds: [...new Set(input.productLineIds)],
            dueOn: input.dueOn,
            enrolled: 0,
            createdBy: scope.userId,
            idempotencyKey,
            requestHash: write.hash,
          }),
        );
        const enrolled: Array<{ user_id: string }> = people.length
          ? await em.query(
              `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, assignment_id, due_on)
         SELECT $1, $2, p.user_id, p.distributor_id, $3, $4 FROM unnest($5::uuid[], $6::uuid[]) AS p(user_id, distributor_id)
         ON CONFLICT (course_id, user_id) DO UPDATE
            SET due_on = LEAST(COALESCE(training_enrollment.due_on, EXCLUDED.due_on), EXCLUDED.due_on),
                assignment_id = COALESCE(training_enrollment.assignment_id, EXCLUDED.assignment_id), updated_at = now()
          WHERE training_enrollment.passed_at IS NULL
         RETURNING user_id`,
              [
                scope.brandId,
                course.id,
                assignment.id,
                input.dueOn,
                people.map((p) => p.userId),
                people.map((p) => p.distributorId),
              ],
            )
          : [];
        assignment.enrolled = enrolled.length;
        await em.update(CourseAssignment, { id: assignment.id }, { enrolled: enrolled.length });
        await this.notifications.notify(em, {
          brandId: scope.brandId,
          userIds: enrolled.map((r) => r.user_id),
          kind: NotificationKind.TRAINING_ASSIGNED,
          entity: 'course',
          entityId: course.id,
          params: { course: course.title, dueOn: input.dueOn },
        });
        await audit(em, scope, 'ASSIGN', 'course', course.id, {
          assignmentId: assignment.id,
          ...request,
          enrolled: enrolled.length,
        });
        return assignment.id;
      }),
    );
    return this.ds.manager.findOneByOrFail(CourseAssignment, { id });
  }

  /** The people an assignment reaches (active partner users of matching distributors the viewer sees). */
  private async reach(
    em: EntityManager,
    scope: Scope,
    input: AssignCourseInput,
  ): Promise<Array<{ userId: string; distributorId: string }>> {
    const { sql, params } = scopeCondition(scope, 'distributor', 'd');
    const qb = em
      .createQueryBuilder()
      .select('u.id', 'userId')
      .addSelect('u.distributor_id', 'distributorId')
      .from('app_user', 'u')
      .innerJoin('distributor', 'd', 'd.id = u.distributor_id')
      .where(sql, params)
      .andWhere(`d.stage <> 'TERMINATED' AND u.disabled_at IS NULL AND u.role = ANY(:roles)`, {
        roles: input.roles.length ? input.roles : PARTNER_ROLES,
      });
    if (input.distributorIds.length) qb.andWhere('d.id = ANY(:ids)', { ids: input.distributorIds });
    if (input.tiers.length) qb.andWhere('d.tier = ANY(:tiers)', { tiers: input.tiers });
    if (input.productLineIds.length) {
      const on = today();
      qb.andWhere(
        `EXISTS (SELECT 1 FROM authorization_grant g WHERE g.distributor_id = d.id AND g.valid_from <= :on AND g.valid_to >= :on
           AND (g.revoked_from IS NULL OR g.revoked_from > :on)
           AND (g.product_line_ids && CAST(:lines AS uuid[]) OR g.product_ids && ARRAY(SELECT gp.id FROM product gp WHERE gp.product_line_id = ANY(:lines))))`,
        { on, lines: input.productLineIds },
      );
    }
    return qb.orderBy('u.id').getRawMany();
  }

  /**
   * Reminds everyone whose assigned course is past due and not passed (and their owner), at most
   * once every REMINDER_INTERVAL_DAYS per enrollment. Safe to run from several processes: each
   * enrollment is claimed by one UPDATE. Returns how many were reminded.
   */
  async remindOverdue(now: Date = new Date()): Promise<number> {
    return this.ds.transaction(async (em) => {
      const due: Array<{
        id: string;
        brand_id: string;
        user_id: string;
        distributor_id: string;
        course_id: string;
        title: string;
        due_on: string;
        learner: string;
      }> = await em.query(
        `WITH claimed AS (
           UPDATE training_enrollment e SET reminded_at = $1
             FROM course c, app_user u
            WHERE c.id = e.course_id AND u.id = e.user_id AND e.passed_at IS NULL AND e.due_on < $2 AND c.archived_at IS NULL
              AND u.disabled_at IS NULL AND (e.reminded_at IS NULL OR e.reminded_at < $1::timestamptz - make_interval(days => $3))
           RETURNING e.id, e.brand_id, e.user_id, e.distributor_id, e.course_id, c.title, e.due_on::text AS due_on, u.display_name AS learner)
         SELECT * FROM claimed`,
        [now, today(now), REMINDER_INTERVAL_DAYS],
      );
      const owners: Array<{ id: string; distributor_id: string }> = due.length
        ? await em.query(
            `SELECT id, distributor_id FROM app_user WHERE distributor_id = ANY($1) AND role = $2 AND disabled_at IS NULL`,
            [[...new Set(due.map((d) => d.distributor_id))], Role.OWNER],
          )
        : [];
      for (const d of due) {
        const ownersOf = owners
          .filter((o) => o.distributor_id === d.distributor_id && o.id !== d.user_id)
          .map((o) => o.id);
        await this.notifications.notify(em, {
          brandId: d.brand_id,
          userIds: [d.user_id, ...ownersOf],
          kind: NotificationKind.TRAINING_OVERDUE,
          entity: 'course',
          entityId: d.course_id,
          params: { course: d.title, dueOn: d.due_on, learner: d.learner },
        });
      }
      return due.length;
    });
  }

  private byKey(em: EntityManager, userId: string, key: string) {
    return em
      .getRepository(CourseAssignment)
      .createQueryBuilder('a')
      .addSelect('a.requestHash')
      .where('a.created_by = :userId AND a.idempotency_key = :key', { userId, key })
      .getOne();
  }
}
