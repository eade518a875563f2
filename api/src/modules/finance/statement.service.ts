import { DataSource, EntityManager } from 'typeorm';
import { DisputeStatus, NotificationKind, StatementStatus } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { today } from '../../common/dates';
import { Page, PageArgs, paginateTree } from '../../common/pagination';
import { DisputeNode, DisputePageParts, disputePageTree } from './dispute-page';
import { STATEMENT_LIST_KEYS, statementPageTree } from './statement-page';
import type { StatementTree, StatementTreeParts } from './statement-tree';
import type { DistributorService } from '../distributor';
import type { NotificationService } from '../notification';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import { AccountFilter } from './finance.inputs';
import { lockAccount } from './invoice.service';
import { announceStatement, issueStatement, periodBounds, previousPeriod } from './statement-issue';
import { filterAccounts } from './account-filter';

const ACTIVE = [StatementStatus.ISSUED, StatementStatus.CONFIRMED, StatementStatus.DISPUTED];

/**
 * 对账单: a closed month of a distributor's ledger — opening balance, every entry of the month,
 * closing balance — issued as version 1. The owner confirms it or disputes lines; finance
 * resolves each dispute (an ADJUSTMENT entry dated in that month, or a rejection with reasons);
 * when none is left open, the next version is issued from the ledger as it now stands and the
 * earlier one is kept as SUPERSEDED. Balances come from the entries alone, so a month's closing
 * balance is always the next month's opening one. Reading and issuing are here; the confirmation,
 * disputes and finance's answers are StatementReviewService's (statement-review.service.ts).
 */
export class StatementService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly notifications: NotificationService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Statement).createQueryBuilder('s'), scope, 'finance');
  }

  /** The statements list, newest month first; each row with the `parts` the request asks of it, in one statement (statement-page.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: AccountFilter & { period?: string | null; status?: StatementStatus | null },
    parts: StatementTreeParts,
  ): Promise<Page<StatementTree>> {
    return paginateTree(
      this.listQuery(scope, filter),
      page,
      STATEMENT_LIST_KEYS,
      'DESC',
      statementPageTree(this.ds, scope, parts),
      (n) => n.statement,
    );
  }

  /** The statements list's rows before paging (the home page's to-dos read the same). */
  listQuery(scope: Scope, filter: AccountFilter & { period?: string | null; status?: StatementStatus | null } = {}) {
    const qb = this.scoped(scope);
    filterAccounts(qb, 's.distributor_id', filter);
    if (filter.period) qb.andWhere('s.period = :p', { p: filter.period });
    if (filter.status) qb.andWhere('s.status = :st', { st: filter.status });
    else qb.andWhere('s.status <> :superseded', { superseded: StatementStatus.SUPERSEDED });
    return qb;
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<Statement> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('s.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Statement');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Statement[]> {
    return this.scoped(scope).andWhere('s.id = ANY(:ids)', { ids }).getMany();
  }

  /** Every version of the statements' months, oldest first, for the history. */
  versionsOf(scope: Scope, keys: readonly string[]): Promise<Statement[]> {
    const pairs = keys.map((k) => k.split('|'));
    return this.scoped(scope)
      .andWhere(
        '(s.distributor_id, s.period) IN (SELECT x.d::uuid, x.p FROM unnest(:ds::text[], :ps::text[]) AS x(d, p))',
        {
          ds: pairs.map((p) => p[0]),
          ps: pairs.map((p) => p[1]),
        },
      )
      .orderBy('s.version')
      .getMany();
  }

  private visibleStatementIds(scope: Scope) {
    return this.scoped(scope).select('s.id');
  }

  linesByStatementIds(scope: Scope, ids: readonly string[]): Promise<StatementLine[]> {
    const visible = this.visibleStatementIds(scope);
    return this.ds
      .getRepository(StatementLine)
      .createQueryBuilder('l')
      .where('l.statement_id = ANY(:ids)', { ids })
      .andWhere(`l.statement_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('l.line_no')
      .getMany();
  }

  /** Lines by id, in statements the viewer may read (a dispute's line). */
  linesByIds(scope: Scope, ids: readonly string[]): Promise<StatementLine[]> {
    const visible = this.visibleStatementIds(scope);
    return this.ds
      .getRepository(StatementLine)
      .createQueryBuilder('l')
      .where('l.id = ANY(:ids)', { ids })
      .andWhere(`l.statement_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .getMany();
  }

  disputesByStatementIds(scope: Scope, ids: readonly string[]): Promise<StatementDispute[]> {
    const visible = this.visibleStatementIds(scope);
    return this.ds
      .getRepository(StatementDispute)
      .createQueryBuilder('x')
      .where('x.statement_id = ANY(:ids)', { ids })
      .andWhere(`x.statement_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('x.created_at')
      .addOrderBy('x.id')
      .getMany();
  }

  /** Open disputes finance must answer, oldest first; each row with the `parts` the request asks of it, in one statement (dispute-page.ts). */
  openDisputes(scope: Scope, page: PageArgs, parts: DisputePageParts): Promise<Page<DisputeNode>> {
    return paginateTree(
      this.openDisputesQuery(scope),
      page,
      [
        // milliseconds on both sides of the cursor: a JS Date has no microseconds
        { column: "date_trunc('milliseconds', x.created_at)", value: (x) => x.createdAt.toISOString() },
        { column: 'x.id', value: (x) => x.id },
      ],
      'ASC',
      disputePageTree(this.ds, scope, parts),
      (n) => n.dispute,
    );
  }

  /** The open disputes' rows before paging (the home page's to-dos count the same). */
  openDisputesQuery(scope: Scope) {
    const visible = this.visibleStatementIds(scope);
    return this.ds
      .getRepository(StatementDispute)
      .createQueryBuilder('x')
      .where('x.status = :open', { open: DisputeStatus.OPEN })
      .andWhere(`x.statement_id IN (${visible.getQuery()})`)
      .setParameters({ ...visible.getParameters(), open: DisputeStatus.OPEN });
  }

  /** Issues the month's statement, or returns the version in force (generating twice changes nothing). */
  async generate(scope: Scope, distributorId: string, period: string): Promise<Statement> {
    if (period >= today().slice(0, 7)) throw badInput('period', 'Only a month that has ended can be stated');
    const id = await this.ds.transaction(async (em) => {
      const [distributor] = await this.distributors.byIds(scope, [distributorId], em);
      if (!distributor) throw notFound('Distributor');
      await lockAccount(em, distributor.id);
      const current = await this.current(em, distributor.id, period);
      if (current) return current.id;
      const statement = await issueStatement(
        em,
        { brandId: distributor.brandId, distributorId: distributor.id },
        period,
        1,
      );
      await audit(em, scope, 'ISSUE_STATEMENT', 'statement', statement.id, { distributorId, period, version: 1 });
      await announceStatement(em, this.notifications, statement, NotificationKind.STATEMENT_ISSUED);
      return statement.id;
    });
    return this.get(scope, id);
  }

  /** The scheduled job: last month's statement for every distributor (of one brand, or all) with entries up to then and none yet. Returns how many were issued. */
  async generateDue(on: string = today(), brandId?: string): Promise<number> {
    const period = previousPeriod(on);
    const { last } = periodBounds(period);
    const due: Array<{ brand_id: string; distributor_id: string }> = await this.ds.query(
      `SELECT DISTINCT e.brand_id, e.distributor_id FROM ledger_entry e
        WHERE e.occurred_on <= $1 AND ($3::uuid IS NULL OR e.brand_id = $3)
          AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.distributor_id = e.distributor_id AND s.period = $2)`,
      [last, period, brandId ?? null],
    );
    for (const d of due) {
      await this.ds.transaction(async (em) => {
        await lockAccount(em, d.distributor_id);
        if (await this.current(em, d.distributor_id, period)) return;
        const statement = await issueStatement(em, { brandId: d.brand_id, distributorId: d.distributor_id }, period, 1);
        await announceStatement(em, this.notifications, statement, NotificationKind.STATEMENT_ISSUED);
      });
    }
    return due.length;
  }

  private current(em: EntityManager, distributorId: string, period: string): Promise<Statement | null> {
    return em
      .getRepository(Statement)
      .createQueryBuilder('s')
      .where('s.distributor_id = :d AND s.period = :p AND s.status = ANY(:active)', {
        d: distributorId,
        p: period,
        active: ACTIVE,
      })
      .getOne();
  }
}
