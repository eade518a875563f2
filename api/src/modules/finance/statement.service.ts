import { DataSource, EntityManager } from 'typeorm';
import {
  DisputeStatus,
  ErrorReason,
  LedgerEntryKind,
  NotificationKind,
  OutboxEventType,
  StatementStatus,
} from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { today } from '../../common/dates';
import { Page, PageArgs, paginateTree } from '../../common/pagination';
import { DisputeNode, DisputePageParts, disputePageTree } from './dispute-page';
import { STATEMENT_LIST_KEYS, statementPageTree } from './statement-page';
import type { StatementTree, StatementTreeParts } from './statement-tree';
import type { DistributorService } from '../distributor';
import type { LedgerService } from '../ledger';
import type { OutboxService } from '../outbox';
import type { NotificationService } from '../notification';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import { AccountFilter, DisputeStatementInput, ResolveDisputeInput } from './finance.inputs';
import { lockAccount } from './invoice.service';
import { announceStatement, issueStatement, periodBounds, previousPeriod } from './statement-issue';

const ACTIVE = [StatementStatus.ISSUED, StatementStatus.CONFIRMED, StatementStatus.DISPUTED];

/**
 * 对账单: a closed month of a distributor's ledger — opening balance, every entry of the month,
 * closing balance — issued as version 1. The owner confirms it or disputes lines; finance
 * resolves each dispute (an ADJUSTMENT entry dated in that month, or a rejection with reasons);
 * when none is left open, the next version is issued from the ledger as it now stands and the
 * earlier one is kept as SUPERSEDED. Balances come from the entries alone, so a month's closing
 * balance is always the next month's opening one.
 */
export class StatementService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
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
    if (filter.distributorId) qb.andWhere('s.distributor_id = :d', { d: filter.distributorId });
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

  /** The statement, locked for a change, and only if the viewer may see it. */
  private async lock(scope: Scope, em: EntityManager, id: string): Promise<Statement> {
    const [found] = isUuid(id)
      ? await this.scoped(scope, em).andWhere('s.id = :id', { id }).setLock('pessimistic_write').getMany()
      : [];
    if (!found) throw notFound('Statement');
    return found;
  }

  private requireIssued(statement: Statement): void {
    if (statement.status !== StatementStatus.ISSUED) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `This statement is ${statement.status}; only an issued statement can be confirmed or disputed`,
        undefined,
        ErrorReason.ILLEGAL_TRANSITION,
      );
    }
  }

  /** The owner agrees with the month as stated. */
  async confirm(scope: Scope, id: string): Promise<Statement> {
    await this.ds.transaction(async (em) => {
      const statement = await this.lock(scope, em, id);
      this.requireIssued(statement);
      statement.status = StatementStatus.CONFIRMED;
      statement.confirmedBy = scope.userId;
      statement.confirmedAt = new Date();
      await em.save(statement);
      await audit(em, scope, 'CONFIRM_STATEMENT', 'statement', statement.id, {
        period: statement.period,
        version: statement.version,
      });
      await this.outbox.emit(em, statement.brandId, OutboxEventType.STATEMENT_CONFIRMED, 'statement', statement.id, {
        distributorId: statement.distributorId,
        period: statement.period,
        version: statement.version,
        closingBalance: statement.closingBalance,
      });
    });
    return this.get(scope, id);
  }

  /** The owner names the lines they do not agree with, each with a comment. */
  async dispute(scope: Scope, input: DisputeStatementInput): Promise<Statement> {
    await this.ds.transaction(async (em) => {
      const statement = await this.lock(scope, em, input.statementId);
      this.requireIssued(statement);
      const lines = await em.find(StatementLine, { where: { statementId: statement.id } });
      const seen = new Set<string>();
      input.lines.forEach((l, i) => {
        if (!lines.some((x) => x.id === l.lineId)) throw badInput(`lines.${i}.lineId`, 'Not a line of this statement');
        if (seen.has(l.lineId)) throw badInput(`lines.${i}.lineId`, 'This line is disputed twice');
        seen.add(l.lineId);
      });
      await em.insert(
        StatementDispute,
        input.lines.map((l) => ({
          brandId: statement.brandId,
          statementId: statement.id,
          statementLineId: l.lineId,
          comment: l.comment.trim(),
          raisedBy: scope.userId,
          status: DisputeStatus.OPEN,
        })),
      );
      statement.status = StatementStatus.DISPUTED;
      await em.save(statement);
      await audit(em, scope, 'DISPUTE_STATEMENT', 'statement', statement.id, { lines: input.lines });
      await this.outbox.emit(em, statement.brandId, OutboxEventType.STATEMENT_DISPUTED, 'statement', statement.id, {
        distributorId: statement.distributorId,
        period: statement.period,
        version: statement.version,
        lines: input.lines.map((l) => ({
          lineNo: lines.find((x) => x.id === l.lineId)!.lineNo,
          comment: l.comment.trim(),
        })),
      });
    });
    return this.get(scope, input.statementId);
  }

  /**
   * Finance answers one dispute: an adjustment entry (dated the month's last day, so the corrected
   * month carries it) or a rejection with reasons. The last answer reissues the statement.
   */
  async resolve(scope: Scope, input: ResolveDisputeInput): Promise<Statement> {
    const statementId = await this.ds.transaction(async (em) => {
      // Only a dispute on a statement the viewer may see: another account's answers like no dispute at all.
      const visible = scopeCondition(scope, 'finance', 'vs');
      const found = isUuid(input.disputeId)
        ? await em
            .getRepository(StatementDispute)
            .createQueryBuilder('x')
            .where('x.id = :id', { id: input.disputeId })
            .andWhere(`x.statement_id IN (SELECT vs.id FROM statement vs WHERE ${visible.sql})`, visible.params)
            .getOne()
        : null;
      if (!found) throw notFound('Dispute');
      const statement = await this.lock(scope, em, found.statementId);
      // the reissue below states the month from the ledger: no entry may be on its way into it meanwhile
      await lockAccount(em, statement.distributorId);
      // Read again under the statement's lock: a second answer to the same dispute (a double click,
      // two people) waited here and must see the first one's outcome, not what it read before.
      const dispute = await em.findOneOrFail(StatementDispute, { where: { id: found.id } });
      if (dispute.status !== DisputeStatus.OPEN || statement.status !== StatementStatus.DISPUTED) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'This dispute has been answered already',
          undefined,
          ErrorReason.ILLEGAL_TRANSITION,
        );
      }
      const adjustment = input.adjustment ? new Decimal(input.adjustment) : null;
      if (adjustment?.isZero())
        throw badInput('adjustment', 'An adjustment of zero changes nothing; reject the dispute instead');
      if (adjustment) {
        const entry = await this.ledger.append(em, {
          brandId: statement.brandId,
          distributorId: statement.distributorId,
          kind: LedgerEntryKind.ADJUSTMENT,
          amount: adjustment.toFixed(2),
          currency: statement.currency,
          occurredOn: periodBounds(statement.period).last,
          sourceType: 'statement_dispute',
          sourceId: dispute.id,
          memo: input.resolution.trim(),
          createdBy: scope.userId,
        });
        dispute.adjustmentEntryId = entry.id;
      }
      dispute.status = adjustment ? DisputeStatus.ADJUSTED : DisputeStatus.REJECTED;
      dispute.resolution = input.resolution.trim();
      dispute.resolvedBy = scope.userId;
      dispute.resolvedAt = new Date();
      await em.save(dispute);
      await audit(em, scope, 'RESOLVE_DISPUTE', 'statement', statement.id, {
        disputeId: dispute.id,
        status: dispute.status,
        adjustment: adjustment?.toFixed(2) ?? null,
        resolution: dispute.resolution,
      });
      const line = await em.findOneOrFail(StatementLine, { where: { id: dispute.statementLineId } });
      await this.notifications.notify(em, {
        brandId: statement.brandId,
        userIds: [dispute.raisedBy],
        kind: NotificationKind.STATEMENT_DISPUTE_ANSWERED,
        entity: 'statement',
        entityId: statement.id,
        params: {
          period: statement.period,
          version: String(statement.version),
          lineNo: String(line.lineNo),
          status: dispute.status,
          ...(adjustment ? { adjustment: adjustment.toFixed(2) } : {}),
        },
      });
      const stillOpen = await em.count(StatementDispute, {
        where: { statementId: statement.id, status: DisputeStatus.OPEN },
      });
      if (stillOpen) return statement.id;
      statement.status = StatementStatus.SUPERSEDED;
      await em.save(statement);
      const next = await issueStatement(
        em,
        { brandId: statement.brandId, distributorId: statement.distributorId },
        statement.period,
        statement.version + 1,
      );
      await audit(em, scope, 'REISSUE_STATEMENT', 'statement', next.id, {
        replaces: statement.id,
        version: next.version,
      });
      await announceStatement(em, this.notifications, next, NotificationKind.STATEMENT_REISSUED, {
        previousVersion: String(statement.version),
        closingBalanceChange: new Decimal(next.closingBalance).minus(statement.closingBalance).toFixed(2),
      });
      return next.id;
    });
    return this.get(scope, statementId);
  }
}
