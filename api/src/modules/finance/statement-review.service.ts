import { DataSource, EntityManager } from 'typeorm';
import {
  DisputeStatus,
  ErrorReason,
  LedgerEntryKind,
  NotificationKind,
  OutboxEventType,
  StatementStatus,
} from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import type { LedgerService } from '../ledger';
import type { OutboxService } from '../outbox';
import type { NotificationService } from '../notification';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import { DisputeStatementInput, ResolveDisputeInput } from './finance.inputs';
import { lockAccount } from './invoice.service';
import { announceStatement, issueStatement, periodBounds } from './statement-issue';
import type { StatementService } from './statement.service';

/**
 * What happens to an issued statement (docs/domain.md, 对账): the owner confirms it or disputes
 * lines; finance answers each dispute (an ADJUSTMENT entry dated in that month, or a rejection with
 * reasons); the last answer supersedes it with the next version, stated from the ledger as it then
 * stands. Each change locks the statement, and only one the viewer may see (StatementService.scoped).
 */
export class StatementReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly statements: StatementService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationService,
  ) {}

  /** The statement, locked for a change, and only if the viewer may see it. */
  private async lock(scope: Scope, em: EntityManager, id: string): Promise<Statement> {
    const [found] = isUuid(id)
      ? await this.statements.scoped(scope, em).andWhere('s.id = :id', { id }).setLock('pessimistic_write').getMany()
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
    return this.statements.get(scope, id);
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
    return this.statements.get(scope, input.statementId);
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
    return this.statements.get(scope, statementId);
  }
}
