import { DataSource } from 'typeorm';
import { Role, Side, TrainingGroupBy } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { today } from '../../common/dates';
import { Page, PageArgs, SortKey, containsPattern, paginateTree } from '../../common/pagination';
import { withinRegion } from '../region';
import { User } from '../user';
import { CompletionArgs, ReadinessArgs } from './training.inputs';
import {
  READINESS_COUNTS,
  ReadinessNode,
  ReadinessPageParts,
  readinessPageTree,
  readinessParams,
} from './readiness-page';

export interface ReadinessCounts {
  userId: string;
  assigned: number;
  inProgress: number;
  completed: number;
  overdue: number;
}

/** The readiness list's order, by name; its cursors' keys. */
export const READINESS_ORDER: SortKey<User>[] = [
  { column: 'u.display_name', value: (u) => u.displayName },
  { column: 'u.id', value: (u) => u.id },
];

export interface CompletionRow {
  key: string;
  label: string;
  assigned: number;
  started: number;
  completed: number;
  overdue: number;
}

/** What training leaves behind, for the people who answer for it: who is ready, and how far each group is. */
export class TrainingReportService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The distributor staff the viewer may see (an owner: their team; brand users: by region), one
   * row each, with the `parts` the request asks of it (counts, distributor, the certificates the
   * certified lines are read from), in one statement (readiness-page.ts).
   */
  readiness(
    scope: Scope,
    page: PageArgs,
    args: ReadinessArgs,
    parts: ReadinessPageParts,
  ): Promise<Page<ReadinessNode>> {
    return paginateTree(
      this.readinessQuery(scope, args),
      page,
      READINESS_ORDER,
      'ASC',
      readinessPageTree(this.ds, scope, parts),
      (n) => n.user,
    );
  }

  /** The readiness list's rows before paging (the dashboards count the same). */
  readinessQuery(scope: Scope, args: ReadinessArgs = {}) {
    const qb = applyScope(this.ds.getRepository(User).createQueryBuilder('u'), scope, 'user').andWhere(
      `u.side = :partner AND u.disabled_at IS NULL`,
      { partner: Side.PARTNER },
    );
    if (scope.side === Side.PARTNER && scope.role === Role.REP) qb.andWhere('u.id = :me', { me: scope.userId });
    if (args.distributorId) qb.andWhere('u.distributor_id = :distributorId', { distributorId: args.distributorId });
    if (args.productLineId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM certificate rc WHERE rc.user_id = u.id AND :line = ANY(rc.product_line_ids) AND rc.issued_on <= :on AND rc.valid_to >= :on)`,
        { line: args.productLineId, on: today() },
      );
    }
    if (args.search) {
      qb.andWhere(
        `(u.display_name ILIKE :s OR u.distributor_id IN (SELECT sd.id FROM distributor sd WHERE sd.brand_id = u.brand_id AND sd.name ILIKE :s))`,
        {
          s: containsPattern(args.search),
        },
      );
    }
    return qb;
  }

  /** Enrollment counts per person, in one query for a page of people. */
  async countsByUserIds(scope: Scope, userIds: readonly string[]): Promise<ReadinessCounts[]> {
    const qb = this.ds
      .createQueryBuilder()
      .from('training_enrollment', 'e')
      .select('e.user_id', 'userId')
      .where('e.user_id = ANY(:userIds)', { userIds, ...readinessParams() })
      .groupBy('e.user_id');
    for (const [name, sql] of READINESS_COUNTS('e')) qb.addSelect(sql, name);
    return applyScope(qb, scope, 'trainee', 'e').getRawMany();
  }

  /** Assigned, started, completed and overdue enrollments, grouped by province, distributor or course. */
  async completion(scope: Scope, args: CompletionArgs): Promise<CompletionRow[]> {
    const group = {
      [TrainingGroupBy.REGION]: { key: 'pr.id', label: 'pr.name' },
      [TrainingGroupBy.DISTRIBUTOR]: { key: 'd.id', label: 'd.name' },
      [TrainingGroupBy.COURSE]: { key: 'c.id', label: 'c.title' },
    }[args.groupBy];
    const qb = this.ds
      .createQueryBuilder()
      .from('training_enrollment', 'e')
      .innerJoin('distributor', 'd', 'd.id = e.distributor_id')
      .innerJoin('region', 'r', 'r.id = d.region_id')
      // the province: the distributor's region, or the one above its city
      .innerJoin('region', 'pr', 'pr.id = COALESCE(r.parent_id, r.id)')
      .innerJoin('course', 'c', 'c.id = e.course_id')
      .select(`${group.key}::text`, 'key')
      .addSelect(`${group.label}`, 'label')
      .addSelect('count(*)::int', 'assigned')
      .addSelect('count(e.started_at)::int', 'started')
      .addSelect('count(e.passed_at)::int', 'completed')
      .addSelect('(count(*) FILTER (WHERE e.passed_at IS NULL AND e.due_on < :on))::int', 'overdue')
      .setParameter('on', today())
      .groupBy(group.key);
    qb.addGroupBy(group.label);
    applyScope(qb, scope, 'trainee', 'e');
    if (args.courseId) qb.andWhere('e.course_id = :courseId', { courseId: args.courseId });
    if (args.regionId) qb.andWhere(withinRegion('d.region_id'), { regionId: args.regionId });
    const rows: CompletionRow[] = await qb.getRawMany();
    return rows.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }
}
