import { EntityManager } from 'typeorm';
import { NotificationKind, Role, StatementStatus } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { addDays } from '../../common/dates';
import { LedgerEntry } from '../ledger';
import type { NotificationService } from '../notification';
import { Statement, StatementLine } from './finance.entity';

/** A month of the ledger as a statement: its bounds, the writing of one version from the entries, and telling its owners. */

/** First and last day of a YYYY-MM month. */
export function periodBounds(period: string): { first: string; last: string } {
  const first = `${period}-01`;
  const [y, m] = period.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

/** The month before the one containing `on`. */
export function previousPeriod(on: string): string {
  return addDays(`${on.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * Writes version `version` of a distributor's month from the ledger as it stands: opening balance
 * (every entry before the month), the month's entries as lines, closing balance. The demo seed
 * issues its statements through this too.
 */
export async function issueStatement(
  em: EntityManager,
  owner: { brandId: string; distributorId: string },
  period: string,
  version: number,
): Promise<Statement> {
  const { first, last } = periodBounds(period);
  const [{ opening }] = await em.query(
    `SELECT COALESCE(SUM(amount), 0)::text AS opening FROM ledger_entry WHERE distributor_id = $1 AND occurred_on < $2`,
    [owner.distributorId, first],
  );
  const entries = await em
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .where('e.distributor_id = :d AND e.occurred_on BETWEEN :first AND :last', { d: owner.distributorId, first, last })
    .orderBy('e.occurred_on')
    .addOrderBy('e.created_at')
    .addOrderBy('e.id')
    .getMany();
  const debits = entries.filter((e) => new Decimal(e.amount).gt(0)).reduce((s, e) => s.plus(e.amount), new Decimal(0));
  const credits = entries
    .filter((e) => new Decimal(e.amount).lt(0))
    .reduce((s, e) => s.minus(e.amount), new Decimal(0));
  const statement = await em.save(
    em.create(Statement, {
      ...owner,
      period,
      version,
      status: StatementStatus.ISSUED,
      currency: 'CNY',
      openingBalance: new Decimal(opening).toFixed(2),
      closingBalance: new Decimal(opening).plus(debits).minus(credits).toFixed(2),
      debits: debits.toFixed(2),
      credits: credits.toFixed(2),
      confirmedBy: null,
      confirmedAt: null,
    }),
  );
  if (entries.length) {
    await em.insert(
      StatementLine,
      entries.map((e, i) => ({
        brandId: owner.brandId,
        statementId: statement.id,
        lineNo: i + 1,
        ledgerEntryId: e.id,
        occurredOn: e.occurredOn,
        kind: e.kind,
        amount: e.amount,
        memo: e.memo,
      })),
    );
  }
  return statement;
}

/**
 * Tells the owners who answer for the statement (its distributor's, and its first tier's, who
 * reconciles a second tier's month) and the reps with finance access that a version was issued;
 * in the issuing transaction.
 */
export async function announceStatement(
  em: EntityManager,
  notifications: NotificationService,
  statement: Statement,
  kind: NotificationKind,
  params: Record<string, string> = {},
): Promise<void> {
  // and the statement's own distributor's reps the owner let see the account (each passes its scope in notify)
  const owners: Array<{ id: string }> = await em.query(
    `SELECT u.id FROM app_user u WHERE u.disabled_at IS NULL AND (
        (u.role = $2 AND u.distributor_id IN (SELECT d.id FROM distributor d WHERE d.id = $1 UNION SELECT d.parent_id FROM distributor d WHERE d.id = $1))
        OR (u.role = $3 AND u.finance_access AND u.distributor_id = $1))`,
    [statement.distributorId, Role.OWNER, Role.REP],
  );
  await notifications.notify(em, {
    brandId: statement.brandId,
    userIds: owners.map((o) => o.id),
    kind,
    entity: 'statement',
    entityId: statement.id,
    params: { period: statement.period, version: String(statement.version), ...params },
  });
}
