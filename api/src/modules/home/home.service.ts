import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  CommitmentStatus,
  EnrollmentStatus,
  HomeTodoKind,
  OrderStatus,
  Side,
  StatementStatus,
  HOME_TODO_CAPABILITY,
  can,
} from '@medchannel/shared-schema';
import type { Scope } from '../../auth/scope';
import { prefixed } from '../../common/combined-query';
import { addDays, today } from '../../common/dates';
import type { OrderServices } from '../order';
import type { FinanceServices } from '../finance';
import type { VisitServices } from '../visit';
import type { TrainingServices } from '../training';
import type { QualificationServices } from '../qualification';
import type { HomeTodoRecordType, HomeTodoType } from './home.types';

/** How many records a to-do that links to records carries. */
const HOME_TODO_RECORDS = 5;
/** The days ahead the portal's visits tab lists (portal-partner/src/components/upcomingDays.ts): today and 55 on. */
const UPCOMING_DAYS = 55;
/** Documents flagged from 60 days before they expire (the 60/30/7-day warnings), and once expired. */
const EXPIRING_WITHIN_DAYS = 60;

export type HomeDeps = Pick<OrderServices, 'orders'> &
  Pick<FinanceServices, 'statements'> &
  Pick<VisitServices, 'commitments' | 'coVisitQueries'> &
  Pick<TrainingServices, 'learning'> &
  Pick<QualificationServices, 'qualifications'>;

/** One to-do as SQL: its list's rows (the very query the list pages through), and how to read a few of them. */
interface TodoQuery {
  kind: HomeTodoKind;
  rows: (scope: Scope) => SelectQueryBuilder<ObjectLiteral>;
  /** where the to-do links to records: the columns a record carries and their order */
  records?: { select: string[]; orderBy: string };
}

/** The to-dos in the order a home page lists them; each only for the roles that do that work. */
const TODOS = (d: HomeDeps): TodoQuery[] => [
  {
    kind: HomeTodoKind.ORDERS_AWAITING_APPROVAL,
    rows: (scope) => d.orders.listQuery(scope, { statuses: [OrderStatus.SUBMITTED] }),
  },
  {
    kind: HomeTodoKind.STATEMENT_DISPUTES,
    rows: (s) => d.statements.openDisputesQuery(s),
  },
  {
    kind: HomeTodoKind.DISPUTED_COMMITMENTS,
    rows: (scope) => d.commitments.disputedQuery(scope, { statuses: [CommitmentStatus.DISPUTED] }),
  },
  {
    kind: HomeTodoKind.STATEMENT_TO_CONFIRM,
    rows: (scope) =>
      d.statements.listQuery(scope, {
        distributorId: scope.side === Side.PARTNER ? scope.distributorId : null,
        status: StatementStatus.ISSUED,
      }),
    records: { select: ['s.id AS id', 's.period AS period', 's.version AS version'], orderBy: 's.period DESC, s.id' },
  },
  {
    kind: HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE,
    rows: (scope) => d.commitments.inboxQuery(scope, [CommitmentStatus.OPEN]),
  },
  {
    kind: HomeTodoKind.CO_VISITS_AWAITING_ME,
    // the plans of the weeks the visits pages list that wait for the viewer's side, the viewer taking part (myTurn)
    rows: (scope) =>
      d.coVisitQueries
        .mineQuery(scope, { from: today(), to: addDays(today(), UPCOMING_DAYS) })
        .andWhere(`cv.status = 'PROPOSED' AND cv.awaiting_side = :awaitingSide`, { awaitingSide: scope.side }),
    records: { select: ['cv.id AS id', 'cv.starts_at AS "startsAt"'], orderBy: 'cv.starts_at, cv.id' },
  },
  {
    kind: HomeTodoKind.COURSES_DUE,
    rows: (scope) =>
      d.learning.listQuery(scope, { mine: true, statuses: [EnrollmentStatus.ASSIGNED, EnrollmentStatus.IN_PROGRESS] }),
  },
  {
    kind: HomeTodoKind.DOCUMENTS_EXPIRING,
    rows: (scope) =>
      d.qualifications.expiringQuery(
        scope,
        scope.side === Side.PARTNER ? scope.distributorId : '00000000-0000-0000-0000-000000000000',
        EXPIRING_WITHIN_DAYS,
      ),
    records: {
      select: ['q.id AS id', 'q.type AS "documentType"', `to_char(q.valid_to, 'YYYY-MM-DD') AS "validTo"`],
      orderBy: 'q.valid_to, q.id',
    },
  },
];

/**
 * 我的待办 for both home pages in one statement: each to-do the viewer's role does is counted by
 * its list's own query (so a count always equals the list it links to), and those that link to
 * records bring the first few. One request, one statement, whatever the data.
 */
export class HomeService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: HomeDeps,
  ) {}

  async todos(scope: Scope): Promise<HomeTodoType[]> {
    const mine = TODOS(this.deps).filter((todo) => can(scope.role, HOME_TODO_CAPABILITY[todo.kind]));
    if (mine.length === 0) return [];
    const columns: string[] = [];
    let params: Record<string, unknown> = {};
    mine.forEach((todo, i) => {
      const count = prefixed(todo.rows(scope).select('COUNT(*)::int'), `t${i}_`);
      columns.push(`(${count.sql}) AS "count${i}"`);
      params = { ...params, ...count.params };
      if (todo.records) {
        const few = prefixed(
          todo.rows(scope).select(todo.records.select).orderBy(todo.records.orderBy).limit(HOME_TODO_RECORDS),
          `r${i}_`,
        );
        columns.push(`(SELECT COALESCE(json_agg(few), '[]'::json) FROM (${few.sql}) few) AS "records${i}"`);
        params = { ...params, ...few.params };
      }
    });
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(`SELECT ${columns.join(', ')}`, params);
    const [row] = await this.ds.query(sql, values);
    return mine.map((todo, i) => ({
      kind: todo.kind,
      count: row[`count${i}`] as number,
      records: ((row[`records${i}`] ?? []) as Array<HomeTodoRecordType & { startsAt?: string | null }>).map((r) => ({
        ...r,
        startsAt: r.startsAt ? new Date(r.startsAt) : null,
      })),
    }));
  }
}
